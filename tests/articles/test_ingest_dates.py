"""An impossible date (year 1, year 9999, next century) is dropped at ingest with a warning, never stored."""

import datetime

import pytest

from articles import dates
from articles.models import Article
from entities.ingest import articles_ingest, event_dates_checked
from entities.models import Event
from extraction.records import ArticleExtraction, DateSpan, EventRecord
from tests.articles.test_ingest_command import run_command

pytestmark = pytest.mark.django_db

BODY = "The two port authorities met again on Monday to settle the customs dispute.\n"


def dated(day: str) -> str:
    return f"Harbour talks resume\nDate: {day}\n\n{BODY}"


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1 January 1066", "2999-05-01"])
def test_an_impossible_publication_date_is_dropped_with_a_warning(write, blank_nlp, day):
    path = write("odd.txt", dated(day))

    summary = articles_ingest(paths=[path], nlp=blank_nlp)

    article = Article.objects.get()
    assert (summary.created, summary.failed) == (1, 0)
    assert (article.published_on, article.published_precision) == (None, "unknown")
    [(where, message)] = summary.warnings
    assert where == str(path)
    assert message.startswith("publication date ") and "dropped (outside 1800-01-01 to " in message


def test_a_plausible_publication_date_is_kept_without_a_warning(write, blank_nlp):
    summary = articles_ingest(paths=[write("ok.txt", dated("1989-11-09"))], nlp=blank_nlp)

    assert Article.objects.get().published_on == datetime.date(1989, 11, 9)
    assert summary.warnings == []


def test_the_command_prints_the_warning_after_the_summary(write, blank_nlp, monkeypatch):
    path = write("corpus/odd.txt", dated("9999-12-31"))
    monkeypatch.setattr("entities.ingest.curated_nlp", lambda: blank_nlp)

    output, error = run_command(path)

    assert error is None
    assert output.splitlines()[-2].startswith("1 seen, 1 created")
    assert output.splitlines()[-1].startswith(f"warning: {path}: publication date 9999-12-31 dropped")


def meeting_on(start: datetime.date, end: datetime.date) -> EventRecord:
    return EventRecord(kind="meeting", participants=[], evidence=[], date=DateSpan(start, end, "day"))


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime.date.min, datetime.date.min),
        (datetime.date.max, datetime.date.max),
        (datetime.date(2020, 1, 1), datetime.date.max),
        (datetime.date(1799, 12, 31), datetime.date(1800, 1, 2)),
    ],
)
def test_an_event_date_outside_the_window_is_left_unknown(start, end):
    extraction = ArticleExtraction(events=[meeting_on(start, end), meeting_on(datetime.date(2020, 3, 1), None)])

    dropped = event_dates_checked(extraction)

    assert extraction.events[0].date is None
    assert extraction.events[1].date.start == datetime.date(2020, 3, 1)
    assert len(dropped) == 1 and dropped[0].startswith(f"event date {start} dropped")


def test_ingest_stores_an_impossibly_dated_event_undated(write, blank_nlp, monkeypatch):
    far = datetime.date(9999, 12, 31)
    extracted = ArticleExtraction(events=[meeting_on(far, far)])
    monkeypatch.setattr("extraction.pipeline.extract_texts", lambda nlp, texts, batch_size: [extracted])

    summary = articles_ingest(paths=[write("odd.txt", dated("2020-03-02"))], nlp=blank_nlp)

    assert list(Event.objects.values_list("date_start", "date_precision")) == [(None, "unknown")]
    assert summary.warnings[0][1].startswith("event date 9999-12-31 dropped")


def test_the_window_reaches_decades_ahead_for_plans_but_publication_only_days():
    today = datetime.date(2024, 2, 29)
    assert dates.event_window(today)[1] == datetime.date(2074, 2, 28)
    assert dates.publication_window(today)[1] == datetime.date(2024, 3, 2)
