"""Cleaning rules on invented page dumps from other kinds of site: the rules are general, not per file."""

import datetime

import pytest

from articles.cleaning import clean_article, parse_date

BLOG_PAGE = """\
HomePoliticsWorldOpinion

Harbour deal signed after long talks

By Jane Doe | The Example Herald | March 3, 2021

The two ports agreed on Tuesday to share a customs office, ending a dispute that had lasted a decade.
Officials from both sides met in the old town hall and signed the deal in front of reporters.

What comes next

The customs office will open in the spring, the mayor said, and will employ forty people.

Share this:

Facebook Twitter WhatsApp

Related Posts

Mayor opens new bridge

Ferry prices rise again

Leave a Reply Cancel reply

Your email address will not be published. Required fields are marked *

Save my name, email, and website in this browser for the next time I comment.

We use cookies to ensure that we give you the best experience on our website.

Ok
"""

AGENCY_PAGE = """\
12
Tuesday 9 March 2021 - 10:15

Ministers agree on river treaty

News ID: 4521
Ministers agree on river treaty
The water ministers of the three countries agreed on Monday to a new treaty on the river.

The treaty sets yearly quotas and a joint commission that will meet twice a year.
Comments
"""

MAGAZINE_PAGE = """\
CoverStoryAnalysisVolume 7 Issue # 3

The Frontier Weekly

A new road to the north

Published: 12 May 2019

Trade along the northern road has doubled since the tunnel opened, traders in the border town say.

Local officials hope the road will bring a second tunnel within ten years.

Ahmed Khan for The Frontier Weekly

Adblock Detected
"""

WIRE_PAGE = """\
Leaders meet at spring summit
Date: 2020-01-05

The leaders of five countries met in the capital on Sunday for a two-day summit on trade.

The summit ended with a joint statement.
"""


def test_byline_with_pipes_gives_author_outlet_and_day():
    article = clean_article(BLOG_PAGE)
    assert (article.author, article.outlet) == ("Jane Doe", "The Example Herald")
    assert (article.published_on, article.published_precision) == (datetime.date(2021, 3, 3), "day")


def test_blog_chrome_is_removed_and_real_text_kept():
    article = clean_article(BLOG_PAGE)
    assert article.title == "Harbour deal signed after long talks"
    assert article.sections == ["Home", "Politics", "World", "Opinion"]
    assert article.body == (
        "The two ports agreed on Tuesday to share a customs office, ending a dispute that had lasted a decade."
        "\n\nOfficials from both sides met in the old town hall and signed the deal in front of reporters."
        "\n\nWhat comes next"
        "\n\nThe customs office will open in the spring, the mayor said, and will employ forty people."
    )


def test_teaser_headlines_after_related_posts_are_dropped():
    body = clean_article(BLOG_PAGE).body
    assert "Mayor opens new bridge" not in body
    assert "Ferry prices" not in body


def test_dateline_repeated_title_and_story_id_are_removed():
    article = clean_article(AGENCY_PAGE)
    assert article.title == "Ministers agree on river treaty"
    assert article.published_on == datetime.date(2021, 3, 9)
    assert article.body == (
        "The water ministers of the three countries agreed on Monday to a new treaty on the river."
        "\n\nThe treaty sets yearly quotas and a joint commission that will meet twice a year."
    )


def test_masthead_closing_credit_and_published_label():
    article = clean_article(MAGAZINE_PAGE)
    assert article.title == "A new road to the north"
    assert (article.author, article.outlet) == ("Ahmed Khan", "The Frontier Weekly")
    assert article.published_on == datetime.date(2019, 5, 12)
    assert article.sections == ["Cover", "Story", "Analysis"]
    assert article.body.endswith("within ten years.")


def test_title_first_then_date_line_as_in_the_wikinews_corpus():
    article = clean_article(WIRE_PAGE)
    assert article.title == "Leaders meet at spring summit"
    assert (article.published_on, article.published_precision) == (datetime.date(2020, 1, 5), "day")
    assert article.body.startswith("The leaders of five countries")


def test_plain_title_and_paragraphs_as_in_the_bbc_corpus():
    article = clean_article("Port strike ends\n\nDock workers returned on Monday after a week-long strike.\n")
    assert article.title == "Port strike ends"
    assert article.body == "Dock workers returned on Monday after a week-long strike."
    assert (article.outlet, article.author, article.published_on) == ("", "", None)


def test_month_only_date_has_month_precision():
    article = clean_article("Budget plans unveiled\nDate: March 2020\n\nThe finance minister presented the budget.\n")
    assert (article.published_on, article.published_precision) == (datetime.date(2020, 3, 1), "month")


def test_year_only_date_line_has_year_precision():
    article = clean_article("Census results\nDate: 2019\n\nThe census counted more people than expected.\n")
    assert (article.published_on, article.published_precision) == (datetime.date(2019, 1, 1), "year")


def test_relative_date_line_is_not_a_publication_date():
    article = clean_article("Census results\nDate: yesterday\n\nThe census counted more people than expected.\n")
    assert article.published_on is None


def test_dates_inside_paragraphs_do_not_date_the_article():
    text = "Summit recalled\n\nThe leaders first met on 4 June 2001 in the capital, and again in May 2003.\n"
    assert clean_article(text).published_on is None


def test_sentences_that_look_like_metadata_stay_in_the_body():
    lines = [
        "Posted by the ministry on its website, the statement said the talks would go on.",
        "By the end of the week, the two ministers had met three times.",
        "The cookie maker said exports to the region continued to grow despite the new tariffs.",
        "In March 2020",
        "Recommended by the committee, the bill passed its second reading on Thursday.",
        "Copyright law was not on the agenda, the spokesman said.",
        "Related talks in the capital ended early.",
    ]
    text = "Trade talks go on\n\n" + "\n\n".join(lines) + "\n"
    assert clean_article(text).body.split("\n\n") == lines


def test_large_figures_without_letters_are_kept_but_lone_digits_go():
    article = clean_article("Match report\n\nThe home side won easily.\n\n9,796\n\n3\n")
    assert article.body == "The home side won easily.\n\n9,796"


def test_whitespace_and_line_endings_do_not_change_the_body():
    unix = "Talks end\n\nThe talks ended  on Friday.\n\nBoth sides left.\n"
    windows = "Talks end\r\n\r\n\r\nThe talks ended on\u00a0Friday.  \r\nBoth sides left.\r\n"
    assert clean_article(unix) == clean_article(windows)


def test_text_with_no_headline_gives_an_empty_title():
    text = "The minister met the ambassador on Monday and discussed the new trade agreement at length.\n"
    article = clean_article(text)
    assert article.title == ""
    assert article.body == text.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 8, 2017", (datetime.date(2017, 11, 8), "day")),
        ("22 January 2024", (datetime.date(2024, 1, 22), "day")),
        ("2020-01-05", (datetime.date(2020, 1, 5), "day")),
        ("May 2019", (datetime.date(2019, 5, 1), "month")),
        ("nonsense words", None),
        ("yesterday", None),
        ("1609459200", None),
    ],
)
def test_parse_date_gives_day_and_precision(text, expected):
    assert parse_date(text) == expected
