"""Counts beside each filter choice: how many events a choice would give, read from the filtered events.

Kind and status are single choices, so each is counted under every other filter but its own (choosing another kind
gives that count). Officials and countries combine (an event must involve all of them), so they are counted within
the events already selected: the number beside a country is how many of these events it takes part in.
"""

import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.http import QueryDict

from entities.filters import EventFilter
from entities.models import Event, EventQuerySet, Participation
from entities.relations import country_counts

# Rows of the officials and countries lists shown beside the timeline.
FACET_ROWS = 12
FACETS_SECONDS = 60


@dataclass(frozen=True)
class FacetLink:
    """A choice with its count and the URL that adds it to (or, if chosen, removes it from) the filters."""

    value: str
    label: str
    count: int
    href: str
    chosen: bool


@dataclass(frozen=True)
class Facets:
    kinds: dict[str, int]
    statuses: dict[str, int]
    country_totals: dict[str, int]
    countries: list[FacetLink]
    officials: list[FacetLink]


def counts_without(filterset: EventFilter, name: str, **options) -> EventQuerySet:
    """The events every filter but `name` selects."""
    others = filterset.derived(without=name, **options)
    return others.qs if others.is_valid() else Event.objects.none()


def grouped(events: EventQuerySet, field: str) -> dict[str, int]:
    return dict(events.order_by().values_list(field).annotate(n=Count("id")))


def official_counts(events: EventQuerySet, limit: int = FACET_ROWS) -> list[tuple[int, str, int]]:
    """The officials taking part in most of these events: (id, name, events)."""
    rows = (
        Participation.objects.filter(event__in=events.order_by().values("pk"), actor__isnull=False)
        .visible()
        .values_list("actor_id", "actor__name")
        .annotate(n=Count("event_id"))
        .order_by("-n", "actor__name")[:limit]
    )
    return list(rows)


def toggled(params: QueryDict, name: str, value: str) -> str:
    """The query string with `value` added to the repeated parameter `name`, or taken out if it is there."""
    params = params.copy()
    params.pop("page", None)
    values = params.getlist(name)
    params.setlist(name, [v for v in values if v != value] if value in values else [*values, value])
    return f"?{params.urlencode()}"


def timeline_facets(filterset: EventFilter, events: EventQuerySet) -> Facets:
    """Every count the filter form and the lists beside it show: four queries, the same filters' counts then kept
    for a minute (the unfiltered countries and officials take most of a second at 100,000 articles)."""
    params = filterset.data.copy()
    params.pop("page", None)
    key = "parley:facets:" + hashlib.sha1(params.urlencode().encode(), usedforsecurity=False).hexdigest()
    facets = cache.get(key)
    if facets is None:
        facets = _timeline_facets(filterset, events, params)
        cache.set(key, facets, FACETS_SECONDS)
    return facets


def _timeline_facets(filterset: EventFilter, events: EventQuerySet, params: QueryDict) -> Facets:
    chosen_countries = params.getlist("country")
    totals = country_counts(events)
    countries = [
        FacetLink(c, c, n, toggled(params, "country", c), c in chosen_countries)
        for c, n in list(totals.items())[:FACET_ROWS]
    ]
    chosen_officials = params.getlist("official")
    officials = [
        FacetLink(str(pk), name, n, toggled(params, "official", str(pk)), str(pk) in chosen_officials)
        for pk, name, n in official_counts(events)
    ]
    return Facets(
        kinds=grouped(counts_without(filterset, "kind"), "kind"),
        statuses=grouped(counts_without(filterset, "status", include_rejected=True), "status"),
        country_totals=totals,
        countries=countries,
        officials=officials,
    )


def label_choices(filterset: EventFilter, facets: Facets) -> None:
    """Write the counts into the filter form's choices: 'meeting (12)'."""
    fields = filterset.form.fields
    kinds = fields["kind"]
    kinds.choices = [(v, f"{label} ({facets.kinds.get(v, 0)})" if v else label) for v, label in kinds.choices]
    statuses = fields["status"]
    not_rejected = sum(n for s, n in facets.statuses.items() if s != "rejected")
    statuses.choices = [
        (v, f"{label} ({facets.statuses.get(v, 0)})" if v else f"{label} ({not_rejected})")
        for v, label in statuses.choices
    ]
    countries = fields["country"]
    countries.choices = [
        (v, f"{label} ({facets.country_totals.get(v, 0)})" if v else label) for v, label in countries.choices
    ]
