"""Reads about pairs of countries: which pairs meet most, and one pair's relations (chart, visits, officials).

A country takes part in an event as the timeline's country filter reads it: it hosts it, or someone stands for it
by office or is of it. The SQL that unites those three sources is written once here, for the counts beside the
timeline's filters and for the pairs.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import Http404
from django.utils.text import slugify

from entities.charts import ChartRow
from entities.models import Actor, Event, EventKind, EventQuerySet, Participation
from entities.selectors import chart_rows, country_choices

# Pairs on the relations index; officials listed for each side of a pair; visitors listed.
PAIR_ROWS = 50
SIDE_ROWS = 10
VISITOR_ROWS = 15
PAIRS_SECONDS = 600


def sides_sql(events: EventQuerySet) -> tuple[str, list]:
    """SQL of (country, event_id) for these events, each pair once: the host, an office's and a person's country."""
    sql, params = events.order_by().values("pk").query.sql_with_params()
    event, participation, actor = (m._meta.db_table for m in (Event, Participation, Actor))
    # Table names from the models, values as parameters.
    united = f"""
        SELECT host_country AS country, id AS event_id FROM {event} WHERE id IN ({sql})
        UNION SELECT p.country, p.event_id FROM {participation} p WHERE p.event_id IN ({sql})
        UNION SELECT a.country, p.event_id FROM {participation} p JOIN {actor} a ON a.id = p.actor_id
            WHERE p.event_id IN ({sql})"""  # noqa: S608
    return united, list(params) * 3


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def country_counts(events: EventQuerySet) -> dict[str, int]:
    """Events per country among these, most first: one query."""
    united, params = sides_sql(events)
    sql = f"SELECT country, COUNT(*) FROM ({united}) AS sides WHERE country <> '' GROUP BY country"  # noqa: S608
    return dict(_fetch(f"{sql} ORDER BY COUNT(*) DESC, country", params))


@dataclass(frozen=True)
class Pair:
    """Two countries (in name order) and how many visible events they share."""

    first: str
    second: str
    events: int

    @property
    def slugs(self) -> tuple[str, str]:
        return slugify(self.first), slugify(self.second)


def busiest_pairs(country: str = "", limit: int = PAIR_ROWS) -> list[Pair]:
    """The pairs of countries sharing most events (those of one country, if given): one query over every event,
    seconds at 100,000 articles, so kept for a few minutes (the ranking moves slowly)."""
    key = f"parley:pairs:{limit}:{hashlib.sha1(country.encode(), usedforsecurity=False).hexdigest()}"
    pairs = cache.get(key)
    if pairs is None:
        pairs = _busiest_pairs(country, limit)
        cache.set(key, pairs, PAIRS_SECONDS)
    return pairs


def _busiest_pairs(country: str, limit: int) -> list[Pair]:
    united, params = sides_sql(Event.objects.visible())
    where = "WHERE %s IN (a.country, b.country)" if country else ""
    sql = f"""
        SELECT a.country, b.country, COUNT(*) FROM ({united}) AS a
        JOIN ({united}) AS b ON a.event_id = b.event_id AND a.country < b.country AND a.country <> ''
        {where} GROUP BY a.country, b.country ORDER BY COUNT(*) DESC, a.country, b.country"""  # noqa: S608
    rows = _fetch(f"{sql} LIMIT %s", params * 2 + ([country] if country else []) + [limit])
    return [Pair(a, b, n) for a, b, n in rows]


def country_named(slug: str) -> str:
    """The country a URL's slug stands for (a 404 if none does); the names are the cached country choices."""
    names = {slugify(name): name for name, _ in country_choices()}
    if slug not in names:
        names = {slugify(name): name for name, _ in country_choices(fresh=True)}
    if slug not in names:
        raise Http404("No such country")
    return names[slug]


# --- one pair ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Visits:
    """How often one side's officials went to the other."""

    visitor: str
    host: str
    count: int


@dataclass(frozen=True)
class Visitor:
    actor_id: int
    name: str
    host: str
    visits: int


@dataclass(frozen=True)
class SideOfficial:
    actor_id: int
    name: str
    events: int


@dataclass(frozen=True)
class RelationsPage:
    """One pair: the events' chart rows, who visited whom, each side's busiest officials."""

    first: str
    second: str
    rows: list[ChartRow]
    visits: list[Visits]
    visitors: list[Visitor]
    first_officials: list[SideOfficial]
    second_officials: list[SideOfficial]

    @property
    def total(self) -> int:
        return sum(r.count for r in self.rows)


def relations_of(first: str, second: str, events: EventQuerySet) -> RelationsPage:
    """The pair's page over these (already filtered) events: four queries."""
    hosts = dict(
        events.filter(kind=EventKind.VISIT, host_country__in=[first, second])
        .order_by()
        .values_list("host_country")
        .annotate(n=Count("id"))
    )
    visits = [Visits(second, first, hosts.get(first, 0)), Visits(first, second, hosts.get(second, 0))]
    officials = side_officials(events, [first, second])
    return RelationsPage(
        first,
        second,
        chart_rows(events),
        visits,
        visitors(events, [first, second]),
        [o for country, o in officials if country == first][:SIDE_ROWS],
        [o for country, o in officials if country == second][:SIDE_ROWS],
    )


def _standing_for():
    """The country a participant stood for: the office's, else the person's."""
    return Coalesce(NullIf(F("country"), Value("")), F("actor__country"))


def visitors(events: EventQuerySet, countries: list[str]) -> list[Visitor]:
    """The guests of these visits hosted by either country, with how often they came."""
    rows = (
        Participation.objects.filter(event__in=events.filter(kind=EventKind.VISIT).order_by().values("pk"))
        .filter(role="guest", actor__isnull=False, event__host_country__in=countries)
        .visible()
        .values_list("actor_id", "actor__name", "event__host_country")
        .annotate(n=Count("event_id"))
        .order_by("-n", "actor__name")[:VISITOR_ROWS]
    )
    return [Visitor(*row) for row in rows]


def side_officials(events: EventQuerySet, countries: list[str]) -> list[tuple[str, SideOfficial]]:
    """Each side's officials in these events, most events first, as (country, official)."""
    rows = (
        Participation.objects.filter(event__in=events.order_by().values("pk"), actor__isnull=False)
        .visible()
        .annotate(side=_standing_for())
        .filter(side__in=countries)
        .values_list("side", "actor_id", "actor__name")
        .annotate(n=Count("event_id"))
        .order_by("-n", "actor__name")[: SIDE_ROWS * 4]
    )
    return [(side, SideOfficial(pk, name, n)) for side, pk, name, n in rows]
