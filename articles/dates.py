"""The window of dates Parley stores: a date outside it is a misreading (a typo, a placeholder), not news.

One home for the decision, read by ingest for publication dates and for the dates extraction gives events.
"""

import datetime

# Older than any news archive Parley reads; far from year 1, where date arithmetic runs off the calendar.
EARLIEST = datetime.date(1800, 1, 1)
# A page can be dated a day ahead of us by its time zone; anything later is not published yet.
PUBLICATION_LEEWAY = datetime.timedelta(days=2)
# Planned events are reported years ahead (a summit in 2030), never centuries.
EVENT_HORIZON_YEARS = 50


def publication_window(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    today = today or datetime.date.today()
    return EARLIEST, today + PUBLICATION_LEEWAY


def event_window(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    today = today or datetime.date.today()
    return EARLIEST, today.replace(year=today.year + EVENT_HORIZON_YEARS, day=min(today.day, 28))


def outside(day: datetime.date | None, window: tuple[datetime.date, datetime.date]) -> bool:
    """Whether a known date falls outside the window (an unknown one never does)."""
    return day is not None and not window[0] <= day <= window[1]


def window_text(window: tuple[datetime.date, datetime.date]) -> str:
    return f"{window[0].isoformat()} to {window[1].isoformat()}"
