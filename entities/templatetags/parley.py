"""Template helpers for the public pages: thin wrappers over entities.formatting, links, highlights, the chart."""

import re
from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from entities import formatting

register = template.Library()


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


@register.filter
def relations_url(country: str) -> str:
    """The relations page of a country (its partners), from its name."""
    slug = slugify(country)
    return reverse("entities:relations_country", args=[slug]) if slug else ""


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
