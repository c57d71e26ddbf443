"""Event dates are written as precisely as they are known, and never more."""

import datetime

import pytest

from entities.formatting import format_event_date

D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (D(2017, 11, 6), D(2017, 11, 7), "day", "6–7 November 2017"),
        (D(2017, 11, 6), D(2017, 11, 6), "day", "6 November 2017"),
        (D(2017, 11, 6), None, "day", "6 November 2017"),
        (D(2017, 10, 30), D(2017, 11, 2), "day", "30 October – 2 November 2017"),
        (D(2017, 12, 30), D(2018, 1, 2), "day", "30 December 2017 – 2 January 2018"),
        (D(2019, 11, 1), D(2019, 11, 30), "month", "November 2019"),
        (D(2019, 11, 1), D(2019, 12, 31), "month", "November – December 2019"),
        (D(2019, 1, 1), D(2019, 12, 31), "year", "some time in 2019"),
        (D(2019, 1, 1), D(2020, 12, 31), "year", "some time in 2019–2020"),
        (D(1990, 1, 1), D(1999, 12, 31), "decade", "1990s"),
        (D(1990, 1, 1), None, "decade", "1990s"),
        (D(1990, 1, 1), D(1993, 12, 31), "decade", "early 1990s"),
        (D(1994, 1, 1), D(1996, 12, 31), "decade", "mid-1990s"),
        (D(1997, 1, 1), D(1999, 12, 31), "decade", "late 1990s"),
        (None, None, "unknown", "date unknown"),
        (D(2019, 1, 1), None, "unknown", "date unknown"),
    ],
)
def test_event_date_is_as_precise_as_known(start, end, precision, expected):
    assert format_event_date(start, end, precision) == expected


def test_a_guessed_window_says_so_and_what_it_was_reckoned_from():
    written = format_event_date(D(2017, 10, 30), D(2017, 11, 3), "day", "about", "a week before 8 November 2017")
    assert written == "about 30 October – 3 November 2017 (a week before 8 November 2017)"


def test_news_known_only_to_precede_publication_is_on_or_before_it():
    assert format_event_date(D(2023, 7, 12), D(2023, 7, 15), "day", "on_or_before") == "on or before 15 July 2023"


def test_a_relative_date_in_an_article_is_stored_with_its_hedge_and_basis():
    from extraction.dates import news_peg, resolve_date

    span = resolve_date("a week ago", published=D(2017, 11, 8))
    assert (span.hedge, span.basis) == ("about", "a week before 8 November 2017")
    assert news_peg(D(2023, 7, 15)).hedge == "on_or_before"
