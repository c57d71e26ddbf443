"""Article full-text search; the backend is chosen by connection.vendor.

PostgreSQL: the trigger-filled search_vector, websearch syntax, SearchRank and SearchHeadline.
SQLite: every word must appear in the title or body ("-word" excludes), newest first, a snippet cut in Python.
Both give each article a `headline` that the page turns into escaped HTML with <mark> (see headline_html).
"""

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext

from django.db import connection, transaction
from django.db.models import F, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_CHARS = 200
# Private-use characters mark the matches in a headline: they survive escaping and never occur in news text.
START, STOP = "\ue000", "\ue001"
SNIPPET_CHARS = 240
# Ranking reads every matching row's vector; a common word in a large archive matches tens of thousands.
# The best-ranked page is sought among the first this many matches the index yields: a bounded cost per search.
RANK_CANDIDATES = 1000
# The text search configuration of the search_vector trigger (articles/migrations/0002): queries must stem alike.
SEARCH_CONFIG = "english"


def _clean(query: str | None) -> str:
    return (query or "")[:MAX_QUERY_CHARS].strip()


def search_articles(queryset: QuerySet, query: str) -> QuerySet:
    """Matching articles, best first, as a QuerySet (the admin filters and pages it further)."""
    query = _clean(query)
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        return _search_postgres(queryset, query)
    return _search_fallback(queryset, query)


def search_ranked(queryset: QuerySet, query: str):
    """Matching articles, best first, as the public search pages them: on PostgreSQL a RankedArticles (the
    ranking and the count in one query), elsewhere the QuerySet of search_articles."""
    query = _clean(query)
    if not query or connection.vendor != "postgresql":
        return search_articles(queryset, query)
    from django.contrib.postgres.search import SearchRank

    search = _websearch(query)
    ranked = (
        queryset.filter(search_vector=search)
        .annotate(rank=SearchRank(F("search_vector"), search))
        .order_by()
        .values_list("id", "rank", "published_on")[:RANK_CANDIDATES]
    )
    return RankedArticles(queryset, ranked, query)


def _websearch(query: str):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)


def _search_postgres(queryset: QuerySet, query: str) -> QuerySet:
    """The first RANK_CANDIDATES matches the index yields, read here (one query), ranked by the QuerySet."""
    from django.contrib.postgres.search import SearchRank

    search = _websearch(query)
    with _through_the_index(query):
        candidates = list(  # every article the index yields, not only the queryset's: it is filtered below
            queryset.model._default_manager.filter(search_vector=search)
            .order_by()
            .values_list("id", flat=True)[:RANK_CANDIDATES]
        )
    return (
        queryset.filter(id__in=candidates)
        .annotate(rank=SearchRank(F("search_vector"), search))
        .order_by("-rank", F("published_on").desc(nulls_last=True), "-id")
    )


def count_is_capped(results, count: int) -> bool:
    """Whether more articles match than were ranked, from the count already read (it is then a lower bound):
    a yes/no that runs no query of its own."""
    return isinstance(results, RankedArticles) and count >= RANK_CANDIDATES


class RankedArticles(Sequence):
    """Search results as a sequence a Paginator can cut: the ids of the first RANK_CANDIDATES matches the index
    yields, ranked in one query (which also gives the count), and the articles of a page read when it is cut.
    The query's text, when given, steers that ranking query through the index (see _through_the_index)."""

    def __init__(self, queryset: QuerySet, ranked, query: str = "") -> None:
        self.queryset = queryset
        self.query = query
        self._ranked = ranked
        self._ids: list[int] | None = None

    @property
    def ids(self) -> list[int]:
        if self._ids is None:
            with _through_the_index(self.query) if self.query else nullcontext():
                rows = list(self._ranked)
            rows.sort(key=lambda r: (-r[1], -(r[2].toordinal() if r[2] else 0), -r[0]))
            self._ids = [row[0] for row in rows]
        return self._ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        wanted = self.ids[index]
        found = self.queryset.in_bulk(wanted)
        return [found[pk] for pk in wanted if pk in found]


# A headline is drawn from this many characters around the first word of the query found in the body: ts_headline
# parses all the text it is given, and the best-ranked articles are often the longest (tens of kilobytes each).
HEADLINE_WINDOW = 1500
# The window opens this far before that word, so that the snippet can show what leads up to it.
HEADLINE_LEAD = 400
# The words sought are the lexemes of the query's positive part (querytree drops negated terms) as a regular
# expression of word beginnings: a stem begins the words it stands for once a final "e" or "i" is off ("hope"
# finds "hoping", "happi" finds "happy"). Where none is found (a match in the title only), the window is the start
# of the body.
_HEADLINES_SQL = r"""
WITH q AS (SELECT websearch_to_tsquery(%(config)s::regconfig, %(query)s) AS query),
words AS (
    SELECT '\m(' || string_agg(
        regexp_replace(
            regexp_replace(replace(m[1], '''''', ''''), '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g'),
            '^(...+)[ei]$', '\1'
        ),
        '|'
    ) || ')' AS pattern
    FROM q, regexp_matches(querytree(q.query), '''((?:[^'']|'''')+)''', 'g') AS m
)
SELECT a.id, ts_headline(
    %(config)s::regconfig,
    substr(a.body, greatest(1, regexp_instr(a.body, words.pattern, 1, 1, 0, 'i') - %(lead)s), %(window)s),
    q.query,
    %(options)s
)
FROM articles_article a, q, words
WHERE a.id = ANY(%(ids)s)
"""


@contextmanager
def _through_the_index(query: str) -> Iterator[None]:
    """Statements in this block find matches through the GIN index, not by a sequential scan. Under a LIMIT the
    planner prefers reading the table in order and testing each row, but it does not count that the test unpacks
    each row's TOASTed vector: for a word in one article in eight that read 8,000 vectors to find 1,000 matches
    (40 ms at 100,000 articles) where the index hands over the 1,000 directly (7 ms). A query with nothing to find
    ("-word" alone; querytree is then 'T') matches most articles, which the table yields faster than the index."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('enable_seqscan', "
            "CASE querytree(websearch_to_tsquery(%s::regconfig, %s)) WHEN 'T' THEN 'on' ELSE 'off' END, true)",
            [SEARCH_CONFIG, query],
        )
        yield


def page_headlines(articles: list, query: str) -> dict[int, str]:
    """Highlighted snippets by article id for the articles on one page only, never for all matches. One query on
    PostgreSQL, over a window of each body (HEADLINE_WINDOW); elsewhere none, and headline_html cuts the snippet."""
    query = _clean(query)
    if not query or not articles or connection.vendor != "postgresql":
        return {}
    params = {
        "config": SEARCH_CONFIG,
        "query": query,
        "lead": HEADLINE_LEAD,
        "window": HEADLINE_WINDOW,
        "options": f"StartSel={START}, StopSel={STOP}, MaxWords=40, MinWords=20, MaxFragments=2",
        "ids": [a.pk for a in articles],
    }
    with connection.cursor() as cursor:
        cursor.execute(_HEADLINES_SQL, params)
        return dict(cursor.fetchall())


def query_terms(query: str) -> tuple[list[str], list[str]]:
    """The words to find and the words to exclude ('-word'), websearch style, operators and quotes dropped."""
    wanted, unwanted = [], []
    for token in re.findall(r'-?[^\s"]+', query):
        if token.lower() == "or":
            continue
        word = token.lstrip("-")
        if word:
            (unwanted if token.startswith("-") else wanted).append(word)
    return wanted, unwanted


def _search_fallback(queryset: QuerySet, query: str) -> QuerySet:
    wanted, unwanted = query_terms(query)
    for word in wanted:
        queryset = queryset.filter(Q(title__icontains=word) | Q(body__icontains=word))
    for word in unwanted:
        queryset = queryset.exclude(Q(title__icontains=word) | Q(body__icontains=word))
    return queryset


def snippet(text: str, words: list[str], size: int = SNIPPET_CHARS) -> str:
    """A window of the text around the first word found, the words marked with START/STOP."""
    text = text.replace(START, "").replace(STOP, "")
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None
    first = pattern.search(text) if pattern else None
    begin = max(0, first.start() - size // 3) if first else 0
    window = text[begin : begin + size]
    if begin > 0:
        window = "…" + window.split(" ", 1)[-1]
    if begin + size < len(text):
        window = window.rsplit(" ", 1)[0] + "…"
    return pattern.sub(lambda m: f"{START}{m.group()}{STOP}", window) if pattern else window


def headline_html(article, query: str, headline: str | None = None) -> SafeString:
    """The article's headline for a query (the database's, else cut here) as HTML: escaped, then the matches marked."""
    raw = headline
    if raw is None:
        raw = snippet(article.body, query_terms(_clean(query))[0])
    html = str(escape(raw)).replace(START, "<mark>").replace(STOP, "</mark>")
    if html.count("<mark>") != html.count("</mark>"):
        html = str(escape(raw.replace(START, "").replace(STOP, "")))
    return mark_safe(html)  # noqa: S308 - escaped above; only our own <mark> tags are added
