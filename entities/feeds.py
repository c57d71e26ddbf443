"""Atom feeds of new and updated events (Django's syndication framework): everything, the events of a timeline
filter, of one official, and of a pair of countries. A feed lists what a visitor may see: never a rejected event.
"""

from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from entities import selectors
from entities.filters import EventFilter
from entities.formatting import event_date, event_title, participant_country, status_label
from entities.models import Actor, Event


class EventsFeed(Feed):
    """What every events feed shares: one entry per event, the newest change first."""

    feed_type = Atom1Feed
    author_name = "Parley"

    def items(self, obj: tuple[str, QuerySet[Event]]) -> list[Event]:
        return selectors.feed_events(obj[1])

    def item_title(self, event: Event) -> str:
        return f"{event_title(event)}, {event_date(event)}"

    def item_description(self, event: Event) -> str:
        """Who, where and how sure, as plain text (the syndication framework escapes it)."""
        people = "; ".join(
            f"{p.actor.name if p.actor else p.office} ({participant_country(p) or 'country not reported'})"
            for p in event.participations.all()
        )
        place = ", ".join(filter(None, [event.place, event.host_country])) or "place not reported"
        planned = "Planned, not reported as happened. " if event.planned else ""
        return f"{planned}{people or 'No participant named'}. {place}. Review: {status_label(event.status)}."

    def item_link(self, event: Event) -> str:
        return reverse("entities:event_detail", args=[event.pk])

    def item_pubdate(self, event: Event):
        return event.created_at

    def item_updateddate(self, event: Event):
        return event.updated_at

    def item_categories(self, event: Event) -> list[str]:
        return [event.kind, event.status]

    def title(self, obj: tuple[str, QuerySet[Event]]) -> str:
        return f"Parley: {obj[0]}"

    def subtitle(self, obj) -> str:
        return "New and updated events, the latest change first."


class TimelineFeed(EventsFeed):
    """All events, or those a timeline filter selects (the same URL parameters as /events/)."""

    def get_object(self, request):
        if unknown := sorted(set(request.GET) - set(EventFilter.base_filters)):
            raise BadRequest(f"unknown parameter: {', '.join(unknown)}")
        filterset = EventFilter(request.GET, queryset=Event.objects.all())
        if not filterset.is_valid():
            raise BadRequest("; ".join(f"{name}: {errors[0]}" for name, errors in filterset.errors.items()))
        self.query = request.GET.urlencode()
        described = ", ".join(f"{name} {value}" for name, value in request.GET.items() if value)
        return (f"events ({described})" if described else "events"), filterset.qs

    def link(self, obj) -> str:
        return reverse("entities:event_list") + (f"?{self.query}" if self.query else "")


class OfficialFeed(EventsFeed):
    def get_object(self, request, pk: int):
        actor = get_object_or_404(Actor.objects.officials().only("id", "name"), pk=pk)
        self.official_pk = actor.pk
        return f"events of {actor.name}", Event.objects.involving([actor.pk])

    def link(self, obj) -> str:
        return reverse("entities:official_detail", args=[self.official_pk])


class CountryPairFeed(EventsFeed):
    def get_object(self, request, first: str, second: str):
        known = {name for name, _ in selectors.country_choices(fresh=True)}
        if first not in known or second not in known:
            raise BadRequest("no such country in the knowledge base")
        self.pair = (first, second)
        return f"events of {first} and {second}", selectors.country_pair_events(first, second)

    def link(self, obj) -> str:
        return reverse("entities:event_list") + f"?country={self.pair[0]}"
