"""People in an article: names cleaned of titles, non-people rejected, short forms grouped, roles read.

Every article here is invented; each test parses one short text with the trained model. These are
specifications of the whole pipeline, kept few; each rule's own tests read hand-built Docs, without the model,
in tests/extraction/rules.
"""

import pytest

from extraction.people import find_people
from extraction.records import PersonRecord, RoleRecord
from tests.extraction.articles import names, the

pytestmark = pytest.mark.model


@pytest.fixture
def people_in(nlp_model):
    def extract(text: str) -> list[PersonRecord]:
        return find_people(nlp_model(text))

    return extract


# --- titles, ranks and possessives --------------------------------------------------------------------------------
def test_rank_is_stripped_from_the_name_but_kept_in_the_mention(people_in):
    text = "Maj. Gen. Hiroshi Tanaka of Japan held talks in New Delhi with Indian officials."
    tanaka = the(people_in(text), "Hiroshi Tanaka")
    mention = tanaka.mentions[0]
    assert mention.text == "Maj. Gen. Hiroshi Tanaka"
    assert text[mention.start : mention.end] == mention.text
    assert tanaka.roles == []  # a rank says how senior, not what office


def test_office_before_a_name_becomes_its_role_and_country(people_in):
    people = people_in("Kenyan Foreign Minister Wanjiru Kamau arrived in Addis Ababa on Monday.")
    kamau = the(people, "Wanjiru Kamau")
    assert kamau.roles == [RoleRecord(title="Foreign Minister", country="Kenya")]
    assert kamau.country == "Kenya"


# --- grouping mentions within one article ---------------------------------------------------------------------------
def test_surname_alone_later_is_the_full_name_given_earlier(people_in):
    people = people_in(
        "Kenyan Foreign Minister Wanjiru Kamau arrived in Addis Ababa on Monday. "
        "Kamau met Ethiopian Prime Minister Dawit Tesfaye at his office."
    )
    assert names(people) == ["Wanjiru Kamau", "Dawit Tesfaye"]
    assert [m.name for m in the(people, "Wanjiru Kamau").mentions] == ["Wanjiru Kamau", "Kamau"]
