"""Date expressions of news text, resolved to the interval of days they allow.

Relative expressions ("last Tuesday", "a week ago", "in June") are anchored on the article's publication
date. Without a year or an explicit future word, an expression never resolves after publication: a report
tells what has happened. Pure functions: no ORM, no spaCy model; dateparser only for rare absolute shapes.
"""

import bisect
import calendar
import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from extraction.records import DateHedge, DateSpan

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

MAX_LENGTH = 120  # longer than this, a DATE entity is a clause, not a date expression
NEWS_PEG_DAYS = 3  # how many days before publication an undated news event may have happened
PRECISIONS = ("day", "month", "year", "decade", "unknown")  # finest first

Handler = Callable[[re.Match[str], date | None], DateSpan | None]

# ---------------------------------------------------------------------------------------------------------------
# Vocabulary shared by the resolver and the finder
# ---------------------------------------------------------------------------------------------------------------
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_SEASONS = "spring|summer|autumn|fall|winter"
_DECADE_WORDS = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
_NUMBERS = (
    r"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|a\s+few|few|several|a\s+couple\s+of|a\s+couple|couple\s+of"
)
_UNITS = r"hours?|days?|weeks?|fortnights?|months?|years?|decades?"
_NEAR = r"last|this\s+past|past|this\s+coming|this|next|coming|upcoming"

_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
}  # fmt: skip
_VAGUE_NUMBERS = {
    "a few": (2, 5), "few": (2, 5), "several": (3, 7), "a couple of": (2, 3), "a couple": (2, 3), "couple of": (2, 3),
}  # fmt: skip
_SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_PORTIONS = {
    "early": (0, 1 / 3), "mid": (1 / 3, 2 / 3), "middle of": (1 / 3, 2 / 3), "late": (2 / 3, 1),
    "end of": (3 / 4, 1), "close of": (3 / 4, 1), "beginning of": (0, 1 / 4), "start of": (0, 1 / 4),
    "first half of": (0, 1 / 2), "second half of": (1 / 2, 1), "h1": (0, 1 / 2), "h2": (1 / 2, 1),
    "first quarter of": (0, 1 / 4), "second quarter of": (1 / 4, 1 / 2), "third quarter of": (1 / 2, 3 / 4),
    "fourth quarter of": (3 / 4, 1), "last quarter of": (3 / 4, 1),
    "q1": (0, 1 / 4), "q2": (1 / 4, 1 / 2), "q3": (1 / 2, 3 / 4), "q4": (3 / 4, 1),
}  # fmt: skip

_ANAPHORIC_DAYS = {"that": 0, "the same": 0, "that same": 0, "the next": 1, "the following": 1, "the previous": -1}
_ANAPHORIC = re.compile(r"(?:on |later |earlier )?(?P<w>that(?: same)?|the (?:same|next|following|previous)) day")
_WEEKDAY_FORM = re.compile(rf"(?:(?P<rel>{_NEAR}) )?(?P<wd>{_WEEKDAYS})")
_FUTURE_OR_YEAR = re.compile(r"\d{4}|\b(?:next|coming|upcoming|tomorrow|later)\b")


def _month(name: str) -> str:
    """A month name or abbreviation, captured under `name` so that one pattern can hold two."""
    return rf"(?P<{name}>{_MONTHS})\.?"


def _day(name: str) -> str:
    """A day of the month with an optional ordinal suffix; date() rejects the impossible ones."""
    return rf"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"


def _year(name: str) -> str:
    """Four digits: shorter numbers are days, counts or ages far more often than years."""
    return rf"(?P<{name}>\d{{4}})"


# ---------------------------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------------------------
def resolve_date(text: str, *, published: date | None) -> DateSpan | None:
    """The interval of days a date expression allows; None for durations, junk, or an unknown anchor."""
    if not isinstance(text, str) or len(text) > 4 * MAX_LENGTH:
        return None
    normalized = _normalize(text)
    if not normalized or len(normalized) > MAX_LENGTH:
        return None
    try:
        span = _resolve(normalized, published) or _dateparser_span(normalized)
        return _valid(_not_after_publication(span, normalized, published))
    except (ValueError, OverflowError):  # a year 0 or 10000 somewhere in the arithmetic
        return None


# A date the text puts behind publication: a year written out, 'last', 'ago', 'yesterday'.
WRITTEN_IN_THE_PAST = re.compile(r"\b(\d{4}|last|ago|yesterday|earlier|previous|past)\b", re.IGNORECASE)


def is_future(span: DateSpan | None, published: date | None) -> bool:
    """Whether the span lies after the article, which makes its event planned rather than reported."""
    if published is None or span is None:
        return False
    return span.start >= published and span.end > published


def news_peg(published: date) -> DateSpan:
    """The days just before publication, in its month: when an undated event the article reports as its news
    happened (the conventions' news peg); a window reaching into the month before would outgrow a gold month."""
    start = max(published - timedelta(days=NEWS_PEG_DAYS), published.replace(day=1))
    return DateSpan(start, published, "day", hedge=DateHedge.ON_OR_BEFORE)


def resolve_weekday(text: str, anchor: date | None) -> DateSpan | None:
    """A weekday ("on Tuesday", "last Friday") counted from an anchor other than publication, such as the
    text's own dateline; other expressions are left alone, since that anchor need not be when it was written."""
    if anchor is None:
        return None
    match = _WEEKDAY_FORM.fullmatch(_strip_prefixes(_normalize(text)))
    return _weekday(match, anchor) if match else None


def anaphoric_offset(text: str) -> int | None:
    """Days from the day named before: "that day" is 0 and "the next day" 1; None for other expressions."""
    match = _ANAPHORIC.fullmatch(" ".join(text.lower().split()).strip(" ,."))
    return _ANAPHORIC_DAYS[" ".join(match["w"].split())] if match else None


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Date phrases of a sentence as (start, end, text), to catch what NER misses or truncates."""
    if not isinstance(text, str):
        return []
    return list(_date_expressions(text))


# A sentence is searched once for each trigger word in it: the last few texts searched are remembered.
@functools.lru_cache(maxsize=16)
def _date_expressions(text: str) -> tuple[tuple[int, int, str], ...]:
    candidates = [m.span("d" if "d" in p.groupindex else 0) for p in _FINDER for m in _matches(p, text)]
    chosen = _longest_without_overlap(c for c in candidates if _plausible(text[c[0] : c[1]]))
    return tuple((start, end, text[start:end]) for start, end in chosen)


# ---------------------------------------------------------------------------------------------------------------
# Normalization and the rules around every form
# ---------------------------------------------------------------------------------------------------------------
_REWRITES = [
    (re.compile(r"[‐‑‒–—―−]"), "-"),
    (re.compile(r"[’‘`´]"), "'"),
    (
        re.compile(r"\b(?:at\s+)?(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b\.?|\d{1,2}:\d\d(?::\d\d)?|noon|midday|midnight)"),
        " ",
    ),
    (re.compile(r"\b(?:\d{4}\s*hrs|local time|gmt|utc)\b"), " "),
    (re.compile(r"[()\[\]{},;:!?\"“”*]"), " "),
    (re.compile(r"'s\b"), ""),
    (re.compile(r"\b(?:this (?:morning|afternoon|evening)|tonight)\b"), "today"),
    (re.compile(r"\b(?:last night|overnight)\b"), "yesterday"),
    (re.compile(r"\b(earlier|later) in the (week|month|year)\b"), r"\1 this \2"),
    (re.compile(r"\b(?:morning|afternoon|evening|night|dawn|dusk)\b"), " "),
    (re.compile(r"\s+"), " "),
]
_PREFIX = re.compile(
    r"^(?:(?:on|in|during|at|around|about|circa|c\.|ca\.|approximately|roughly|sometime|some time|as early as"
    r"|just|only|over|earlier|the|of|towards?|toward)\s+)+"
)
_WEEKDAY_BEFORE_DATE = re.compile(rf"^(?:{_WEEKDAYS})\.?\s+(?=\D*\d)")


def _normalize(text: str) -> str:
    """Lowercase text with one kind of dash and space, without clock times and parts of the day."""
    text = text.lower()
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return text.strip(" .-'")


def _strip_prefixes(text: str) -> str:
    """Prepositions and a weekday before a full date do not move it."""
    text = _PREFIX.sub("", text)
    return _WEEKDAY_BEFORE_DATE.sub("", text).strip(" .-")


def _resolve(text: str, published: date | None) -> DateSpan | None:
    """The first form that matches the whole expression and resolves it wins."""
    text = _strip_prefixes(text)
    for pattern, handler in _FORMS:
        match = pattern.fullmatch(text)
        span = handler(match, published) if match else None
        if span is not None:
            return span
    return None


def _not_after_publication(span: DateSpan | None, text: str, published: date | None) -> DateSpan | None:
    """Without a year or a future word, what an article reports has happened by its publication."""
    if span is None or published is None or _FUTURE_OR_YEAR.search(text):
        return span
    if span.start > published:
        return None
    return replace(span, end=min(span.end, published))


def _valid(span: DateSpan | None) -> DateSpan | None:
    """Callers rely on both ends being set and in order."""
    if span is None or span.start > span.end:
        return None
    return span


# ---------------------------------------------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------------------------------------------
def _safe_date(year: int, month: int, day: int) -> date | None:
    """February 30 and year 0 are not dates; the caller tries another candidate."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    """The last day of a month, which differs by month and leap year."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    """The same day of another month, or that month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _month_span(year: int, month: int) -> DateSpan:
    """A whole calendar month, for expressions that name a month but no day."""
    return DateSpan(date(year, month, 1), _month_end(year, month), "month")


def _year_span(year: int) -> DateSpan:
    """A whole calendar year, for expressions that name a year but no month."""
    return DateSpan(date(year, 1, 1), date(year, 12, 31), "year")


def _days(start: date, end: date) -> DateSpan:
    """Days between two dates, for expressions precise to the day or close to it."""
    return DateSpan(start, end, "day")


def _month_number(name: str) -> int:
    """Month names compare by their first three letters, which also covers "sept."."""
    return ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").index(name[:3]) + 1


def _coarser(*precisions: str) -> str:
    """A span built from two is only as precise as the vaguer of them."""
    return max(precisions, key=PRECISIONS.index)


# ---------------------------------------------------------------------------------------------------------------
# Days and ranges of days
# ---------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Partial:
    """One end of a range as written: any of year, month and day may be missing."""

    year: int | None
    month: int | None
    day: int | None

    @property
    def key(self) -> tuple[int, int]:
        """Month and day, for telling whether a range wraps over new year."""
        return (self.month or 0, self.day or 0)

    def first_day(self) -> date | None:
        """The earliest day this end allows; None until a year is known."""
        return _safe_date(self.year or 0, self.month or 1, self.day or 1)

    def last_day(self) -> date | None:
        """The latest day this end allows; None until a year is known."""
        if self.day is not None:
            return _safe_date(self.year or 0, self.month or 12, self.day)
        return _month_end(self.year, self.month or 12) if self.year else None

    def precision(self) -> str:
        """The finest unit written at this end."""
        return "day" if self.day else "month" if self.month else "year"


_PARTIALS = [
    re.compile(rf"{_month('m')} (?:the )?{_day('d')}(?: {_year('y')})?"),
    re.compile(rf"(?:the )?{_day('d')} (?:of )?{_month('m')}(?: {_year('y')})?"),
    re.compile(rf"(?:the )?{_day('d')}(?: {_year('y')})?"),
    re.compile(rf"{_month('m')}(?: (?:of )?{_year('y')})?"),
    re.compile(_year("y")),
]


def _partial(text: str) -> _Partial | None:
    """A range end such as "6", "november 6", "6 november 2017", "june" or "2018"."""
    text = _strip_prefixes(text)
    for pattern in _PARTIALS:
        if match := pattern.fullmatch(text):
            found = match.groupdict()
            return _Partial(
                int(found["y"]) if found.get("y") else None,
                _month_number(found["m"]) if found.get("m") else None,
                int(found["d"]) if found.get("d") else None,
            )
    return None


def _share(a: _Partial, b: _Partial) -> tuple[_Partial, _Partial] | None:
    """A month or year written once belongs to both ends, as in "6-7 november 2017"."""
    if a.day and not a.month:
        a = replace(a, month=b.month)
    if b.day and not b.month:
        b = replace(b, month=a.month)
    if (a.day and not a.month) or (b.day and not b.month):
        return None
    if a.year is None and b.year is not None:
        a = replace(a, year=b.year - (a.key > b.key))
    if b.year is None and a.year is not None:
        b = replace(b, year=a.year + (b.key < a.key and b.month is not None))
    return a, b


def _partial_span(a: _Partial, b: _Partial) -> DateSpan | None:
    """The days from one end's first day to the other's last, or None when they are out of order."""
    start, end = a.first_day(), b.last_day()
    if start is None or end is None or start > end:
        return None
    return DateSpan(start, end, _coarser(a.precision(), b.precision()))


def _latest_range(a: _Partial, b: _Partial, published: date | None) -> DateSpan | None:
    """A range without a year lies in the latest year that keeps it before publication."""
    if published is None:
        return None
    wrap = a.key > b.key
    for year in range(published.year, published.year - 9, -1):
        span = _partial_span(replace(a, year=year - wrap), replace(b, year=year))
        if span is not None and span.end is not None and span.end <= published:
            return span
    return None


def _range(match: re.Match[str], published: date | None) -> DateSpan | None:
    """Two ends joined by a dash, "to", "and" or "until", sharing what is written only once."""
    a, b = _partial(match["a"]), _partial(match["b"])
    shared = _share(a, b) if a and b else None
    if shared is None:
        return _join(_resolve(match["a"], published), _resolve(match["b"], published))
    if shared[0].year is None:
        return _latest_range(*shared, published)
    return _partial_span(*shared)


def _join(first: DateSpan | None, last: DateSpan | None) -> DateSpan | None:
    """From the start of one end to the end of the other, as in "Tuesday and Wednesday"."""
    if first is None or last is None or first.start > last.end:
        return None
    return DateSpan(first.start, last.end, _coarser(first.precision, last.precision))


def _iso_day(match: re.Match[str], published: date | None) -> DateSpan | None:
    """An ISO date is unambiguous, so it needs no publication date."""
    day = _safe_date(int(match["y"]), int(match["mo"]), int(match["d"]))
    return _days(day, day) if day else None


def _day_of_month(match: re.Match[str], published: date | None) -> DateSpan | None:
    """A day with its year, or without one the latest such day not after publication."""
    day = _Partial(int(match["y"]) if match["y"] else None, _month_number(match["m"]), int(match["d"]))
    if day.year is not None:
        return _partial_span(day, day)
    return _latest_range(day, day, published)


_DAY_OFFSETS = {"today": 0, "yesterday": -1, "day before yesterday": -2, "tomorrow": 1, "day after tomorrow": 2}


def _relative_day(match: re.Match[str], published: date | None) -> DateSpan | None:
    """Today, yesterday and tomorrow count whole days from publication."""
    if published is None:
        return None
    day = published + timedelta(days=_DAY_OFFSETS[match[0]])
    return _days(day, day)


def _weekday(match: re.Match[str], published: date | None) -> DateSpan | None:
    """A bare weekday is the latest one up to publication; "last" means strictly before, "next" after.

    "Last Thursday" written on a Friday is a week and a day back: the day before publication is "yesterday".
    """
    if published is None:
        return None
    wanted = _WEEKDAYS.split("|").index(match["wd"])
    offset = _offset(match["rel"])
    if offset < 0:
        day = published - timedelta(days=(published.weekday() - wanted - 1) % 7 + 1)
        day -= timedelta(weeks=1) if day == published - timedelta(days=1) else timedelta(0)
    elif offset > 0:
        day = published + timedelta(days=(wanted - published.weekday() - 1) % 7 + 1)
    else:
        day = published - timedelta(days=(published.weekday() - wanted) % 7)
    return _days(day, day)


# ---------------------------------------------------------------------------------------------------------------
# "N units ago"
# ---------------------------------------------------------------------------------------------------------------
def _amount(text: str) -> tuple[int, int]:
    """The lowest and highest count a number word allows: "a few" is two to five."""
    text = " ".join(text.split())
    if text in _VAGUE_NUMBERS:
        return _VAGUE_NUMBERS[text]
    count = int(text) if text.isdigit() else _WORD_NUMBERS[text]
    return count, count


def _ago(match: re.Match[str], published: date | None) -> DateSpan | None:
    """Writers round "a week ago", so the interval widens with the amount."""
    if published is None:
        return None
    low, high = _amount(match["n"])
    unit = match["unit"].rstrip("s")
    if unit == "fortnight":
        unit, low, high = "week", 2 * low, 2 * high
    span = _AGO[unit](published, low, high)
    amount = " ".join(f"{match['n']} {match['unit']}".split())
    basis = f"{amount} before {published.day} {published:%B %Y}"
    return replace(span, hedge=DateHedge.ABOUT, basis=basis)


def _hours_ago(published: date, low: int, high: int) -> DateSpan:
    """Hours become the days they cover, since a DateSpan has no clock."""
    return _days(published - timedelta(days=math.ceil(high / 24)), published - timedelta(days=low // 24))


def _days_ago(published: date, low: int, high: int) -> DateSpan:
    """Days are counted exactly up to two, then with a third of the amount either side."""
    return _days(published - timedelta(days=high + high // 3), published - timedelta(days=low - low // 3))


def _weeks_ago(published: date, low: int, high: int) -> DateSpan:
    """Writers round to weeks, so "a week ago" is five to nine days ago."""
    return _days(published - timedelta(days=9 * high), published - timedelta(days=5 * low))


def _months_ago(published: date, low: int, high: int) -> DateSpan:
    """Months ago keep about a week of slack per month, at most six weeks."""
    start = _add_months(published, -high) - timedelta(days=min(7 * high, 45))
    end = _add_months(published, -low) + timedelta(days=min(7 * low, 45))
    return DateSpan(start, end, "month")


def _years_ago(published: date, low: int, high: int) -> DateSpan:
    """Years ago name a calendar year more often than a precise day."""
    return DateSpan(date(published.year - high, 1, 1), date(published.year - low, 12, 31), "year")


def _decades_ago(published: date, low: int, high: int) -> DateSpan:
    """Decades ago are that many tens of years back, give or take three."""
    return DateSpan(date(published.year - 10 * high - 3, 1, 1), date(published.year - 10 * low + 3, 12, 31), "decade")


_AGO = {
    "hour": _hours_ago, "day": _days_ago, "week": _weeks_ago, "month": _months_ago, "year": _years_ago,
    "decade": _decades_ago,
}  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------
# Weeks, months, years, seasons and decades
# ---------------------------------------------------------------------------------------------------------------
_BEFORE = {"last", "past", "this past"}
_AFTER = {"next", "coming", "this coming", "upcoming"}


def _offset(near: str | None) -> int:
    """-1, 0 or +1 for the word that places a period before, at or after publication."""
    near = " ".join((near or "this").split())
    return -1 if near in _BEFORE else 1 if near in _AFTER else 0


def _period(match: re.Match[str], published: date | None) -> DateSpan | None:
    """Calendar periods: "last week" is the previous Monday to Sunday; "the past week" trails publication."""
    if published is None:
        return None
    near, unit = " ".join((match["rel"] or "this").split()), match["unit"] or "weekend"
    if near == "past":
        return _trailing(unit, published)
    return _CALENDAR_PERIODS[unit](published, _offset(near))


def _week(published: date, offset: int) -> DateSpan:
    """Weeks run from Monday, as in most newsrooms' calendars."""
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
    return _days(monday, monday + timedelta(days=6))


def _weekend(published: date, offset: int) -> DateSpan:
    """The latest weekend begun by publication; "last weekend" is the one before when published on one."""
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if (offset < 0 and published.weekday() >= 5) or offset > 0:
        saturday += timedelta(weeks=offset)
    return _days(saturday, saturday + timedelta(days=1))


def _calendar_month(published: date, offset: int) -> DateSpan:
    """A calendar month counted in months from publication."""
    first = _add_months(published.replace(day=1), offset)
    return _month_span(first.year, first.month)


def _calendar_year(published: date, offset: int) -> DateSpan:
    """A calendar year counted in years from publication."""
    return _year_span(published.year + offset)


_CALENDAR_PERIODS = {"week": _week, "weekend": _weekend, "month": _calendar_month, "year": _calendar_year}


def _trailing(unit: str, published: date) -> DateSpan | None:
    """The days just before publication, as in "the past week"."""
    if unit == "week":
        return _days(published - timedelta(days=7), published)
    if unit == "weekend":
        return _weekend(published, -1)
    months = 1 if unit == "month" else 12
    return DateSpan(_add_months(published, -months), published, unit)


def _later(match: re.Match[str], published: date | None) -> DateSpan | None:
    """What is left of the period after publication, as in "later this year"."""
    span = _resolve(match["rest"], published)
    if span is None or published is None or span.end < published:
        return span
    return replace(span, start=max(span.start, published))


def _month_year(match: re.Match[str], published: date | None) -> DateSpan | None:
    """A month and year written out need no publication date."""
    return _month_span(int(match["y"]), _month_number(match["m"]))


def _named_month(match: re.Match[str], published: date | None) -> DateSpan | None:
    """A month without a year: the latest one begun by publication; "last August" one strictly before."""
    if published is None:
        return None
    month, year, offset = _month_number(match["m"]), published.year, _offset(match["rel"])
    if offset < 0:
        year -= month >= published.month
    elif offset > 0:
        year += month <= published.month
    else:
        year -= month > published.month
    return _month_span(year, month)


def _month_of_year(match: re.Match[str], published: date | None) -> DateSpan | None:
    """A month of a year named relative to publication; "August this year" is never after it."""
    if published is None:
        return None
    month, offset = _month_number(match["m"]), _offset(match["yrel"])
    year = published.year + offset - (offset == 0 and month > published.month)
    return _month_span(year, month)


def _year_only(match: re.Match[str], published: date | None) -> DateSpan | None:
    """A year written out needs no publication date."""
    return _year_span(int(match["y"]))


def _year_pair(match: re.Match[str], published: date | None) -> DateSpan | None:
    """A season or fiscal year written "2018-19" runs over both years."""
    first = int(match["y"])
    last = first - first % 100 + int(match["yy"])
    last += 100 * (last < first)  # "1999-00"
    return DateSpan(date(first, 1, 1), date(last, 12, 31), "year") if last == first + 1 else None


def _decade(match: re.Match[str], published: date | None) -> DateSpan | None:
    """Decades written "1990s", "'90s" or "nineties" (the last two taken as 19xx)."""
    if match["word"]:
        first = 1900 + 10 * (_DECADE_WORDS.split("|").index(match["word"]) + 2)
    else:
        first = int(match["full"]) if match["full"] else 1900 + int(match["short"])
    return DateSpan(date(first, 1, 1), date(first + 9, 12, 31), "decade")


def _season_span(season: str, year: int) -> DateSpan:
    """Northern seasons; winter Y runs from December of Y-1 to February of Y."""
    first = date(year - (season == "winter"), _SEASON_FIRST_MONTH[season], 1)
    last = _add_months(first, 2)
    return DateSpan(first, _month_end(last.year, last.month), "month")


def _season_of_year(match: re.Match[str], published: date | None) -> DateSpan | None:
    """A season with its year needs no publication date."""
    return _season_span(match["s"], int(match["y"]))


def _near_season(match: re.Match[str], published: date | None) -> DateSpan | None:
    """A bare season is the latest begun by publication; "last summer" the latest over before it."""
    if published is None:
        return None
    offset = _offset(match["rel"])
    spans = [_season_span(match["s"], year) for year in range(published.year + 2, published.year - 3, -1)]
    if offset > 0:
        return next((s for s in reversed(spans) if s.start and s.start > published), None)
    if offset < 0:
        return next((s for s in spans if s.end and s.end < published), None)
    return next((s for s in spans if s.start and s.start <= published), None)


# ---------------------------------------------------------------------------------------------------------------
# Parts of a period: "early 2018", "mid-1990s", "the end of last year"
# ---------------------------------------------------------------------------------------------------------------
_RECURRING = re.compile(rf"(?:{_MONTHS})\.?|{_SEASONS}")


def _portion(match: re.Match[str], published: date | None) -> DateSpan | None:
    """A fraction of the period; a bare month or season moves a year back to stay before publication."""
    rest, portion = _strip_prefixes(match["rest"]), _PORTIONS[" ".join(match["q"].split())]
    span = _part(_resolve(rest, published), portion)
    if span is None or published is None or span.start <= published:
        return span
    if _RECURRING.fullmatch(rest):
        return _part(_resolve(rest, _add_months(published, -12)), portion)
    return span


def _part(span: DateSpan | None, portion: tuple[float, float]) -> DateSpan | None:
    """Decades split into years, years into months, anything shorter into days."""
    if span is None:
        return None
    split = {"decade": _part_of_decade, "year": _part_of_years}.get(span.precision, _part_of_days)
    return split(span.start, span.end, portion, span.precision)


def _slice(count: int, portion: tuple[float, float]) -> tuple[int, int]:
    """The first and last of `count` units that a portion covers, rounding outwards."""
    return math.floor(portion[0] * count), max(math.ceil(portion[1] * count) - 1, 0)


def _part_of_decade(start: date, end: date, portion: tuple[float, float], precision: str) -> DateSpan:
    """Parts of a decade are whole years ("early 1990s" is 1990-1993), still only as precise as a decade."""
    first, last = _slice(end.year - start.year + 1, portion)
    return DateSpan(date(start.year + first, 1, 1), date(start.year + last, 12, 31), "decade")


def _part_of_years(start: date, end: date, portion: tuple[float, float], precision: str) -> DateSpan:
    """Parts of a year are whole months ("mid-2019" is May to August), precise to the month."""
    first, last = _slice((end.year - start.year) * 12 + end.month - start.month + 1, portion)
    last_month = _add_months(start, last)
    return DateSpan(_add_months(start, first), _month_end(last_month.year, last_month.month), "month")


def _part_of_days(start: date, end: date, portion: tuple[float, float], precision: str) -> DateSpan:
    """Parts of a month are days ("late June" is the 21st to the 30th), as precise as the month itself."""
    first, last = _slice((end - start).days + 1, portion)
    return DateSpan(start + timedelta(days=first), start + timedelta(days=last), precision)


# ---------------------------------------------------------------------------------------------------------------
# dateparser, for absolute dates in shapes the forms above do not know
# ---------------------------------------------------------------------------------------------------------------
_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")
_NAMED_MONTH = re.compile(rf"\b(?:{_MONTHS})\b")
_NOT_ONE_DATE = re.compile(
    r"\b(?:years?|months?|weeks?|days?|decades?|ago|since|for|over|past|until|till|before|after|every|each"
    r"|between|from|and|to|or|last|next|this|by)\b|\d{4}\s*-\s*\d"
)


@functools.cache
def _date_parser() -> "DateDataParser":
    """One parser per process, built on first use: importing dateparser costs half a second."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]})


def _dateparser_span(text: str) -> DateSpan | None:
    """Absolute shapes the forms do not know ("18.11.2019", "11/18/2019"), left to dateparser when unambiguous."""
    named = _NAMED_MONTH.search(text)
    if not (_NUMERIC_DATE.search(text) or (named and re.search(r"\d{4}", text))) or _NOT_ONE_DATE.search(text):
        return None
    try:
        data = _date_parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; the expression is then undatable
        return None
    found = data.date_obj.date() if data.date_obj else None
    if found is None or str(found.year) not in text or (named and found.month != _month_number(named[0])):
        return None
    return _days(found, found) if data.period == "day" else _month_span(found.year, found.month)


# ---------------------------------------------------------------------------------------------------------------
# The forms, in the order they are tried
# ---------------------------------------------------------------------------------------------------------------
def _forms() -> list[tuple[re.Pattern[str], Handler]]:
    """Specific shapes first; ranges last, since a dash or "and" also occurs inside other forms."""
    portion = "|".join(re.escape(q).replace(r"\ ", r"\s") for q in sorted(_PORTIONS, key=len, reverse=True))
    forms: list[tuple[str, Handler]] = [
        (rf"{_year('y')}[-/.](?P<mo>\d{{1,2}})[-/.](?P<d>\d{{1,2}})", _iso_day),
        (rf"{_month('m')} (?:the )?{_day('d')}(?: {_year('y')})?", _day_of_month),
        (rf"(?:the )?{_day('d')} (?:of )?{_month('m')}(?: {_year('y')})?", _day_of_month),
        (rf"{_month('m')} (?:of )?{_year('y')}", _month_year),
        (rf"{_month('m')} (?:of )?(?P<yrel>this|last|next|the current) year", _month_of_year),
        (rf"(?:(?P<rel>{_NEAR}) )?{_month('m')}", _named_month),
        (rf"(?:the )?(?:year )?{_year('y')}", _year_only),
        (rf"(?P<full>\d{{3}}0)'?s|'?(?P<short>\d0)'?s|(?P<word>{_DECADE_WORDS})", _decade),
        (rf"(?P<s>{_SEASONS}) (?:of )?{_year('y')}", _season_of_year),
        (rf"(?:(?P<rel>{_NEAR}) )?(?P<s>{_SEASONS})", _near_season),
        ("|".join(_DAY_OFFSETS), _relative_day),
        (rf"(?:(?P<rel>{_NEAR}) )?(?P<wd>{_WEEKDAYS})", _weekday),
        (rf"(?P<n>{_NUMBERS}) (?P<unit>{_UNITS}) ago", _ago),
        (rf"(?P<rel>{_NEAR}|current|the current) (?P<unit>week|weekend|month|year)|(?P<lone>weekend)", _period),
        (rf"{_year('y')}[-/](?P<yy>\d\d)", _year_pair),
        (r"later (?P<rest>.+)", _later),
        (rf"(?P<q>{portion})(?: |-|- )(?:in )?(?P<rest>.+)", _portion),
        (r"(?:from |between )?(?P<a>.+?)(?: ?- ?| (?:to|and|through|thru|until|till|or) )(?P<b>.+)", _range),
    ]
    return [(re.compile(pattern), handler) for pattern, handler in forms]


_FORMS = _forms()


# ---------------------------------------------------------------------------------------------------------------
# The finder
# ---------------------------------------------------------------------------------------------------------------
def _finder() -> list[re.Pattern[str]]:
    """Patterns over raw text for the forms the resolver knows, bounded by non-word characters."""
    month, day, year = rf"(?:{_MONTHS})\.?", r"[0-3]?\d(?:st|nd|rd|th)?", r"(?:1[0-9]|20)\d\d"
    weekday, tail, dash = rf"(?:(?:{_WEEKDAYS}),?\s+)?", rf"(?:,?\s+{year})?", r"\s*[-‐‑‒–—]\s*"
    sep = rf"(?:{dash}|\s+(?:to|and|through|until|till)\s+)"
    decade = rf"(?:(?:the\s+)?\d{{3}}0'?s|the\s+'?\d0'?s|the\s+(?:{_DECADE_WORDS}))"
    portion = r"early|mid|late|(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|close)\s+of"
    parts = r"(?:\s+(?:morning|afternoon|evening|night))?"
    patterns = [
        rf"{weekday}{month}\s+(?:the\s+)?{day}{tail}",
        rf"{weekday}(?:the\s+)?{day}\s+(?:of\s+)?{month}{tail}",
        rf"(?:(?:from|between)\s+)?{weekday}{month}\s+{day}{sep}(?:{month}\s+)?{day}{tail}",
        rf"(?:(?:from|between)\s+)?{day}(?:\s+{month})?{sep}{day}\s+{month}{tail}",
        r"\d{4}-\d\d-\d\d",
        rf"{month}(?:,?\s+of)?,?\s+{year}",
        rf"(?:(?:{_NEAR})\s+)?{month}(?:,?\s+(?:of\s+)?(?:this|last|next)\s+year)?",
        rf"(?:in|of|during|around|circa|and|or)\s+(?P<d>{year})(?![%]|[.,]\d)",  # not "since 2014": a bound
        rf"(?:(?:from|between)\s+)?{year}(?:{sep}{year}|{dash}\d\d)(?![%]|[.,]\d)",
        decade,
        rf"(?:{portion})[\s-]*(?:in\s+)?(?:the\s+)?(?:{month}(?:,?\s+{year})?|{year}|{decade}|(?:this|last|next)\s+(?:year|month|week))",
        rf"(?:{_NEAR})\s+(?:{_SEASONS})|(?:the\s+)?(?:{_SEASONS})\s+(?:of\s+)?{year}",
        rf"(?:(?:{_NEAR})\s+)?(?:{_WEEKDAYS}){parts}",
        r"the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|(?:earlier\s+|later\s+)?today|tonight|last\s+night",
        rf"(?:yesterday|tomorrow){parts}|this\s+(?:morning|afternoon|evening)",
        rf"(?:just\s+|only\s+)?(?:{_NUMBERS})\s+(?:{_UNITS})\s+ago",
        rf"(?:(?:earlier|later)\s+(?:this|in\s+the)\s+|(?:the\s+)?(?:{_NEAR})\s+)(?:week(?:end)?|month|year)",
        r"(?:over\s+)?the\s+weekend",
        r"(?:that(?:\s+same)?|the\s+(?:same|next|following|previous))\s+day",
    ]
    return [re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE) for p in patterns]


_FINDER = _finder()
_FULL_MONTH_NAMES = {name.lower() for name in calendar.month_name if name}


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match, also those starting inside an earlier one, so that the longest can win later."""
    position = 0
    while match := pattern.search(text, position):
        yield match
        position = match.start() + 1


def _plausible(found: str) -> bool:
    """A lone month name counts only spelled out and capitalized: "may" and "march" are also verbs."""
    if not re.fullmatch(rf"(?:{_MONTHS})\.?", found, re.IGNORECASE):
        return True
    return found[0].isupper() and found.lower() in _FULL_MONTH_NAMES


def _longest_without_overlap(candidates: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longer phrases win over the shorter ones they contain; the result reads left to right.

    The chosen phrases never overlap, so kept in order a new one can only overlap its two neighbours: a whole
    article's dates (thousands, in a digest) are chosen without comparing each with all the others."""
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(set(candidates), key=lambda c: (c[0] - c[1], c[0])):
        at = bisect.bisect_left(chosen, (start, end))
        neighbours = chosen[max(0, at - 1) : at + 1]
        if all(end <= s or start >= e for s, e in neighbours):
            chosen.insert(at, (start, end))
    return chosen
