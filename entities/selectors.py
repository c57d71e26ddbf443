"""Reads that cross models: the knowledge base summary, the timeline, one event, one official, who met whom.

Every function returns with its related rows prefetched, so that pages run a fixed number of queries, and hands
the templates typed pages and rows (entities.pages) rather than attributes set on model instances.
"""

import datetime
from collections import Counter

from django.core.cache import cache
from django.db.models import Count, Exists, F, Max, Min, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf, TruncMonth
from django.shortcuts import get_object_or_404

from articles.models import Article
from articles.search import headline_html, page_headlines, search_ranked
from entities.charts import ChartRow
from entities.formatting import participant_names, timeline_headings
from entities.models import (
    Actor,
    ActorKind,
    Event,
    Evidence,
    MergeRecord,
    Participation,
    ReviewStatus,
    Role,
    rejected,
)
from entities.pages import (
    ArticlePage,
    ArticleRow,
    Contact,
    EventPage,
    MentionedPerson,
    MentioningArticle,
    MonthGroup,
    OfficialPage,
    OfficialRow,
    PairRelations,
    Participant,
    ReportedEvent,
    Summary,
    YearGroup,
)
from entities.search import articles_naming, match_officials

# A role counts as held at an event when the event falls within this margin (days) of when it was seen.
ROLE_MARGIN_DAYS = 365
# Events read from the database at a time by an export (with their participants and sources).
EXPORT_CHUNK_ROWS = 500
# The timeline's order: newest first, undated last, the id breaking ties (EventQuerySet.timeline).
TIMELINE_ORDER = (F("date_start").desc(nulls_last=True), "-id")
# Review statuses a visitor sees (all but rejected), for filters that must stay inside one join.
VISIBLE_STATUSES = [ReviewStatus.PENDING, ReviewStatus.CONFIRMED]
# Officials whose score is this close to the best match are all taken when a filter names someone.
OFFICIAL_SCORE_BAND = 0.1


# --- building blocks ---------------------------------------------------------------------------------------------


def latest_roles_prefetch(lookup: str = "roles") -> Prefetch:
    """An actor's roles, the latest seen first: a list shows the first one."""
    return Prefetch(lookup, queryset=Role.objects.order_by(F("last_seen").desc(nulls_last=True), "-id"))


COUNTRY_CHOICES_KEY = "parley:country-choices"
COUNTRY_CHOICES_SECONDS = 300


def country_choices(*, fresh: bool = False) -> list[tuple[str, str]]:
    """Every country the knowledge base names, as a host or a participant's.

    One query over three tables, so it is cached for a few minutes (it only grows when a new country
    appears); `fresh` reads it again, as the timeline's filter does for a country it does not know yet.
    """
    choices = None if fresh else cache.get(COUNTRY_CHOICES_KEY)
    if choices is None:
        hosts = Event.objects.exclude(host_country="").values_list("host_country", flat=True)
        people = Participation.objects.exclude(country="").values_list("country", flat=True)
        actors = Actor.objects.exclude(country="").values_list("country", flat=True)
        names = hosts.order_by().union(people.order_by(), actors.order_by())
        choices = [(name, name) for name in sorted(set(names))]
        cache.set(COUNTRY_CHOICES_KEY, choices, COUNTRY_CHOICES_SECONDS)
    return choices


def official_ids(value: str) -> list[int]:
    """An official named by id or by any of their names, as a list of actor ids (empty when nobody matches)."""
    value = value.strip()
    if value.isascii() and value.isdigit():
        return [int(value)] if len(value) < 19 else []
    matches = match_officials(value)
    if not matches:
        return []
    floor = matches[0].score - OFFICIAL_SCORE_BAND
    return [m.actor_id for m in matches if m.score >= floor]


# --- home --------------------------------------------------------------------------------------------------------


def kb_summary() -> Summary:
    """What the knowledge base holds: three aggregate queries."""
    events = Event.objects.visible().aggregate(
        total=Count("id"),
        undated=Count("id", filter=Q(date_start__isnull=True)),
        first=Min("date_start"),
        last=Max(Coalesce("date_end", "date_start")),
    )
    return Summary(
        events=events["total"],
        undated_events=events["undated"],
        officials=Actor.objects.officials().count(),
        articles=Article.objects.count(),
        first_date=events["first"],
        last_date=events["last"],
    )


def latest_events(limit: int = 8) -> list[Event]:
    """The newest dated events, for the home page."""
    return list(Event.objects.visible().filter(date_start__isnull=False).with_participants().with_meetings()[:limit])


# --- timeline ----------------------------------------------------------------------------------------------------


def chart_rows(events: QuerySet[Event]) -> list[ChartRow]:
    """Events per month, kind and date precision, oldest first, undated (month None) last; one query."""
    rows = (
        events.annotate(month=TruncMonth("date_start"))
        .order_by()
        .values_list("month", "kind", "date_precision")
        .annotate(n=Count("id"))
        .order_by(F("month").asc(nulls_last=True), "kind", "date_precision")
    )
    return [ChartRow(month, kind, precision, n) for month, kind, precision, n in rows]


def month_counts(rows: list[ChartRow]) -> list[tuple[datetime.date | None, int]]:
    """Events per month, oldest first, with undated events counted under None."""
    totals: dict[datetime.date | None, int] = {}
    for row in rows:
        totals[row.month] = totals.get(row.month, 0) + row.count
    return list(totals.items())


def undated_left_out(filterset) -> int:
    """How many undated events a date range left out (they match every other filter): one query, only with a range."""
    if not filterset.dated_range() or filterset.form.cleaned_data.get("undated"):
        return 0
    widened = filterset.derived(undated="on")
    return widened.qs.filter(date_start__isnull=True).count() if widened.is_valid() else 0


def group_by_month(events: list[Event]) -> tuple[list[YearGroup], list[Event]]:
    """A page of events (newest first) grouped by year and month, and the undated ones apart."""
    years: list[YearGroup] = []
    undated: list[Event] = []
    for event in events:
        if event.date_start is None:
            undated.append(event)
            continue
        year, month = timeline_headings(event)
        if not years or years[-1].label != year:
            years.append(YearGroup(year, f"y{year}"))
        months = years[-1].months
        if not months or months[-1].label != month:
            months.append(MonthGroup(month, f"m{len(months)}-{year}"))
        months[-1].events.append(event)
    return years, undated


def export_rows(events: QuerySet[Event], start: int = 0, stop: int | None = None):
    """The filtered events for export (those from `start` to `stop` in timeline order), read in chunks with
    participants and sources: a server-side cursor on PostgreSQL, so memory stays flat whatever the size."""
    sources = Prefetch(
        "evidence",
        queryset=Evidence.objects.select_related("article")
        .order_by("article_id", "start")
        .only(
            "event_id",
            "article_id",
            "sentence",
            "article__title",
            "article__outlet",
            "article__published_on",
            "article__url",
        ),
    )
    return events.in_timeline_order().prefetch_related(sources)[start:stop].iterator(chunk_size=EXPORT_CHUNK_ROWS)


# --- one event ---------------------------------------------------------------------------------------------------


def roles_held(roles, start: datetime.date | None, end: datetime.date | None) -> list[Role]:
    """The roles whose sightings lie within ROLE_MARGIN_DAYS of the event's dates."""
    if start is None:
        return []
    # Compared as day numbers: a date a year from either end of the calendar has no date a year beyond it.
    start_day, end_day = start.toordinal(), (end or start).toordinal()
    held = []
    for role in roles:
        first, last = role.first_seen or role.last_seen, role.last_seen or role.first_seen
        if not (first and last):
            continue
        if first.toordinal() - ROLE_MARGIN_DAYS <= end_day and start_day <= last.toordinal() + ROLE_MARGIN_DAYS:
            held.append(role)
    return held


def related_events_prefetch(lookup: str) -> Prefetch:
    """A visit's meetings (or a meeting's visit's), oldest first, with their participants."""
    return Prefetch(
        lookup,
        queryset=Event.objects.visible().order_by(F("date_start").asc(nulls_last=True), "id").with_participants(),
    )


def event_detail(pk: int) -> EventPage:
    """One event with its participants (their roles then and their names), its visit and its evidence."""
    participants = Participation.objects.select_related("actor").visible()
    participants = participants.prefetch_related("actor__aliases", latest_roles_prefetch("actor__roles"))
    evidence = Evidence.objects.select_related("article").defer("article__body", "article__original_text")
    event = get_object_or_404(
        Event.objects.select_related("parent").prefetch_related(
            Prefetch("participations", queryset=participants.order_by("role", "actor__name", "id")),
            related_events_prefetch("children"),
            Prefetch("parent__participations", queryset=Participation.objects.listed()),
            related_events_prefetch("parent__children"),
            Prefetch("evidence", queryset=evidence.order_by("-article__published_on", "article_id", "start")),
        ),
        pk=pk,
    )
    participants = [
        Participant(p, roles_held(p.actor.roles.all() if p.actor else [], event.date_start, event.date_end))
        for p in event.participations.all()
    ]
    siblings = [e for e in event.parent.children.all() if e.pk != event.pk] if event.parent else []
    return EventPage(event, participants, siblings, participant_names(event))


def merged_event_target(pk: int) -> int | None:
    """The event an event id was merged into (following later merges), or None: read only for a missing event, from
    the few merge records curators leave."""
    targets = {
        merged: target
        for target, merged_ids in MergeRecord.objects.filter(kind=MergeRecord.Kind.EVENTS)
        .order_by("created_at", "id")
        .values_list("target_id", "merged_ids")
        for merged in merged_ids
    }
    seen: set[int] = set()
    while pk in targets and pk not in seen:
        seen.add(pk)
        pk = targets[pk]
    return pk if seen and Event.objects.filter(pk=pk).exists() else None


# --- one official ------------------------------------------------------------------------------------------------


def official_detail(pk: int) -> OfficialPage:
    """One official with names, roles over time, events, most frequent contacts and the articles naming them."""
    actor = get_object_or_404(
        Actor.objects.visible().prefetch_related(
            "aliases", Prefetch("roles", queryset=Role.objects.order_by(F("first_seen").asc(nulls_last=True), "title"))
        ),
        pk=pk,
    )
    # A join rather than involving(): one person's participations, one row per event (participation_actor_once).
    events = list(Event.objects.visible().filter(participations__actor=actor).timeline())
    years, undated = group_by_month(events)
    contacts = official_contacts(actor)
    articles = (
        Article.objects.filter(mentions__actor=actor)
        .annotate(mention_count=Count("mentions"))
        .only("id", "title", "outlet", "url", "published_on", "published_precision")
        .order_by(F("published_on").desc(nulls_last=True), "-id")
    )
    mentioning = [MentioningArticle(article, article.mention_count) for article in articles]
    return OfficialPage(actor, events, years, undated, contacts, mentioning)


def official_contacts(actor: Actor, limit: int = 15) -> list[Contact]:
    """The officials met most often, with how many events and the first and last date; one query."""
    shared = Participation.objects.filter(event=OuterRef("event"), actor=actor)
    rows = (
        Participation.objects.filter(Exists(shared), actor__isnull=False)
        .exclude(actor=actor)
        .visible()
        .on_visible_events()
        .values("actor_id", "actor__name", "actor__country")
        .annotate(n=Count("event", distinct=True), first=Min("event__date_start"), last=Max("event__date_start"))
        .order_by("-n", "actor__name")[:limit]
    )
    return [Contact(r["actor_id"], r["actor__name"], r["actor__country"], r["n"], r["first"], r["last"]) for r in rows]


def network_rows(events: QuerySet[Event]) -> list[tuple]:
    """(event id, actor id, name, country stood for) of every named participant of these events: one query."""
    standing_for = Coalesce(NullIf(F("country"), Value("")), F("actor__country"))
    rows = (
        Participation.objects.filter(event__in=events.order_by().values("pk"), actor__isnull=False)
        .visible()
        .annotate(side=standing_for)
        .values_list("event_id", "actor_id", "actor__name", "side")
        .order_by()
    )
    return list(rows)


def official_network_rows(actor: Actor) -> list[tuple]:
    """The network rows of an official's visible events."""
    return network_rows(Event.objects.visible().filter(participations__actor=actor))


# --- officials search --------------------------------------------------------------------------------------------


def officials_with_stats(ids: list[int] | None = None, limit: int = 50) -> list[OfficialRow]:
    """Officials with country, latest role, aliases and event count: the given ids in order, or the busiest."""
    events = Count("participations__event", filter=~rejected("participations__event__"), distinct=True)
    actors = Actor.objects.officials().annotate(event_count=events)
    actors = actors.prefetch_related(latest_roles_prefetch(), "aliases")
    ids = busiest_official_ids(limit) if ids is None else ids
    by_id = {actor.pk: actor for actor in actors.filter(pk__in=ids)}
    return [OfficialRow(by_id[i], by_id[i].event_count) for i in ids if i in by_id]


def busiest_official_ids(limit: int) -> list[int]:
    """The officials with the most events (then by name), then, if fewer have events, the others by name.

    Counted from the participations rather than for every actor: an archive holds far more people than take
    part in events (156,750 actors and 22,000 participations at 100,000 articles: 268 ms -> 65 ms).
    """
    busiest = (
        Participation.objects.filter(actor__kind=ActorKind.PERSON)
        .visible()
        .on_visible_events()
        .values("actor_id")
        .annotate(n=Count("event", distinct=True))
        .order_by("-n", "actor__name", "actor_id")
        .values_list("actor_id", flat=True)[:limit]
    )
    # Read whether needed or not: a page costs the same queries however full the knowledge base is.
    first_by_name = Actor.objects.officials().order_by("name", "pk").values_list("pk", flat=True)[:limit]
    ids = list(busiest)
    seen = set(ids)
    ids += [pk for pk in first_by_name if pk not in seen]
    return ids[:limit]


def search_officials(query: str, limit: int = 50) -> list[OfficialRow]:
    """Officials matching a name, best first, each with its score."""
    matches = match_officials(query, limit=limit)
    rows = officials_with_stats([m.actor_id for m in matches]) if matches else []
    scores = {m.actor_id: m.score for m in matches}
    return [OfficialRow(row.official, row.event_count, scores[row.official.pk]) for row in rows]


# --- articles ----------------------------------------------------------------------------------------------------


def article_list(query: str = ""):
    """Articles, searched when there is a query (best first, the articles naming the person it names included),
    newest first otherwise: a QuerySet, or a RankedArticles for a search. Event counts and snippets are for a page:
    `article_rows`."""
    articles = Article.objects.defer("original_text", "search_vector")
    newest = articles.order_by(F("published_on").desc(nulls_last=True), "-id")
    return search_ranked(newest, query, also=articles_naming(query))


def article_rows(articles, query: str = "") -> list[ArticleRow]:
    """A page of articles with how many events each reports and, for a search, its highlighted snippet."""
    articles = list(articles)
    counts = event_counts(articles)
    headlines = page_headlines(articles, query) if query else {}
    return [
        ArticleRow(
            article,
            counts.get(article.pk, 0),
            headline_html(article, query, headlines.get(article.pk)) if query else "",
        )
        for article in articles
    ]


def event_counts(articles) -> dict[int, int]:
    """How many events each article of a page reports, in one query over the page alone: counted inside the
    search, the count would join every match's evidence before the page is cut."""
    ids = [article.pk for article in articles]
    return dict(
        Evidence.objects.filter(article_id__in=ids)
        .visible()
        .values_list("article_id")
        .annotate(n=Count("event", distinct=True))
        .order_by()
    )


def article_detail(pk: int) -> ArticlePage:
    """One article with the people it mentions (for highlighting) and the events taken from it."""
    article = get_object_or_404(Article.objects.defer("original_text", "search_vector"), pk=pk)
    mentions = article.mentions.select_related("actor").visible()
    mentions = list(mentions.only("article_id", "start", "end", "text", "actor_id", "actor__name", "actor__status"))
    evidence = article.evidence.visible().order_by("start")
    evidence = list(evidence.only("id", "article_id", "start", "end", "event_id"))
    events = Event.objects.visible().filter(Exists(Evidence.objects.filter(event=OuterRef("pk"), article=article)))
    anchors: dict[int, int] = {}
    for ev in evidence:
        anchors.setdefault(ev.event_id, ev.start)
    reported = [ReportedEvent(event, anchors.get(event.pk)) for event in events.timeline()]
    return ArticlePage(article, mentions, evidence, reported, people_in(mentions))


def people_in(mentions) -> list[MentionedPerson]:
    """The resolved people of an article's mentions (actor id, name, times mentioned), most mentioned first."""
    counts: dict[int, list] = {}
    for mention in mentions:
        if mention.actor_id:
            counts.setdefault(mention.actor_id, [mention.actor.name, 0])[1] += 1
    people = (MentionedPerson(pk, name, n) for pk, (name, n) in counts.items())
    return sorted(people, key=lambda p: (-p.mentions, p.name))


# --- the read API ------------------------------------------------------------------------------------------------


def api_event(pk: int) -> Event:
    """One visible event with its participants, visible meetings and evidence with their articles (not their text)."""
    evidence = Evidence.objects.select_related("article").defer(
        "article__body", "article__original_text", "article__search_vector"
    )
    return get_object_or_404(
        Event.objects.visible()
        .with_participants()
        .prefetch_related(
            Prefetch("evidence", queryset=evidence.order_by(F("article__published_on").desc(nulls_last=True), "id")),
            Prefetch("children", queryset=Event.objects.visible().order_by("id").only("id", "parent_id")),
        ),
        pk=pk,
    )


# What the API says of an article: never its text, the bulk of each row.
API_ARTICLE_FIELDS = ("id", "title", "outlet", "author", "published_on", "published_precision", "url", "source_name")


def api_articles(query: str = ""):
    """Articles as the site lists them (newest first, or a search's best first), reading only the API's fields."""
    articles = Article.objects.only(*API_ARTICLE_FIELDS)
    newest = articles.order_by(F("published_on").desc(nulls_last=True), "-id")
    return search_ranked(newest, query, also=articles_naming(query))


def officials_listed() -> QuerySet[Actor]:
    """Visible officials with their names and dated offices (earliest first), in name order."""
    offices = Prefetch("roles", queryset=Role.objects.order_by(F("first_seen").asc(nulls_last=True), "title", "id"))
    return Actor.objects.officials().prefetch_related("aliases", offices).order_by("name", "id")


def officials_matching(query: str) -> list[Actor]:
    """The officials whose names resemble the query, best first (at most the search's limit)."""
    ids = [match.actor_id for match in match_officials(query)]
    found = officials_listed().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def country_pair_events(first: str, second: str) -> QuerySet[Event]:
    """Visible events in which both countries take part (as host, by office or by a person's country)."""
    return Event.objects.visible().in_country(first).in_country(second)


def country_pair(first: str, second: str) -> PairRelations:
    """The pair's events in timeline order and their counts per year and kind, from one scan of the events: each
    country's test is an OR over three tables that no index serves, so it is made once, not for a count, a page
    and the counts each (1.4 s -> 0.4 s at 100,000 events under load)."""
    rows = list(country_pair_events(first, second).order_by(*TIMELINE_ORDER).values_list("pk", "kind", "date_start"))
    counts = Counter((day.year if day else None, kind) for _, kind, day in rows)
    ordered = sorted(counts.items(), key=lambda item: (item[0][0] is None, item[0][0] or 0, item[0][1]))
    return PairRelations([pk for pk, _, _ in rows], [{"year": y, "kind": k, "events": n} for (y, k), n in ordered])


def events_in_order(ids: list[int]) -> list[Event]:
    """These events as the timeline shows them (participants prefetched), in the order given."""
    found = Event.objects.with_participants().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


# --- feeds -------------------------------------------------------------------------------------------------------

# Entries of an Atom feed: readers poll often and keep what they saw, so the latest changes are enough.
FEED_ITEMS = 50


def feed_events(events: QuerySet[Event], limit: int = FEED_ITEMS) -> list[Event]:
    """The visible events among these, the most recently changed first, with their participants."""
    return list(events.visible().order_by("-updated_at", "-id").with_participants()[:limit])


def calendar_visits(since: datetime.date) -> list[Event]:
    """Visible visits known to the day that end on `since` or later (recent ones, and the planned ones ahead), in
    date order: what a calendar can place. A plan whose day has long passed is history, not a calendar entry."""
    visits = Event.objects.visible().filter(kind="visit", date_precision="day", date_start__isnull=False)
    visits = visits.filter(Q(date_start__gte=since) | Q(date_end__gte=since))
    return list(visits.order_by("date_start", "id").with_participants())


# --- the network download ----------------------------------------------------------------------------------------


def network_officials(events: QuerySet[Event]):
    """(id, name, country) of the visible officials taking part in these events, by id."""
    taking_part = Participation.objects.filter(event__in=events.order_by().values("pk")).values("actor_id")
    people = Actor.objects.officials().filter(pk__in=taking_part).order_by("pk")
    return people.values_list("pk", "name", "country")


def network_ties(events: QuerySet[Event]):
    """Each pair of visible officials who took part in the same events, with how many and the first and last date:
    counted by the database, so the download holds one pair at a time whatever the number of events."""
    visible_people = {"actor__kind": ActorKind.PERSON, "actor__status__in": VISIBLE_STATUSES}
    others = {f"event__participations__{k}": v for k, v in visible_people.items()}
    ties = Participation.objects.filter(
        event__in=events.order_by().values("pk"), **visible_people, **others,
        event__participations__actor_id__gt=F("actor_id"),
    )  # fmt: skip
    ties = ties.values("actor_id", other=F("event__participations__actor_id"))
    ties = ties.annotate(weight=Count("event_id", distinct=True), first=Min("event__date_start"))
    ties = ties.annotate(last=Max("event__date_start")).order_by("actor_id", "other")
    return ties.values_list("actor_id", "other", "weight", "first", "last")
