"""Article full-text search with one query language on both databases; the backend is chosen by connection.vendor.

The query language is the web's: words are all required, "quoted words" are a phrase, `or` between two terms
accepts either, `-word` excludes, `word*` is a prefix. parse_query reads it once; each backend gets it in its own
syntax, so both find the same articles.
PostgreSQL: the trigger-filled, weighted search_vector (to_tsquery), SearchRank and SearchHeadline.
SQLite: an FTS5 table kept in step by triggers (articles/migrations/0003), bm25 with the title weighted, snippet().
Both give each article a `headline` that the page turns into escaped HTML with <mark> (see headline_html).
Callers may pass `also`, a condition on articles that matches besides the text (the knowledge base passes "names a
person the query names", so that a spelling variant finds the articles): this app knows nothing of people.
"""

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F, FloatField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.db.models.lookups import Lookup
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


# --- the query language ------------------------------------------------------------------------------------------

# A quoted phrase (a missing closing quote ends it at the end of the query), or a run of anything but spaces.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# The words of a term, as both databases' tokenizers cut them (letters and digits; punctuation separates).
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    """A word or a phrase of words in this order; with `prefix`, its last word may continue."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts5(self) -> str:
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")

    def tsquery(self) -> str:
        quoted = [f"'{word}'" for word in self.words]
        if self.prefix:
            quoted[-1] += ":*"
        return " <-> ".join(quoted)


@dataclass(frozen=True)
class ParsedQuery:
    """Every group must match (a group matches when any of its terms does); no excluded term may."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.groups and not self.excluded

    @property
    def words(self) -> list[str]:
        """The words sought, for marking them in a snippet cut here."""
        return [word for group in self.groups for term in group for word in term.words]

    def any_excluded(self) -> "ParsedQuery":
        """The query that matches what this one excludes."""
        return ParsedQuery(groups=(self.excluded,)) if self.excluded else ParsedQuery()

    def fts5(self) -> str:
        """SQLite FTS5 syntax; only for a query with a group (FTS5 has no NOT on its own)."""
        found = " AND ".join("(" + " OR ".join(t.fts5() for t in group) + ")" for group in self.groups)
        if self.excluded:
            found = f"({found}) NOT (" + " OR ".join(t.fts5() for t in self.excluded) + ")"
        return found

    def tsquery(self) -> str:
        """PostgreSQL to_tsquery syntax; the words are stemmed by the search configuration there."""
        parts = ["(" + " | ".join(t.tsquery() for t in group) + ")" for group in self.groups]
        parts += [f"!({t.tsquery()})" for t in self.excluded]
        return " & ".join(parts)


def parse_query(query: str | None) -> ParsedQuery:
    """What was typed, web style, as terms; operators and quotes that lead nowhere are dropped, never an error."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in _TOKEN.finditer(_clean(query)):
        minus, phrase, bare = match.groups()
        if bare is not None and bare.lower() == "or":
            join_next = bool(groups)
            continue
        text = phrase if bare is None else bare.lstrip("-")
        negative = bool(minus) if bare is None else bare.startswith("-")
        words = tuple(_WORD.findall(text.lower()))
        if not words:
            continue
        term = Term(words, prefix=bare is not None and text.endswith("*"))
        if negative:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return ParsedQuery(tuple(tuple(group) for group in groups), tuple(excluded))


# --- matching and ranking, per backend ---------------------------------------------------------------------------

FTS_TABLE = "articles_article_fts"
# bm25 weights of the FTS columns (title, outlet, author, body): PostgreSQL's vector weighs them A, B, B, C.
FTS_WEIGHTS = "10.0, 2.0, 2.0, 1.0"
_FTS_IDS = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608 - constants only
_FTS_OF_ROW = f'FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid = "articles_article"."id"'
# bm25 is lower for a better match; negated, higher is better on both backends.
_FTS_RANK = f"(SELECT -bm25({FTS_TABLE}, {FTS_WEIGHTS}) {_FTS_OF_ROW})"
_FTS_SNIPPET = f"(SELECT snippet({FTS_TABLE}, 3, %s, %s, '…', 40) {_FTS_OF_ROW})"


def _fts(sql: str, match: str, *params: str, **kwargs) -> RawSQL:
    """One of the constant FTS5 statements above; what was typed only ever goes in as the MATCH parameter."""
    return RawSQL(sql, [*params, match], **kwargs)  # noqa: S611


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _tsquery(parsed: ParsedQuery):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(parsed.tsquery(), search_type="raw", config=SEARCH_CONFIG)


def _text_matches(parsed: ParsedQuery) -> Q:
    """The articles whose text matches, as a condition."""
    if _postgres():
        return Q(search_vector=_tsquery(parsed))
    if not parsed.groups:
        return ~Q(id__in=_fts(_FTS_IDS, parsed.any_excluded().fts5()))
    return Q(id__in=_fts(_FTS_IDS, parsed.fts5()))


def _matches(parsed: ParsedQuery, also: QuerySet | None) -> Q:
    """Text matches, and the articles `also` names unless they carry an excluded term."""
    found = _text_matches(parsed)
    if also is not None:
        named = _ids_among(also)
        if parsed.excluded:
            named &= ~_text_matches(parsed.any_excluded())
        found |= named
    return found


def _ids_among(ids: QuerySet) -> Q:
    """The articles whose ids a subquery gives. On PostgreSQL as `id = ANY(ARRAY(subquery))`: the array is read
    once, and the pkey index ORed with the text's GIN index (a BitmapOr); `id IN (subquery)` beside a text match
    made the planner test every article's vector instead, 3-5 s at 100,000 articles where this takes 0.1 s."""
    if not _postgres():
        return Q(id__in=ids)
    from django.contrib.postgres.expressions import ArraySubquery

    return Q(_AnyOf(F("id"), ArraySubquery(ids)))


class _AnyOf(Lookup):
    """`lhs = ANY(array)` (PostgreSQL): Django's `in` lookup writes `IN (subquery)`."""

    lookup_name = "any_of"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


def _rank(parsed: ParsedQuery):
    """How well an article's text matches, higher better; 0 for an article matched by `also` alone."""
    if _postgres():
        from django.contrib.postgres.search import SearchRank

        return SearchRank(F("search_vector"), _tsquery(parsed))
    if not parsed.groups:
        return Value(0.0, output_field=FloatField())
    return Coalesce(_fts(_FTS_RANK, parsed.fts5(), output_field=FloatField()), 0.0)


def _with_snippets(queryset: QuerySet, parsed: ParsedQuery) -> QuerySet:
    """SQLite: each article read carries its highlighted snippet (read with a page's articles, no query of its own)."""
    if _postgres() or not parsed.groups:
        return queryset
    return queryset.annotate(search_snippet=_fts(_FTS_SNIPPET, parsed.fts5(), START, STOP))


# --- the searches ------------------------------------------------------------------------------------------------


def search_articles(queryset: QuerySet, query: str, also: QuerySet | None = None) -> QuerySet:
    """Matching articles, best first, as a QuerySet (the admin filters and pages it further)."""
    if not _clean(query):
        return queryset
    parsed = parse_query(query)
    if parsed.empty:
        return queryset.none()
    if _postgres():
        return _search_postgres(queryset, parsed, also)
    return (
        _with_snippets(queryset.filter(_matches(parsed, also)), parsed)
        .annotate(rank=_rank(parsed))
        .order_by("-rank", F("published_on").desc(nulls_last=True), "-id")
    )


def search_ranked(queryset: QuerySet, query: str, also: QuerySet | None = None):
    """Matching articles, best first, as the public search pages them: a RankedArticles (the ranking and the count
    in one query, the page's articles in another)."""
    if not _clean(query):
        return queryset
    parsed = parse_query(query)
    if parsed.empty:
        return queryset.none()
    ranked = (
        queryset.filter(_matches(parsed, also))
        .annotate(rank=_rank(parsed))
        .order_by()
        .values_list("id", "rank", "published_on")[:RANK_CANDIDATES]
    )
    steer = parsed.tsquery() if _postgres() else ""
    return RankedArticles(_with_snippets(queryset, parsed), ranked, steer)


def _search_postgres(queryset: QuerySet, parsed: ParsedQuery, also: QuerySet | None) -> QuerySet:
    """The first RANK_CANDIDATES matches the index yields, read here (one query), ranked by the QuerySet."""
    with _through_the_index(parsed.tsquery()):
        candidates = list(  # every article the index yields, not only the queryset's: it is filtered below
            queryset.model._default_manager.filter(_matches(parsed, also))
            .order_by()
            .values_list("id", flat=True)[:RANK_CANDIDATES]
        )
    return (
        queryset.filter(id__in=candidates)
        .annotate(rank=_rank(parsed))
        .order_by("-rank", F("published_on").desc(nulls_last=True), "-id")
    )


def count_is_capped(results, count: int) -> bool:
    """Whether more articles match than were ranked, from the count already read (it is then a lower bound):
    a yes/no that runs no query of its own."""
    return isinstance(results, RankedArticles) and count >= RANK_CANDIDATES


class RankedArticles(Sequence):
    """Search results as a sequence a Paginator can cut: the ids of the first RANK_CANDIDATES matches the index
    yields, ranked in one query (which also gives the count), and the articles of a page read when it is cut.
    The query, when given (PostgreSQL's to_tsquery text), steers that ranking query through the index
    (see _through_the_index)."""

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
            rows.sort(key=lambda r: (-(r[1] or 0.0), -(r[2].toordinal() if r[2] else 0), -r[0]))
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
WITH q AS (SELECT to_tsquery(%(config)s::regconfig, %(query)s) AS query),
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
def _through_the_index(tsquery: str) -> Iterator[None]:
    """Statements in this block find matches through the GIN index, not by a sequential scan. Under a LIMIT the
    planner prefers reading the table in order and testing each row, but it does not count that the test unpacks
    each row's TOASTed vector: for a word in one article in eight that read 8,000 vectors to find 1,000 matches
    (40 ms at 100,000 articles) where the index hands over the 1,000 directly (7 ms). A query with nothing to find
    ("-word" alone; querytree is then 'T') matches most articles, which the table yields faster than the index."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('enable_seqscan', "
            "CASE querytree(to_tsquery(%s::regconfig, %s)) WHEN 'T' THEN 'on' ELSE 'off' END, true)",
            [SEARCH_CONFIG, tsquery],
        )
        yield


def page_headlines(articles: list, query: str) -> dict[int, str]:
    """Highlighted snippets by article id for the articles on one page only, never for all matches. One query on
    PostgreSQL, over a window of each body (HEADLINE_WINDOW); on SQLite none: the page's articles carry FTS5's."""
    parsed = parse_query(query)
    if not parsed.groups or not articles:
        return {}
    if not _postgres():
        return {a.pk: a.search_snippet for a in articles if getattr(a, "search_snippet", None)}
    params = {
        "config": SEARCH_CONFIG,
        "query": parsed.tsquery(),
        "lead": HEADLINE_LEAD,
        "window": HEADLINE_WINDOW,
        "options": f"StartSel={START}, StopSel={STOP}, MaxWords=40, MinWords=20, MaxFragments=2",
        "ids": [a.pk for a in articles],
    }
    with connection.cursor() as cursor:
        cursor.execute(_HEADLINES_SQL, params)
        return dict(cursor.fetchall())


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
    """The article's headline for a query (the database's, else cut here) as HTML: escaped, then the matches marked.
    Cut here for an article matched otherwise than by its text (`also`), where the words may well not occur."""
    raw = headline
    if raw is None:
        raw = snippet(article.body, parse_query(query).words)
    html = str(escape(raw)).replace(START, "<mark>").replace(STOP, "</mark>")
    if html.count("<mark>") != html.count("</mark>"):
        html = str(escape(raw.replace(START, "").replace(STOP, "")))
    return mark_safe(html)  # noqa: S308 - escaped above; only our own <mark> tags are added
