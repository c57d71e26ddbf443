"""The iCalendar feed of visits (RFC 5545, written by the icalendar library): recent ones and the planned ones ahead,
for calendar apps. Only visits known to the day: a calendar cannot place "June 2031"."""

import datetime

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from entities import selectors
from entities.formatting import event_title, participant_country
from entities.models import Event, ReviewStatus

# How far back a visit still counts as recent.
RECENT_DAYS = 90
PRODUCT_ID = "-//Parley//Visits//EN"


def visits_calendar(request) -> HttpResponse:
    since = timezone.now().date() - datetime.timedelta(days=RECENT_DAYS)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Parley: planned and recent visits")
    for visit in selectors.calendar_visits(since):
        calendar.add_component(calendar_entry(request, visit))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="parley-visits.ics"'
    return response


def calendar_entry(request, visit: Event) -> CalendarEvent:
    """A visit as an all-day entry; the end is exclusive in iCalendar, so the day after the last."""
    link = request.build_absolute_uri(reverse("entities:event_detail", args=[visit.pk]))
    people = [p.actor.name if p.actor else p.office for p in visit.participations.all()]
    entry = CalendarEvent()
    entry.add("uid", f"event-{visit.pk}@{request.get_host()}")
    entry.add("dtstamp", visit.updated_at)
    entry.add("dtstart", visit.date_start)
    entry.add("dtend", (visit.date_end or visit.date_start) + datetime.timedelta(days=1))
    entry.add("summary", f"{event_title(visit)}: {', '.join(people)}" if people else event_title(visit))
    entry.add("location", ", ".join(filter(None, [visit.place, visit.host_country])))
    entry.add("url", link)
    entry.add("status", "CONFIRMED" if visit.status == ReviewStatus.CONFIRMED and not visit.planned else "TENTATIVE")
    countries = sorted({c for p in visit.participations.all() if (c := participant_country(p))})
    planned = "Planned, not reported as happened. " if visit.planned else ""
    entry.add("description", f"{planned}Countries: {', '.join(countries) or 'not reported'}. {link}")
    return entry
