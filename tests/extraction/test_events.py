"""Events in an article: kinds, sides, dates, places, plans and negations, trips, splitting and merging.

Every article here is invented; each test parses one short text with the trained model. Articles are
published on Wednesday 17 March 2021, which anchors every relative date. These are specifications of the whole
pipeline, kept few; each rule's own tests read hand-built Docs, without the model, in tests/extraction/rules.
"""

from datetime import date

import pytest

from extraction.records import DateSpan

pytestmark = pytest.mark.model

PUBLISHED = date(2021, 3, 17)  # a Wednesday


def day(iso: str) -> DateSpan:
    return DateSpan(date.fromisoformat(iso), date.fromisoformat(iso), "day")


# --- kinds ----------------------------------------------------------------------------------------------------------
def test_arrival_in_a_capital_is_a_visit_to_its_country(article):
    a = article("Ethiopian Foreign Minister Dawit Tesfaye arrived in Nairobi on Sunday.")
    visit = a.one("visit")
    assert a.sides(visit) == {"Dawit Tesfaye": "guest"}
    assert (visit.place, visit.host_country) == ("Nairobi", "Kenya")
    assert len(a.events) == 1


def test_hosting_is_a_meeting_with_host_and_guest(article):
    a = article("Ghanaian President Kwame Asante hosted Nigerian Vice President Chinedu Okeke in Accra on March 2.")
    meeting = a.one("meeting")
    assert a.sides(meeting) == {"Kwame Asante": "host", "Chinedu Okeke": "guest"}
    assert meeting.host_country == "Ghana"


def test_summit_attended_by_three_presidents_is_multilateral(article):
    a = article(
        "Kenyan President William Otieno, Ugandan President Moses Okello and Tanzanian President Juma Mwinyi "
        "attended a regional summit in Nairobi on November 6-7."
    )
    summit = a.one("multilateral")
    assert set(a.sides(summit)) == {"William Otieno", "Moses Okello", "Juma Mwinyi"}
    assert summit.host_country == "Kenya"
    assert a.of_kind("meeting") == []


# --- planned and negated ----------------------------------------------------------------------------------------------
def test_meeting_planned_during_a_planned_visit_is_planned_and_linked(article):
    a = article(
        "Indian External Affairs Minister Arjun Rao will visit Tokyo next month. "
        "Japanese Foreign Minister Yoko Mori will host him."
    )
    visit, meeting = a.one("visit"), a.one("meeting")
    assert visit.planned and meeting.planned
    assert a.events[meeting.parent] is visit
    assert a.sides(meeting) == {"Arjun Rao": "guest", "Yoko Mori": "host"}


def test_visit_cancelled_in_the_next_sentence_is_no_event(article):
    a = article("Argentine President Julio Pereyra planned to visit Brasilia in April. The visit was later cancelled.")
    assert a.events == []


# --- who took part --------------------------------------------------------------------------------------------------
def test_received_by_three_officials_is_three_meetings_with_the_guest(article):
    a = article(
        "Mexican Foreign Minister Elena Ruiz arrived in Ottawa a week ago. She was received by Canadian Prime "
        "Minister Claire Dubois, Foreign Minister Marc Tremblay and Defence Minister Jean Gagnon."
    )
    meetings = a.of_kind("meeting")
    hosts = [name for m in meetings for name, role in a.sides(m).items() if role == "host"]
    assert sorted(hosts) == ["Claire Dubois", "Jean Gagnon", "Marc Tremblay"]
    assert all(a.sides(m)["Elena Ruiz"] == "guest" and len(m.participants) == 2 for m in meetings)


# --- trips: meetings during a visit, implied visits ---------------------------------------------------------------
def test_meeting_by_pronoun_during_a_visit_is_the_visitors(article):
    a = article(
        "Colombian President Gustavo Reyes travelled to Caracas last year. He met Venezuelan President Nicolas Ortega."
    )
    visit, meeting = a.one("visit"), a.one("meeting")
    assert a.events[meeting.parent] is visit
    assert a.sides(meeting) == {"Gustavo Reyes": "guest", "Nicolas Ortega": "host"}
    assert meeting.date == DateSpan(date(2020, 1, 1), date(2020, 12, 31), "year")


# --- one event reported twice -------------------------------------------------------------------------------------
def test_meeting_mentioned_twice_is_one_event_with_two_evidence_sentences(article):
    a = article(
        "Egyptian President Hany Saleh met Sudanese leader Omar Bashir in Cairo on March 4. "
        "The meeting between Saleh and Bashir in Cairo focused on the Nile."
    )
    meeting = a.one("meeting")
    assert len(meeting.evidence) == 2
    assert [e.sentence for e in meeting.evidence][1].startswith("The meeting between Saleh and Bashir")
    assert meeting.date == day("2021-03-04")


# --- offices named instead of people ----------------------------------------------------------------------------------
def test_call_between_foreign_ministers_resolves_the_one_the_article_names(article):
    a = article(
        "The foreign ministers of Kenya and Somalia held a telephone conversation on Thursday. "
        "Kenyan Foreign Minister Wanjiru Kamau later briefed parliament."
    )
    call = a.one("phone_call")
    kenya = [p for p in call.participants if p.person is not None]
    somalia = [p for p in call.participants if p.person is None]
    assert [p.person for p in kenya] == [a.key("Wanjiru Kamau")]
    assert [(p.office.lower(), p.country) for p in somalia] == [("foreign minister", "Somalia")]
    assert call.date == day("2021-03-11")
