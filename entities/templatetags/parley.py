"""Template helpers for the public pages: thin wrappers over entities.formatting, links, highlights, the chart."""

import datetime
import re
from functools import lru_cache

from django import template
from django.conf import settings
from django.http import QueryDict
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from entities import formatting

register = template.Library()

# A chart with more months than this shows years instead, so that bars stay wide enough to read.
MAX_MONTH_BARS = 120
# A filter's date range widens the chart to show empty months around the data, but not beyond this many years.
MAX_CHART_YEARS = 200
CHART_WIDTH, CHART_HEIGHT, CHART_TOP = 720, 160, 14


@register.filter
def event_date(event) -> str:
    """The event's date as precisely as known."""
    return formatting.event_date(event)


@register.filter
def machine_date(event) -> str:
    """A <time datetime> value matching the known precision."""
    return formatting.machine_date(event)


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


def _next_bin(start: datetime.date, by_year: bool) -> datetime.date | None:
    """The first day of the following bin; None after the calendar's last (year 9999 has no year after it)."""
    year, month = (start.year + 1, 1) if by_year else (start.year + start.month // 12, start.month % 12 + 1)
    return start.replace(year=year, month=month) if year <= datetime.MAXYEAR else None


def _bin_end(start: datetime.date, by_year: bool) -> datetime.date:
    following = _next_bin(start, by_year)
    return following - datetime.timedelta(days=1) if following else datetime.date.max


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
    while cursor is not None and cursor <= last:
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
        params["date_to"] = _bin_end(start, by_year).isoformat()
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
    return formatting.event_title(event)


@register.filter
def met_during(event) -> str:
    return formatting.met_during(event) if event.kind == "visit" else ""


@register.filter
def status_label(status: str) -> str:
    return formatting.status_label(status)


@register.filter
def participant_country(participation) -> str:
    return formatting.participant_country(participation)


@register.filter
def other_names(actor, limit: int = 0) -> list[str]:
    return formatting.other_names(actor, limit)
