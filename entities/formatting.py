"""How the knowledge base reads as text: dates as precisely as known, titles, names, statuses.

Pure functions over rows already fetched (prefetched relations included): the templates, the views, the exports
and the admin all word things the same way, and none of them queries here.
"""

import datetime

from babel.dates import format_interval

from extraction.records import DateHedge, EventKind

STATUS_LABELS = {"pending": "unreviewed", "confirmed": "confirmed", "rejected": "rejected"}


# --- dates -------------------------------------------------------------------------------------------------------


def _day(d: datetime.date) -> str:
    return f"{d.day} {d:%B} {d.year}"


# CLDR's interval patterns, as written in Britain (the site's LANGUAGE_CODE), with an ordinary space where CLDR puts a
# thin one around the dash: the day ranges below write it so.
LOCALE = "en_GB"


def _interval(start: datetime.date, end: datetime.date, skeleton: str) -> str:
    return format_interval(start, end, skeleton, locale=LOCALE).replace("\u2009", " ")


def _days(start: datetime.date, end: datetime.date) -> str:
    """Written here: Babel's en_GB data has no full-month day interval (yMMMMd falls back to "6–7 Nov 2017")."""
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {start:%B} {start.year}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


def _months(start: datetime.date, end: datetime.date) -> str:
    return _interval(start, end, "yMMMM")


def _decade(start: datetime.date, end: datetime.date | None) -> str:
    """Written here: CLDR has no decades ("early 1990s")."""
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


def format_event_date(
    start: datetime.date | None, end: datetime.date | None, precision: str, hedge: str = "", basis: str = ""
) -> str:
    """What the text allows: '6–7 November 2017', 'about 30 October – 3 November 2017 (a week before 8 November
    2017)', 'on or before 15 July 2023', 'November 2019', 'some time in 2019', 'early 1990s' or 'date unknown'."""
    if start is None or precision == "unknown":
        return "date unknown"
    if hedge == DateHedge.ON_OR_BEFORE:
        return f"on or before {_day(end or start)}"
    written = _as_precise(start, end, precision)
    if hedge == DateHedge.ABOUT:
        return f"about {written} ({basis})" if basis else f"about {written}"
    return written


def _as_precise(start: datetime.date, end: datetime.date | None, precision: str) -> str:
    if precision == "decade":
        return _decade(start, end)
    end = end or start
    if precision == "day":
        return _days(start, end)
    if precision == "month":
        return _months(start, end)
    if precision == "year":
        return f"some time in {_interval(start, end, 'y')}"
    return _day(start)


def event_date(event) -> str:
    """The event's date as the text allows."""
    return format_event_date(event.date_start, event.date_end, event.date_precision, event.date_hedge, event.date_basis)


def machine_date(event) -> str:
    """A <time datetime> value matching the known precision ('2017-11-06', '2019-11', '2019')."""
    start, precision = event.date_start, event.date_precision
    if start is None or precision in ("unknown", "decade"):
        return ""
    # Written out rather than with strftime, which leaves years before 1000 unpadded ('1-01' for January of year 1).
    year = f"{start.year:04d}"
    return {"day": start.isoformat(), "month": f"{year}-{start.month:02d}", "year": year}.get(precision, "")


def date_span(event) -> str:
    """The stored dates as they are, with their precision, for curators: '2017-11-06 – 2017-11-07 (day)'."""
    if event.date_start is None:
        return "undated"
    start, end = event.date_start, event.date_end
    span = str(start) if end in (None, start) else f"{start} – {end}"
    return f"{span} ({event.get_date_precision_display()})"


def timeline_headings(event) -> tuple[str, str]:
    """The year and month headings an event is listed under; a year or a decade is not passed off as January."""
    start = event.date_start
    if event.date_precision == "decade":
        decade = f"{start.year - start.year % 10}s"
        return decade, f"Sometime in the {decade}"
    if event.date_precision == "year":
        return str(start.year), f"Sometime in {start.year}"
    return str(start.year), f"{start:%B} {start.year}"


# --- events ------------------------------------------------------------------------------------------------------


# Named people a title spells out before it falls back to a count of countries.
TITLE_PEOPLE = 3
# Names a visit's card lists of the people met during it, before "and N more".
MET_NAMES = 3


def short_name(name: str) -> str:
    """The name a headline uses: the last word ("Amara Okonkwo" -> "Okonkwo"), the whole name when it is one word."""
    words = name.split()
    return words[-1] if words else name


def _named(event) -> list:
    """The event's participants that name a person, hosts and guests first (the prefetched, listed order)."""
    return [p for p in event.participations.all() if p.actor_id]


def _who(participation) -> str:
    return short_name(participation.actor.name) if participation.actor_id else participation.office


def _countries(event) -> set[str]:
    countries = {participant_country(p) for p in event.participations.all()}
    return {c for c in countries if c}


def _names_list(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _where(event) -> str:
    return event.place or event.host_country


def _gathering_title(event) -> str:
    """'Multilateral meeting, Lakeport (4 countries)': too many people to name."""
    label = "Multilateral meeting" if event.kind == EventKind.MULTILATERAL else event.get_kind_display().capitalize()
    where = f", {_where(event)}" if _where(event) else ""
    countries = len(_countries(event))
    return f"{label}{where} ({countries} countries)" if countries > 2 else f"{label}{where}"


def _place_title(event) -> str:
    """'Visit to Iran', 'Meeting in Tehran', 'Phone call': when nobody taking part is named."""
    label = event.get_kind_display().capitalize()
    if event.kind == EventKind.VISIT and event.host_country:
        return f"{label} to {event.host_country}"
    if _where(event):
        return f"{label} in {_where(event)}"
    return label


def event_title(event) -> str:
    """What happened, in the words of a headline: 'Okonkwo meets Lindqvist', 'Okonkwo visits Norland',
    'Call: Okonkwo - Lindqvist', 'Multilateral meeting, Lakeport (4 countries)'; from the prefetched participants."""
    people = list(event.participations.all())
    named = _named(event)
    if event.kind == EventKind.VISIT:
        guests = [p for p in named if p.role == "guest"] or named[:1]
        if guests and (event.host_country or event.place):
            return f"{_names_list([_who(p) for p in guests])} visits {event.host_country or event.place}"
        return _place_title(event)
    if not people or not named:
        return _place_title(event)
    if event.kind == EventKind.MULTILATERAL or len(people) > TITLE_PEOPLE:
        return _gathering_title(event)
    names = [_who(p) for p in people]
    if event.kind == EventKind.PHONE_CALL:
        return f"Call: {' - '.join(names)}" if len(names) > 1 else f"Call: {names[0]}"
    if len(names) == 1:
        return f"Meeting in {_where(event)}: {names[0]}" if _where(event) else f"Meeting: {names[0]}"
    return f"{names[0]} meets {_names_list(names[1:])}"


def met_during(visit) -> str:
    """'met Lindqvist, Haugen, Berg and 3 more': the people a visit's meetings (prefetched children) add to it."""
    if "children" not in getattr(visit, "_prefetched_objects_cache", {}):
        return ""  # not read for this page: a card never queries
    travellers = {p.actor_id for p in visit.participations.all() if p.actor_id}
    met: list[str] = []
    for meeting in visit.children.all():
        for p in meeting.participations.all():
            name = _who(p)
            if p.actor_id not in travellers and name and name not in met:
                met.append(name)
    if not met:
        return ""
    shown, more = met[:MET_NAMES], len(met) - MET_NAMES
    return f"met {', '.join(shown)}" + (f" and {more} more" if more > 0 else "")


def status_label(status: str) -> str:
    """What a review status means to a reader."""
    return STATUS_LABELS.get(status, status)


# --- people ------------------------------------------------------------------------------------------------------


def participant_country(participation) -> str:
    """The country the participant stood for at the event, else the actor's."""
    if participation.country:
        return participation.country
    return participation.actor.country if participation.actor else ""


def participants_with_roles(event) -> str:
    """'Amani Otieno (guest), Aiko Tanaka (host)': who took part and how, on one line."""
    return ", ".join(f"{p} ({p.get_role_display()})" for p in event.participations.all())


def other_names(actor, limit: int = 0) -> list[str]:
    """The actor's aliases other than its canonical name (from the prefetched aliases), at most `limit` if given."""
    names = [alias.name for alias in actor.aliases.all() if alias.name != actor.name]
    return names[:limit] if limit else names


def participant_names(event) -> list[str]:
    """Every name the event's participants go by, for highlighting them in evidence sentences."""
    names: set[str] = set()
    for participation in event.participations.all():
        if participation.actor:
            names.add(participation.actor.name)
            names.update(alias.name for alias in participation.actor.aliases.all())
    return sorted(n for n in names if n.strip())
