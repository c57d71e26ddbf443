"""Date expressions resolved against a publication date, and the finder that complements NER."""

import itertools
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extraction.dates import (
    anaphoric_offset,
    find_date_expressions,
    is_future,
    news_peg,
    resolve_date,
    resolve_weekday,
)
from extraction.records import DateSpan

PUBLISHED = date(2021, 3, 17)  # a Wednesday


def days(start: str, end: str | None = None) -> DateSpan:
    return DateSpan(date.fromisoformat(start), date.fromisoformat(end or start), "day")


def span(start: str, end: str, precision: str) -> DateSpan:
    return DateSpan(date.fromisoformat(start), date.fromisoformat(end), precision)


def resolve(text: str) -> DateSpan | None:
    return resolve_date(text, published=PUBLISHED)


# --- explicit days ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text", ["November 18, 2019", "18 November 2019", "Nov. 18, 2019", "2019-11-18", "the 18th of November, 2019"]
)
def test_explicit_day_with_year_has_day_precision(text):
    assert resolve(text) == days("2019-11-18")


def test_explicit_day_ignores_weekday_clock_time_and_preposition():
    assert resolve("on Monday, November 18, 2019 at 10 a.m.") == days("2019-11-18")


@pytest.mark.parametrize("text", ["18.11.2019", "11/18/2019", "18-Nov-2019"])
def test_numeric_day_shapes_are_left_to_dateparser(text):
    assert resolve(text) == days("2019-11-18")


def test_day_without_year_is_the_latest_not_after_publication():
    assert resolve("March 2") == days("2021-03-02")
    assert resolve("March 20") == days("2020-03-20")


def test_impossible_day_is_not_datable():
    assert resolve("February 30, 2020") is None


# --- ranges -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "6-7 November 2017",
        "November 6-7, 2017",
        "November 6 to 7, 2017",
        "6–7 November 2017",
        "from 6 to 7 November 2017",
    ],
)
def test_day_range_shares_the_month_and_year_written_once(text):
    assert resolve(text) == days("2017-11-06", "2017-11-07")


def test_day_range_between_two_full_days():
    assert resolve("between May 3 and May 5, 2020") == days("2020-05-03", "2020-05-05")


def test_day_range_without_year_takes_the_latest_year_not_after_publication():
    assert resolve("March 10-12") == days("2021-03-10", "2021-03-12")
    assert resolve("March 16-18") == days("2020-03-16", "2020-03-18")
    assert resolve("from 6 to 8 February") == days("2021-02-06", "2021-02-08")


def test_day_range_with_en_dash_and_no_year():
    assert resolve("3–5 March") == days("2021-03-03", "2021-03-05")


def test_day_range_across_new_year_starts_in_the_earlier_year():
    assert resolve("December 30 to January 2") == days("2020-12-30", "2021-01-02")
    assert resolve("December 30, 2019 to January 2, 2020") == days("2019-12-30", "2020-01-02")


def test_range_of_months_and_of_years_keeps_the_coarser_precision():
    assert resolve("June to August 2019") == span("2019-06-01", "2019-08-31", "month")
    assert resolve("between 2010 and 2012") == span("2010-01-01", "2012-12-31", "year")
    assert resolve("2018-19") == span("2018-01-01", "2019-12-31", "year")


def test_two_weekdays_span_from_the_first_to_the_second():
    assert resolve("Monday and Tuesday") == days("2021-03-15", "2021-03-16")


# --- weekdays and days around publication -------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [("Tuesday", "2021-03-16"), ("on Wednesday", "2021-03-17")])
def test_bare_weekday_resolves_on_or_before_publication(text, expected):
    assert resolve(text) == days(expected)


@pytest.mark.parametrize(("text", "expected"), [("last Wednesday", "2021-03-10"), ("last Monday", "2021-03-15")])
def test_relative_weekday_resolves_before_publication(text, expected):
    assert resolve(text) == days(expected)


def test_last_weekday_is_never_the_day_before_publication():
    """That day is "yesterday": "last Tuesday" on a Wednesday is the week before."""
    assert resolve("last Tuesday") == days("2021-03-09")


def test_next_weekday_resolves_after_publication_and_is_future():
    resolved = resolve("next Monday")
    assert resolved == days("2021-03-22")
    assert is_future(resolved, PUBLISHED)


@pytest.mark.parametrize("text", ["today", "this morning", "tonight", "earlier today", "Today's"])
def test_today_words_resolve_to_publication_day(text):
    assert resolve(text) == days("2021-03-17")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("yesterday", "2021-03-16"), ("yesterday afternoon", "2021-03-16"), ("last night", "2021-03-16")],
)
def test_yesterday_is_the_day_before_publication(text, expected):
    assert resolve(text) == days(expected)


def test_day_before_yesterday_is_two_days_before_publication():
    assert resolve("the day before yesterday") == days("2021-03-15")


# --- "N units ago" ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a week ago", days("2021-03-08", "2021-03-12")),
        ("two weeks ago", days("2021-02-27", "2021-03-07")),
        ("3 days ago", days("2021-03-13", "2021-03-15")),
        ("a month ago", span("2021-02-10", "2021-02-24", "month")),
        ("two years ago", span("2019-01-01", "2019-12-31", "year")),
    ],
)
def test_ago_widens_around_the_amount_before_publication(text, expected):
    assert resolve(text) == expected


def test_vague_amount_ago_gives_a_wider_interval():
    assert resolve("a few days ago") == days("2021-03-11", "2021-03-15")


# --- calendar periods -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last week", days("2021-03-08", "2021-03-14")),
        ("this week", days("2021-03-15", "2021-03-17")),
        ("last month", span("2021-02-01", "2021-02-28", "month")),
        ("this month", span("2021-03-01", "2021-03-17", "month")),
        ("last year", span("2020-01-01", "2020-12-31", "year")),
        ("this year", span("2021-01-01", "2021-03-17", "year")),
        ("earlier this year", span("2021-01-01", "2021-03-17", "year")),
    ],
)
def test_calendar_period_is_cut_at_publication(text, expected):
    assert resolve(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("next week", days("2021-03-22", "2021-03-28")),
        ("next month", span("2021-04-01", "2021-04-30", "month")),
        ("next year", span("2022-01-01", "2022-12-31", "year")),
        ("later this year", span("2021-03-17", "2021-12-31", "year")),
    ],
)
def test_next_period_is_returned_whole_and_future(text, expected):
    resolved = resolve(text)
    assert resolved == expected
    assert is_future(resolved, PUBLISHED)


def test_weekend_is_the_latest_one_before_publication():
    assert resolve("over the weekend") == days("2021-03-13", "2021-03-14")


# --- months without a year --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in June", span("2020-06-01", "2020-06-30", "month")),
        ("February", span("2021-02-01", "2021-02-28", "month")),
        ("in March", span("2021-03-01", "2021-03-17", "month")),
    ],
)
def test_month_without_year_is_the_latest_not_after_publication(text, expected):
    assert resolve(text) == expected


def test_month_of_this_year_falls_back_a_year_rather_than_lie_after_publication():
    assert resolve("August of this year") == span("2020-08-01", "2020-08-31", "month")
    assert resolve("January this year") == span("2021-01-01", "2021-01-31", "month")


def test_last_month_name_is_strictly_before_the_publication_month():
    assert resolve("last March") == span("2020-03-01", "2020-03-31", "month")
    assert resolve("last January") == span("2021-01-01", "2021-01-31", "month")


def test_part_of_a_month_without_year_moves_back_a_year_when_it_would_be_after_publication():
    assert resolve("late March") == span("2020-03-21", "2020-03-31", "month")
    assert resolve("early March") == span("2021-03-01", "2021-03-11", "month")


# --- months and years with a year -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["June 2018", "in June of 2018", "June, 2018"])
def test_month_with_year_has_month_precision(text):
    assert resolve(text) == span("2018-06-01", "2018-06-30", "month")


@pytest.mark.parametrize("text", ["2014", "in 2014", "the year 2014"])
def test_year_has_year_precision(text):
    assert resolve(text) == span("2014-01-01", "2014-12-31", "year")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("mid-2019", "2019-05-01", "2019-08-31"),
        ("early 2018", "2018-01-01", "2018-04-30"),
        ("late 2018", "2018-09-01", "2018-12-31"),
        ("the end of 2017", "2017-10-01", "2017-12-31"),
        ("the first half of 2016", "2016-01-01", "2016-06-30"),
    ],
)
def test_part_of_a_year_is_a_range_of_months(text, start, end):
    assert resolve(text) == span(start, end, "month")


def test_part_of_last_year_is_anchored_on_publication():
    assert resolve("late last year") == span("2020-09-01", "2020-12-31", "month")


# --- decades and seasons ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("the 1990s", "1990-01-01", "1999-12-31"),
        ("1980s", "1980-01-01", "1989-12-31"),
        ("early 1990s", "1990-01-01", "1993-12-31"),
        ("mid-1990s", "1993-01-01", "1996-12-31"),
        ("late 1990s", "1996-01-01", "1999-12-31"),
        ("the 70s", "1970-01-01", "1979-12-31"),
        ("the '70s", "1970-01-01", "1979-12-31"),
        ("the seventies", "1970-01-01", "1979-12-31"),
    ],
)
def test_decade_has_decade_precision(text, start, end):
    assert resolve(text) == span(start, end, "decade")


def test_season_with_year_spans_its_three_months():
    assert resolve("summer 2019") == span("2019-06-01", "2019-08-31", "month")


def test_last_season_is_the_latest_one_over_before_publication():
    assert resolve("last summer") == span("2020-06-01", "2020-08-31", "month")
    assert resolve("last winter") == span("2020-12-01", "2021-02-28", "month")


# --- what is not datable ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "40 years",
        "decades",
        "the past two years",
        "recently",
        "for a long time",
        "annually",
        "since 2014",
        "the following day",
        "two weeks later",
    ],
)
def test_durations_and_vague_words_are_not_datable(text):
    assert resolve(text) is None


@pytest.mark.parametrize(
    "text", ["in June", "on Tuesday", "last year", "a week ago", "yesterday", "November 6-7", "late March"]
)
def test_relative_expression_needs_a_publication_date(text):
    assert resolve_date(text, published=None) is None


@pytest.mark.parametrize("text", ["November 18, 2019", "June 2018", "mid-2019", "the 1990s", "6-7 November 2017"])
def test_explicit_expression_needs_no_publication_date(text):
    assert resolve_date(text, published=None) is not None


@pytest.mark.parametrize("text", ["", "   ", "asdf qwer", "☃ 日本語 ﷽", "x" * 10_000, "June " * 2_000, "-" * 119])
def test_junk_empty_and_huge_input_is_not_datable(text):
    assert resolve(text) is None


# --- the future -------------------------------------------------------------------------------------------------
def test_explicit_date_after_publication_is_kept_and_future():
    resolved = resolve("June 5, 2022")
    assert resolved == days("2022-06-05")
    assert is_future(resolved, PUBLISHED)


def test_past_today_and_unknown_spans_are_not_future():
    assert not is_future(days("2021-03-01"), PUBLISHED)
    assert not is_future(days("2021-03-17"), PUBLISHED)
    assert not is_future(days("2022-01-01"), None)
    assert not is_future(None, PUBLISHED)


# --- the finder -------------------------------------------------------------------------------------------------
def phrases(text: str) -> list[str]:
    return [found for _, _, found in find_date_expressions(text)]


def test_finder_catches_a_parenthesized_range():
    assert phrases("The two ministers met (November 6-7) in the capital.") == ["November 6-7"]


def test_finder_keeps_the_modifier_that_ner_truncates():
    assert phrases("The dam was built in early 1990s and rebuilt in mid-2019.") == ["early 1990s", "mid-2019"]


def test_finder_catches_weekdays_and_ago():
    assert phrases("She arrived on Tuesday and had met the mayor a week ago.") == ["Tuesday", "a week ago"]


def test_finder_prefers_the_longest_phrase():
    assert phrases("On Tuesday, November 18, 2019 at noon the envoy landed.") == ["Tuesday, November 18, 2019"]


def test_finder_returns_offsets_into_the_text_in_order():
    text = "Talks ran from 6 to 8 May, and again between May 3 and May 5, 2020."
    found = find_date_expressions(text)
    assert [text[start:end] for start, end, _ in found] == ["from 6 to 8 May", "between May 3 and May 5, 2020"]


def test_finder_skips_may_the_verb_and_durations():
    assert phrases("Officials may meet, as they have for the past two years and 40 years before.") == []


def test_finder_skips_a_year_that_only_bounds_a_period():
    assert phrases("Relations have been frozen since 2014.") == []


def test_finder_skips_counts_that_look_like_years():
    assert phrases("About 1500 troops and $2014 were sent in 2014.") == ["2014"]


# --- properties -------------------------------------------------------------------------------------------------
VOCABULARY = [
    "last", "next", "this", "past", "early", "mid-", "late", "the end of", "in", "on", "the", "of", "ago", "a",
    "two", "3", "a few", "week", "weeks", "month", "months", "year", "years", "days", "decade", "weekend",
    "today", "yesterday", "tonight", "Tuesday", "Sunday", "June", "February", "May", "December", "summer",
    "winter", "1990s", "'90s", "nineties", "2019", "1999", "18", "29", "31", "6-7", "–", "-", "to", "and",
    "between", "from", ",", "Q1", "first half of", "earlier", "2018-19", "hours",
]  # fmt: skip
NAMES_A_YEAR_OR_THE_FUTURE = re.compile(r"\d{4}|next|coming|upcoming|tomorrow|later", re.IGNORECASE)
date_like = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=6).map(" ".join)


def assert_valid(text: str, published: date) -> None:
    resolved = resolve_date(text, published=published)
    if resolved is None:
        return
    assert resolved.start is not None and resolved.end is not None
    assert resolved.start <= resolved.end
    assert resolved.precision in {"day", "month", "year", "decade"}
    if not NAMES_A_YEAR_OR_THE_FUTURE.search(text):
        assert resolved.end <= published


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80), published=st.dates())
def test_random_text_never_raises_and_never_lies_after_publication(text, published):
    assert_valid(text, published)


@settings(max_examples=200, deadline=None)
@given(text=date_like, published=st.dates())
def test_date_like_text_never_raises_and_never_lies_after_publication(text, published):
    assert_valid(text, published)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(max_size=200), date_like))
def test_finder_never_raises_and_returns_ordered_disjoint_offsets(text):
    found = find_date_expressions(text)
    assert all(text[start:end] == phrase for start, end, phrase in found)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(found))


# --- the news peg and days named by reference -------------------------------------------------------------------
def test_news_peg_is_the_days_just_before_publication():
    assert news_peg(PUBLISHED) == days("2021-03-14", "2021-03-17")


def test_news_peg_does_not_reach_into_the_month_before():
    assert news_peg(date(2021, 4, 1)) == days("2021-04-01")


@pytest.mark.parametrize(
    "text, offset",
    [("that day", 0), ("on that same day", 0), ("the same day", 0), ("the next day", 1), ("The following day", 1),
     ("the previous day", -1), ("the day", None), ("Monday", None)],
)  # fmt: skip
def test_days_named_by_reference_count_from_the_day_named_before(text, offset):
    assert anaphoric_offset(text) == offset


def test_a_weekday_can_be_counted_from_the_texts_own_date():
    assert resolve_weekday("on Monday", date(2021, 3, 12)) == days("2021-03-08")
    assert resolve_weekday("last Friday", date(2021, 3, 12)) == days("2021-03-05")


def test_only_weekdays_are_counted_from_the_texts_own_date():
    assert resolve_weekday("last year", date(2021, 3, 12)) is None
    assert resolve_weekday("on Monday", None) is None
