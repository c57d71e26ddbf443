"""Bad input never crashes: random text and bytes through the pure functions, random query strings through the pages."""

import re
from datetime import date
from urllib.parse import quote_from_bytes, urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extraction.names import name_key, name_skeleton
from tests.factories import ArticleFactory, EvidenceFactory, ParticipationFactory

FUZZ = settings(max_examples=150, deadline=None)
# A test-function fixture (the database, the client) is shared by every example; nothing here writes.
PAGE_FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

ENCODINGS = ("utf-8", "latin-1", "cp1252", "utf-16")


@st.composite
def decoded_bytes(draw) -> str:
    """Bytes as a reader would decode them: whatever the encoding guess, with replacement characters."""
    return draw(st.binary(max_size=300)).decode(draw(st.sampled_from(ENCODINGS)), errors="replace")


any_text = st.one_of(st.text(max_size=300), decoded_bytes())

# Words that steer the date resolver and the cleaner into their deeper branches rather than the early exits.
DATE_VOCABULARY = (
    "last next this past coming early mid late end of start beginning first half second quarter q1 q4 h2 "
    "ago in on since a an one two few several couple week weeks month months year years decade decades day days "
    "fortnight monday tuesday sunday january june jun sept december spring fall winter nineties twenties "
    "yesterday today tomorrow later 0 1 12 31 32 99 1999 2024 9999 10000 0000 st nd rd th , . - / 's"
)
DATE_WORDS = DATE_VOCABULARY.split()
date_like_text = st.lists(st.sampled_from(DATE_WORDS) | st.text(max_size=6), max_size=12).map(" ".join)
CLEANER_LINES = (
    "", "By Jane Doe", "Reuters", "Updated 12 March 2024", "Home World Politics", "NewsWorldOpinion", "Share this",
    "Advertisement", "LONDON, March 3 (Reuters) -", "9,796", "•", "Sign up for our newsletter", "© 2024 Example Times",
    "\u062e\u0628\u0631", "Read more", "Foreign Minister Ana Silva met President Kwame Mensah in Accra.",
)  # fmt: skip
page_like_text = st.lists(st.sampled_from(CLEANER_LINES) | st.text(max_size=80), max_size=25).map("\n".join)
publication_dates = st.none() | st.dates() | st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


# --- name normalisation ---


@FUZZ
@given(any_text)
@example("Maj. Gen. Mohammad Bagheri\u2019s")
@example("\u0645\u062d\u0645\u062f \u0628\u0627\u0642\u0631\u06cc")
@example("General")
@example("\x00\ud800 \U0001f600")
def test_name_key_is_lowercase_ascii_words_and_stable(text):
    key = name_key(text)

    assert re.fullmatch(r"([a-z0-9]+( [a-z0-9]+)*)?", key)
    assert name_key(key) == key


@FUZZ
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_name_key_ignores_ascii_case(text):
    assert name_key(text.upper()) == name_key(text.lower())


@FUZZ
@given(any_text)
@example("Seyyed")
@example("\x00\ud800 \U0001f600")
def test_name_skeleton_is_letters_and_spaces_only(text):
    skeleton = name_skeleton(text)

    assert re.fullmatch(r"[a-z ]*", skeleton)
    assert skeleton == name_skeleton(text)


# --- article cleaning (articles.cleaning) ---


@FUZZ
@given(st.one_of(any_text, page_like_text))
@example("")
@example("\n\n\n")
@example("\x00" * 50)
def test_clean_article_accepts_any_text(text):
    from articles.cleaning import clean_article

    cleaned = clean_article(text)

    assert isinstance(cleaned.title, str)
    assert isinstance(cleaned.body, str)
    assert cleaned.published_on is None or isinstance(cleaned.published_on, date)
    assert cleaned.published_precision in {"day", "month", "year", "unknown"}
    assert clean_article(text) == cleaned  # the body is a function of the input: stored offsets depend on it


# --- date resolution (extraction.dates) ---


@FUZZ
@given(st.one_of(any_text, date_like_text), publication_dates)
@example("last Tuesday", date.min)
@example("next week", date.max)
@example("in 10000", date(2020, 1, 1))
@example("the nineties", None)
def test_resolve_date_returns_an_ordered_span_or_none(text, published):
    from extraction.dates import resolve_date

    span = resolve_date(text, published=published)

    if span is not None:
        assert span.precision in {"day", "month", "year", "decade", "unknown"}
        assert span.start is None or isinstance(span.start, date)
        assert span.start is None or span.end is None or span.start <= span.end


# --- public pages ---

PUBLIC_PATHS = ["/", "/events/", "/officials/", "/articles/", "/events/export.csv", "/events/export.json"]
# The parameters the pages read, so random values reach the filters and not only the "unknown key" path.
PARAMETER_NAMES = (
    "q", "page", "kind", "country", "official", "actor", "place", "date_from", "date_to", "start", "end", "year",
    "sort", "order", "status", "outlet", "format", "per_page", "confidence", "precision",
)  # fmt: skip
parameter_values = st.one_of(
    st.text(max_size=60),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(date.isoformat),
    st.sampled_from(["", "0", "-1", "1e9", "NaN", "null", "' OR 1=1 --", "%00", "\x00", "a" * 5000, "2020-02-30"]),
)
query_pairs = st.lists(st.tuples(st.sampled_from(PARAMETER_NAMES) | st.text(max_size=10), parameter_values), max_size=6)


@pytest.fixture
def some_records(db):
    """A little of everything the public pages list, so filters run over rows and not an empty table."""
    participation = ParticipationFactory()
    EvidenceFactory(event=participation.event)
    ArticleFactory()
    return participation


@pytest.mark.parametrize("path", PUBLIC_PATHS)
@PAGE_FUZZ
@given(pairs=query_pairs)
def test_public_pages_never_answer_5xx_to_random_query_parameters(client, some_records, path, pairs):
    response = client.get(f"{path}?{urlencode(pairs)}")

    assert response.status_code < 500


@pytest.mark.parametrize("path", PUBLIC_PATHS)
@PAGE_FUZZ
@given(raw=st.binary(max_size=200))
def test_public_pages_never_answer_5xx_to_undecodable_query_strings(client, some_records, path, raw):
    response = client.get(f"{path}?{quote_from_bytes(raw, safe='=&')}")

    assert response.status_code < 500


@PAGE_FUZZ
@given(pairs=query_pairs)
def test_detail_pages_never_answer_5xx_to_random_query_parameters(client, some_records, pairs):
    paths = [f"/events/{some_records.event.pk}/", f"/officials/{some_records.actor.pk}/"]
    for path in paths:
        assert client.get(f"{path}?{urlencode(pairs)}").status_code < 500
