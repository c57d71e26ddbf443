"""Template helpers for the public pages: dates as precisely as known, highlighted names, the events chart."""

import datetime
import re
from functools import lru_cache

from django import template
from django.conf import settings
from django.http import QueryDict
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# A chart with more months than this shows years instead, so that bars stay wide enough to read.
MAX_MONTH_BARS = 120
# A filter's date range widens the chart to show empty months around the data, but not beyond this many years.
MAX_CHART_YEARS = 200
CHART_WIDTH, CHART_HEIGHT, CHART_TOP = 720, 160, 14


def _day(d: datetime.date) -> str:
    return f"{d.day} {d:%B} {d.year}"


def _days(start: datetime.date, end: datetime.date) -> str:
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {start:%B} {start.year}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


def _months(start: datetime.date, end: datetime.date) -> str:
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%B} {start.year}"
    if start.year == end.year:
        return f"{start:%B} – {end:%B} {start.year}"
    return f"{start:%B} {start.year} – {end:%B} {end.year}"


def _decade(start: datetime.date, end: datetime.date | None) -> str:
    decade = start.year - start.year % 10
    if end is None or end == start:
        return f"{decade}s"
    if end.year >= decade + 10:
        return f"{decade}s–{end.year - end.year % 10}s"
    first, last = start.year - decade, end.year - decade
    if last <= 3:
        return f"early {decade}s"
    if first >= 7:
        return f"late {decade}s"
    if first >= 3 and last <= 6:
        return f"mid-{decade}s"
    return f"{decade}s"


def format_event_date(start: datetime.date | None, end: datetime.date | None, precision: str) -> str:
    """'6–7 November 2017', 'November 2019', 'early 1990s', '2019' or 'date unknown', as the precision allows."""
    if start is None or precision == "unknown":
        return "date unknown"
    if precision == "decade":
        return _decade(start, end)
    end = end or start
    if precision == "day":
        return _days(start, end)
    if precision == "month":
        return _months(start, end)
    if precision == "year":
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return _day(start)


@register.filter
def event_date(event) -> str:
    """The event's date as precisely as known."""
    return format_event_date(event.date_start, event.date_end, event.date_precision)


@register.filter
def machine_date(event) -> str:
    """A <time datetime> value matching the known precision ('2017-11-06', '2019-11', '2019')."""
    start, precision = event.date_start, event.date_precision
    if start is None or precision in ("unknown", "decade"):
        return ""
    return {"day": start.isoformat(), "month": f"{start:%Y-%m}", "year": f"{start.year:04d}"}.get(precision, "")


# Stands for the id while a detail route is reversed once; no real id is this large.
_ID_PLACEHOLDER = 918_273_645_546_372_819


@lru_cache(maxsize=64)
def _route_around_id(name: str, urlconf: str, prefix: str) -> tuple[str, str]:
    """A detail route's URL split around its id, reversed once per URL configuration and script prefix."""
    head, tail = reverse(name, urlconf=urlconf, args=[_ID_PLACEHOLDER]).split(str(_ID_PLACEHOLDER))
    return head, tail


def detail_url(name: str, pk) -> str:
    """The URL of a detail page, as {% url name pk %} gives it. A list page links every event and every person on
    it (about 90 links on a timeline page); reversing each costs 35 us, a tenth of the page's rendering time."""
    head, tail = _route_around_id(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    return f"{head}{int(pk)}{tail}"


@register.filter
def event_url(pk) -> str:
    return detail_url("entities:event_detail", pk)


@register.filter
def official_url(pk) -> str:
    return detail_url("entities:official_detail", pk)


def highlight_names(text: str, names) -> SafeString:
    """The text escaped, with every whole-word occurrence of the names wrapped in <mark>."""
    names = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not names:
        return escape(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


@register.filter
def highlight(text: str, names) -> SafeString:
    return highlight_names(text, names)


def _next_bin(start: datetime.date, by_year: bool) -> datetime.date:
    if by_year:
        return start.replace(year=start.year + 1)
    return start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)


def _bins(counts, since=None, until=None) -> list[tuple[datetime.date, int, str]]:
    """Every month (or year, for long spans) from the first to the last, empty ones included.

    The span is widened to the filtered range (since, until) when one is given and not absurdly wide.
    """
    dated = [(month, n) for month, n in counts if month is not None]
    if not dated:
        return []
    first, last = dated[0][0], dated[-1][0]
    if since and since < first and first.year - since.year <= MAX_CHART_YEARS:
        first = since.replace(day=1)
    if until and until > last and until.year - last.year <= MAX_CHART_YEARS:
        last = until.replace(day=1)
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    by_year = span > MAX_MONTH_BARS
    totals: dict[datetime.date, int] = {}
    for month, n in dated:
        key = month.replace(month=1) if by_year else month
        totals[key] = totals.get(key, 0) + n
    bins, cursor = [], first.replace(month=1) if by_year else first
    while cursor <= last:
        label = str(cursor.year) if by_year else f"{cursor:%b} {cursor.year}"
        bins.append((cursor, totals.get(cursor, 0), label))
        cursor = _next_bin(cursor, by_year)
    return bins


@register.inclusion_tag("includes/chart.html", takes_context=True)
def events_chart(context, counts, since=None, until=None):
    """Events per month as an inline SVG bar chart, drawn here so that no script is needed.

    Each bar's link, title and coordinates are made here rather than by tags in the template: a chart has up to
    120 bars, and the template tags cost a quarter of a millisecond a bar (a third of the timeline page's time)."""
    bins = _bins(counts, since, until)
    by_year = bool(bins) and bins[0][2].isdigit()
    peak = max((n for _, n, _ in bins), default=0)
    width = CHART_WIDTH / len(bins) if bins else 0
    request = context.get("request")
    params = request.GET.copy() if request else QueryDict(mutable=True)
    params.pop("page", None)
    bars = []
    for i, (start, n, label) in enumerate(bins):
        height = round((CHART_HEIGHT - CHART_TOP) * n / peak, 1) if peak else 0
        params["date_from"] = start.isoformat()
        params["date_to"] = (_next_bin(start, by_year) - datetime.timedelta(days=1)).isoformat()
        bars.append(
            {
                "x": str(round(i * width + width * 0.1, 2)),
                "y": str(round(CHART_HEIGHT - height, 1)),
                "width": str(round(max(width * 0.8, 0.5), 2)),
                "height": str(height),
                "count": n,
                "label": label,
                "title": f"{label}: {n} event{'' if n == 1 else 's'}",
                "href": f"?{params.urlencode()}",
            }
        )
    ticks = [bars[0], bars[-1]] if len(bars) > 1 else bars
    return {
        "bars": bars,
        "peak": peak,
        "ticks": ticks,
        "total": sum(n for _, n, _ in bins),
        "undated": sum(n for month, n in counts if month is None),
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "by_year": by_year,
    }


@register.filter
def event_title(event) -> str:
    """A short heading for an event: 'Visit to Iran', 'Meeting in Tehran', 'Phone call'."""
    label = event.get_kind_display().capitalize()
    if event.kind == "visit" and event.host_country:
        return f"{label} to {event.host_country}"
    if event.place:
        return f"{label} in {event.place}"
    if event.host_country:
        return f"{label} in {event.host_country}"
    return label


@register.filter
def status_label(status: str) -> str:
    """What a review status means to a reader."""
    return {"pending": "unreviewed", "confirmed": "confirmed", "rejected": "rejected"}.get(status, status)


@register.filter
def participant_country(participation) -> str:
    """The country the participant stood for at the event, else the actor's."""
    if participation.country:
        return participation.country
    return participation.actor.country if participation.actor else ""


@register.filter
def other_names(actor, limit: int = 0) -> list[str]:
    """The actor's aliases other than its canonical name (from the prefetched aliases), at most `limit` if given."""
    names = [alias.name for alias in actor.aliases.all() if alias.name != actor.name]
    return names[:limit] if limit else names
