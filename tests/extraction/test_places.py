"""Places, destinations and travellers: rules read from hand-built parses, no trained model.

Every sentence is invented; the tables give the tags and trees the small model would leave.
"""

from datetime import date

from extraction.events import find_events
from extraction.people import find_people
from extraction.records import EventRecord
from tests.extraction.docs import parsed

PUBLISHED = date(2021, 3, 17)


def events_of(table: str, published: date | None = PUBLISHED) -> tuple[dict[int, str], list[EventRecord]]:
    """The people (key -> name) and events of a hand-built Doc."""
    doc = parsed(table)
    people = find_people(doc, published=published)
    return {p.key: p.name for p in people}, find_events(doc, people, published=published)


def visits(table: str, published: date | None = PUBLISHED) -> list[tuple[list[str], str, str]]:
    """(visitors, host country, place) of every visit found."""
    names, events = events_of(table, published)
    return [
        ([names[p.person] for p in e.participants if p.person is not None], e.host_country, e.place)
        for e in events
        if e.kind == "visit"
    ]


def test_a_dateline_taken_for_a_second_subject_does_not_hide_the_traveller():
    found = visits("""
        ACCRA    NNP  nsubj    10 B-GPE
        ,        ,    punct    0
        May      NNP  npadvmod 0  B-DATE
        2        CD   nummod   2  I-DATE
        -        HYPH punct    10
        Kenyan   JJ   amod     7  B-NORP
        Foreign  NNP  compound 7
        Minister NNP  compound 9
        Amina    NNP  compound 9  B-PERSON
        Otieno   NNP  nsubj    10 I-PERSON
        arrived  VBD  ROOT     10
        in       IN   prep     10
        Lagos    NNP  pobj     11 B-GPE
        .        .    punct    10
    """)
    assert found == [(["Amina Otieno"], "Nigeria", "Lagos")]
