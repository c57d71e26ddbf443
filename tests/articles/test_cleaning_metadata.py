"""Dates, bylines, datelines and captions in the shapes real pages print them, on invented pages."""

import datetime

import pytest

from articles.cleaning import clean_article

HEADLINE = "Harbour deal signed after long talks"
LEAD = "The two ports agreed on Tuesday to share a customs office, ending a dispute that had lasted a decade."


def page(*header: str, lead: str = LEAD) -> str:
    """A headline, the given header lines, and one paragraph of text."""
    return "\n\n".join([HEADLINE, *header, lead]) + "\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published March 9, 2021", datetime.date(2021, 3, 9)),
        ("Published: Wed 14 Apr 2021", datetime.date(2021, 4, 14)),
        ("Date: 2021-03-09", datetime.date(2021, 3, 9)),
        ("Tuesday 9 March 2021 - 10:15", datetime.date(2021, 3, 9)),
        ("Last updated on 14 March 2021 10:00 GMT", datetime.date(2021, 3, 14)),
    ],
)
def test_date_lines_date_the_article_and_leave_the_text(line, expected):
    article = clean_article(page(line))
    assert (article.published_on, article.published_precision) == (expected, "day")
    assert (article.title, article.body) == (HEADLINE, LEAD)


def test_outlet_and_date_fields_give_both():
    article = clean_article(page("The Example Times | 14 March 2021"))
    assert (article.outlet, article.published_on) == ("The Example Times", datetime.date(2021, 3, 14))
    assert article.body == LEAD


def test_date_with_agency_in_brackets_gives_date_and_outlet():
    article = clean_article(page("Monday, 8 May 2023 (Example Agency)"))
    assert (article.outlet, article.published_on) == ("Example Agency", datetime.date(2023, 5, 8))
    assert article.body == LEAD


@pytest.mark.parametrize("line", ["Updated 3 hours ago", "Published: yesterday", "4 min read"])
def test_relative_stamps_are_dropped_without_a_date(line):
    article = clean_article(f"{line}\n\n{page()}")
    assert (article.title, article.body, article.published_on) == (HEADLINE, LEAD, None)


def test_publication_date_is_preferred_to_an_update_date_whatever_the_order():
    article = clean_article(page("Updated: 16 March 2021", "Published: 12 March 2021"))
    assert article.published_on == datetime.date(2021, 3, 12)


def test_update_date_dates_the_article_when_it_is_the_only_date():
    assert clean_article(page("Updated: 16 March 2021")).published_on == datetime.date(2021, 3, 16)


# --- datelines -------------------------------------------------------------------------------------

DATELINE_LEAD = "PORTVILLE, March 3 (Example Agency) - The two ports agreed on Tuesday to share a customs office."


def test_dateline_gives_the_day_and_the_header_the_year():
    article = clean_article(page("Date: 2021-03-02", lead=DATELINE_LEAD))
    assert (article.published_on, article.published_precision) == (datetime.date(2021, 3, 3), "day")
    assert article.outlet == "Example Agency"


def test_dateline_stays_at_the_start_of_the_text():
    assert clean_article(page("Date: 2021-03-02", lead=DATELINE_LEAD)).body == DATELINE_LEAD


def test_dateline_without_a_year_anywhere_gives_no_date():
    article = clean_article(page(lead=DATELINE_LEAD))
    assert (article.published_on, article.published_precision) == (None, "unknown")


def test_dateline_completes_a_year_only_header_to_the_day():
    article = clean_article(page("Date: 2019", lead=DATELINE_LEAD))
    assert (article.published_on, article.published_precision) == (datetime.date(2019, 3, 3), "day")


def test_dateline_year_is_the_one_nearest_the_header_date_across_new_year():
    lead = "PORTVILLE, Jan 1 - The two ports agreed to share a customs office."
    assert clean_article(page("Date: 2020-12-31", lead=lead)).published_on == datetime.date(2021, 1, 1)


def test_dateline_far_from_the_header_day_does_not_replace_it():
    article = clean_article(page("Date: 2021-09-20", lead=DATELINE_LEAD))
    assert article.published_on == datetime.date(2021, 9, 20)


def test_dateline_with_its_own_year_needs_no_header():
    lead = "NEW PORTVILLE, Region, 3 March 2021 - The two ports agreed to share a customs office."
    assert clean_article(page(lead=lead)).published_on == datetime.date(2021, 3, 3)


@pytest.mark.parametrize(
    "lead",
    [
        "PORTVILLE March 3 - The ports agreed.",
        "PORTVILLE, MARCH 3 - The ports agreed.",
        "Portville, Mar. 3, Wire - The ports agreed.",
        "PORT CITY, Region. March 3 - The ports agreed.",
    ],
)
def test_dateline_variants_are_read(lead):
    assert clean_article(page("Date: 2021-03-02", lead=lead)).published_on == datetime.date(2021, 3, 3)


def test_dateline_on_its_own_line_above_the_headline_is_neither_title_nor_lost():
    article = clean_article(f"PORTVILLE, March 3 (Example Agency) -\n\n{HEADLINE}\n\nDate: 2021-03-02\n\n{LEAD}\n")
    assert article.title == HEADLINE
    assert article.body == f"PORTVILLE, March 3 (Example Agency) -\n\n{LEAD}"
    assert article.published_on == datetime.date(2021, 3, 3)


def test_sentence_opening_with_a_date_range_is_not_a_dateline():
    lead = "From March 15 to 17, the city played host to the festival."
    assert clean_article(page("Date: 2021-04-02", lead=lead)).published_on == datetime.date(2021, 4, 2)


# --- bylines and credits ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("By Staff Reporter", "", ""),
        ("By Our Correspondent", "", ""),
        ("By AGENCY", "", "AGENCY"),
        ("By Jane Doe and John Roe", "Jane Doe, John Roe", ""),
        ("By Jane Doe in Portville", "Jane Doe", ""),
        ("By Jane Doe, Example Agency", "Jane Doe", "Example Agency"),
        ("By Jane Doe | Updated 3 hours ago", "Jane Doe", ""),
        ("(Reporting by Jane Doe in Portville; Editing by John Roe)", "Jane Doe", ""),
        ("Reporting by Jane Doe and Ann Poe. Writing by Bob Moe", "Jane Doe, Ann Poe, Bob Moe", ""),
    ],
)
def test_bylines_and_credits_leave_the_text_and_name_only_people(line, author, outlet):
    article = clean_article(page(line))
    assert (article.author, article.outlet, article.body) == (author, outlet, LEAD)


def test_desk_byline_with_a_date_stamp_gives_the_date_and_no_author():
    article = clean_article(page("Staff Reporter Published March 9, 2021"))
    assert (article.author, article.published_on, article.body) == ("", datetime.date(2021, 3, 9), LEAD)


def test_named_byline_with_a_date_stamp_gives_both():
    article = clean_article(page("Jane Doe | Published: 9 March 2021"))
    assert (article.author, article.published_on, article.body) == ("Jane Doe", datetime.date(2021, 3, 9), LEAD)


def test_wire_credit_at_the_end_of_the_last_paragraph_is_removed():
    article = clean_article(page(lead=f"{LEAD} (Reporting by Jane Doe; Editing by John Roe)"))
    assert (article.author, article.body) == ("Jane Doe", LEAD)


def test_sentences_that_start_like_credits_or_bylines_stay():
    lines = [
        "Reporting by the agency suggested the talks had failed.",
        "By Tuesday, the two ministers had met three times.",
        "The ministers met (as reported by the local press) in the old town hall.",
        "Staff at the ministry published the report on 3 March 2021 in full.",
    ]
    article = clean_article(page(*lines))
    assert article.body.split("\n\n") == [*lines, LEAD]
    assert (article.author, article.published_on) == ("", None)


# --- photo captions ----------------------------------------------------------------------------------


def test_caption_above_the_headline_is_not_the_title_and_loses_its_credit():
    caption = "The two mayors shake hands at the town hall"
    article = clean_article(f"{caption} Photo: Example Agency\n\n{HEADLINE}\n\n{LEAD}\n")
    assert article.title == HEADLINE
    assert article.body == f"{caption}\n\n{LEAD}"


@pytest.mark.parametrize(
    "caption",
    [
        "FILE PHOTO: The two mayors at the town hall in 2019",
        "Image caption, The two mayors at the town hall",
        "The two mayors at the town hall in Portville. AGENCY/Jane Doe",
        "The two mayors at the town hall (Image: Jane Doe)",
    ],
)
def test_marked_or_credited_caption_is_never_the_title(caption):
    article = clean_article(f"{caption}\n\n{HEADLINE}\n\n{LEAD}\n")
    assert article.title == HEADLINE
    assert "Jane Doe" not in article.body
    assert "The two mayors" in article.body


@pytest.mark.parametrize("credit", ["Image: Jane Doe.", "Photo by Jane Doe", "(Photo: Example Agency)"])
def test_credit_lines_alone_are_dropped(credit):
    assert clean_article(page(credit)).body == LEAD


def test_words_like_image_or_a_slash_inside_sentences_stay():
    lines = [
        "The campaign wants to polish the city's image: nothing more, the mayor said.",
        "Funding for research on HIV/AIDS grew, the report found.",
        "A Picture Gallery opened in the old harbour.",
    ]
    assert clean_article(page(*lines)).body.split("\n\n") == [*lines, LEAD]


# --- bad input -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n \t\n",
        "By\n\nPublished:\n\nDate: 99/99/9999\n\n(Reporting by)\n\nImage:\n\n, March 3 -\n",
        "PORTVILLE, February 30 - A day that does not exist.\n",
        "Date: 2021\n\nPORTVILLE, February 29 - Not a leap year.\n",
        "x" * 10_000,
        "|||| • · — (  ) [ ]\n\nBy By By\n",
    ],
)
def test_junk_never_raises(text):
    article = clean_article(text)
    assert article.published_on is None or isinstance(article.published_on, datetime.date)


def test_byline_the_html_reader_writes_for_several_authors_is_read():
    article = clean_article(page("By Jane Doe; John Roe | Example Post"))
    assert (article.author, article.outlet, article.body) == ("Jane Doe, John Roe", "Example Post", LEAD)
