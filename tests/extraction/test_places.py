"""Places, destinations and travellers: rules read from hand-built parses, no trained model.

Every sentence is invented; the tables give the tags and trees the small model would leave.
"""

from datetime import date

from extraction import geo
from extraction.events import find_events
from extraction.people import find_people
from extraction.records import EventRecord
from tests.extraction.docs import parsed

PUBLISHED = date(2021, 3, 17)


def events_of(table: str, published: date | None = PUBLISHED) -> tuple[dict[int, str], list[EventRecord]]:
    """The people (key -> name) and events of a hand-built Doc."""
    doc = parsed(table)
    people = find_people(doc)
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


ARRIVAL_IN_MOSCOW = """
    Kenyan   JJ   amod     1 B-NORP
    Minister NNP  compound 3
    Amina    NNP  compound 3 B-PERSON
    Otieno   NNP  nsubj    4 I-PERSON
    arrived  VBD  ROOT     4
    in       IN   prep     4
    Moscow   NNP  pobj     5 B-GPE
    .        .    punct    4
"""


def test_a_city_lies_in_the_country_of_the_articles_time():
    assert visits(ARRIVAL_IN_MOSCOW, published=date(1987, 4, 13)) == [(["Amina Otieno"], "Soviet Union", "Moscow")]
    assert visits(ARRIVAL_IN_MOSCOW, published=date(2019, 4, 13)) == [(["Amina Otieno"], "Russia", "Moscow")]


def test_countries_are_named_as_the_text_names_them():
    assert geo.country_of("the Soviet Union") == "Soviet Union"
    assert geo.country_of("West German") == "West Germany"
    assert geo.country_of("Soviet") == "Soviet Union"
    assert geo.country_of("Hong Kong") == "Hong Kong"  # a place of its own, not China
    assert geo.country_of("Peking") == "China"
    assert geo.country_then("Germany", date(1987, 3, 3)) == "West Germany"
    assert geo.country_then("Germany", date(1991, 3, 3)) == "Germany"
    assert geo.country_then("Slovakia", date(1990, 1, 1)) == "Czechoslovakia"
    assert geo.country_then("Soviet Union", date(2020, 1, 1)) == "Soviet Union"


def test_a_soviet_official_in_moscow_is_at_home():
    kenyan = visits(ARRIVAL_IN_MOSCOW.replace("Kenyan", "Soviet"), published=date(1987, 4, 13))
    assert kenyan == [], "a Soviet minister arriving in Moscow in 1987 is not abroad"
    found = visits(
        """
        Soviet   JJ   amod     1 B-NORP
        Minister NNP  compound 2
        Petrov   NNP  nsubj    3 B-PERSON
        arrived  VBD  ROOT     3
        in       IN   prep     3
        Moscow   NNP  pobj     4 B-GPE
        .        .    punct    3
        """,
        published=date(1987, 4, 13),
    )
    assert found == []


def test_a_tour_of_three_countries_is_three_visits():
    found = visits("""
        Amina    NNP  compound 1 B-PERSON
        Otieno   NNP  nsubj    2 I-PERSON
        visited  VBD  ROOT     2
        Chad     NNP  dobj     2 B-GPE
        ,        ,    punct    3
        Niger    NNP  conj     3 B-GPE
        and      CC   cc       5
        Mali     NNP  conj     5 B-GPE
        .        .    punct    2
    """)
    assert [(v[0], v[1]) for v in found] == [
        (["Amina Otieno"], "Chad"),
        (["Amina Otieno"], "Niger"),
        (["Amina Otieno"], "Mali"),
    ]


def test_a_trip_that_took_him_somewhere_is_his_visit_there():
    found = visits("""
        Tanaka   NNP     nsubj    1 B-PERSON
        said     VBD     ROOT     1
        his      PRP$    poss     3
        trip     NN      nsubj    14
        ,        ,       punct    3
        which    WDT     nsubj    7
        has      VBZ/AUX aux      7
        taken    VBN     relcl    3
        him      PRP     dobj     7
        to       IN      prep     7
        Lima     NNP     pobj     9 B-GPE
        and      CC      cc       10
        Santiago NNP     conj     10 B-GPE
        ,        ,       punct    3
        was      VBD/AUX ccomp    1
        useful   JJ      acomp    14
        .        .       punct    1
    """)
    assert sorted(found) == [(["Tanaka"], "Chile", "Santiago"), (["Tanaka"], "Peru", "Lima")]


def test_a_tour_of_a_country_is_a_visit_to_it():
    found = visits("""
        Moreau   NNP  nsubj    1 B-PERSON
        began    VBD  ROOT     1
        a        DT   det      3
        tour     NN   dobj     1
        of       IN   prep     3
        Chile    NNP  pobj     4 B-GPE
        .        .    punct    1
    """)
    assert found == [(["Moreau"], "Chile", "")]


def test_arriving_in_a_countrys_capital_is_a_visit_to_that_capital():
    found = visits("""
        Moreau   NNP  nsubj    1 B-PERSON
        arrived  VBD  ROOT     1
        in       IN   prep     1
        the      DT   det      5
        Kenyan   JJ   amod     5 B-NORP
        capital  NN   pobj     2
        .        .    punct    1
    """)
    assert found == [(["Moreau"], "Kenya", "Nairobi")]


STATEMENT_ON_A_VISIT = """
    Kenyan    JJ   amod     2 B-NORP
    President NNP  compound 2
    Otieno    NNP  nsubj    3 B-PERSON
    said      VBD  ROOT     3
    in        IN   prep     3
    a         DT   det      6
    statement NN   pobj     4
    released  VBN  acl      6
    during    IN   prep     7
    a         DT   det      10
    visit     NN   pobj     8
    to        IN   prep     10
    Ghana     NNP  pobj     11 B-GPE
    with      IN   prep     10
    Taoiseach NNP  compound 15 B-PERSON
    Mensah    NNP  pobj     13 I-PERSON
    .         .    punct    3
"""


def test_a_visit_in_a_phrase_of_the_speakers_statement_is_the_speakers():
    names, events = events_of(STATEMENT_ON_A_VISIT)
    found = sorted((e.kind, sorted(names[p.person] for p in e.participants), e.host_country) for e in events)
    assert found == [("meeting", ["Mensah", "Otieno"], "Ghana"), ("visit", ["Otieno"], "Ghana")]


def test_a_deadline_does_not_date_an_event():
    table = STATEMENT_ON_A_VISIT.replace(
        "    .         .    punct    3\n",
        "    by        IN   prep     3\n    May       NNP  pobj     16 B-DATE\n    .         .    punct    3\n",
    )
    _, events = events_of(table)
    assert events and all(e.date is None or e.date.start.month != 5 for e in events)  # never May


def test_a_country_which_he_visited_is_his_destination():
    found = visits("""
        Moreau   NNP  nsubj    1 B-PERSON
        praised  VBD  ROOT     1
        Chile    NNP  dobj     1 B-GPE
        ,        ,    punct    2
        which    WDT  dobj     6
        he       PRP  nsubj    6
        visited  VBD  relcl    2
        .        .    punct    1
    """)
    assert found == [(["Moreau"], "Chile", "")]


def test_the_airport_where_he_was_arriving_is_in_its_city():
    found = visits("""
        Moreau   NNP  nsubj    1 B-PERSON
        died     VBD  ROOT     1
        at       IN   prep     1
        Nairobi  NNP  compound 5 B-FAC
        Central  NNP  compound 5 I-FAC
        Airport  NNP  pobj     2 I-FAC
        ,        ,    punct    5
        where    WRB  advmod   10
        he       PRP  nsubj    10
        was      VBD/AUX aux   10
        arriving VBG  relcl    5
        .        .    punct    1
    """)
    assert found == [(["Moreau"], "Kenya", "Nairobi")]


def test_the_country_after_a_name_is_the_persons():
    doc = parsed("""
        King     NNP  compound 1
        Otieno   NNP  nsubj    5 B-PERSON
        of       IN   prep     1
        the      DT   det      4
        Gambia   NNP  pobj     2 B-GPE
        arrived  VBD  ROOT     5
        .        .    punct    5
    """)
    [person] = find_people(doc)
    assert (person.name, person.country) == ("Otieno", "Gambia")


THE_VISITING_LEADER = """
    LIMA     NNP  ROOT     0 B-GPE
    ,        ,    punct    0
    May      NNP  npadvmod 0 B-DATE
    2        CD   nummod   2 I-DATE
    -        HYPH punct    0
    Tanaka   NNP  nsubj    6 B-PERSON
    met      VBD  ROOT     6
    the      DT   det      10
    visiting VBG  amod     10
    Chilean  JJ   amod     10 B-NORP
    leader   NN   compound 11
    Moreau   NNP  dobj     6 B-PERSON
    .        .    punct    6
"""


def test_the_visiting_leader_is_visiting_where_the_story_was_filed():
    assert visits(THE_VISITING_LEADER) == [(["Moreau"], "Peru", "Lima")]
    assert visits(THE_VISITING_LEADER.replace("LIMA", "Story")) == []  # no dateline, no destination


def test_an_ambassador_is_of_the_country_that_sends_him_not_where_he_is_posted():
    doc = parsed("""
        Turkish    JJ   amod     1 B-NORP
        Ambassador NNP  compound 4
        to         IN   prep     1
        Kenya      NNP  pobj     2 B-GPE
        Otieno     NNP  nsubj    5 B-PERSON
        spoke      VBD  ROOT     5
        .          .    punct    5
    """)
    [person] = find_people(doc)
    assert (person.name, person.country) == ("Otieno", "Turkey")
    assert person.roles[0].country == "Turkey"


def test_the_traveller_of_a_relative_clause_is_its_antecedent_alone():
    found = visits("""
        Japanese JJ   amod     1 B-NORP
        Minister NNP  compound 2
        Tanaka   NNP  nsubj    15 B-PERSON
        ,        ,    punct    2
        who      WP   nsubj    5
        arrived  VBD  relcl    2
        in       IN   prep     5
        Lima     NNP  pobj     6 B-GPE
        after    IN   prep     5
        talks    NNS  pobj     8
        with     IN   prep     9
        French   JJ   amod     12 B-NORP
        Minister NNP  compound 13
        Moreau   NNP  pobj     10 B-PERSON
        ,        ,    punct    2
        spoke    VBD  ROOT     15
        .        .    punct    15
    """)
    assert found == [(["Tanaka"], "Peru", "Lima")]


def test_the_two_leaders_are_the_two_people_of_the_event_just_told():
    names, events = events_of("""
        Otieno   NNP  nsubj    1 B-PERSON
        met      VBD  ROOT     1
        Tanaka   NNP  dobj     1 B-PERSON
        on       IN   prep     1
        Monday   NNP  pobj     3 B-DATE
        .        .    punct    1
        The      DT   det      8
        two      CD   nummod   8
        leaders  NNS  nsubj    9
        spoke    VBD  ROOT     9
        by       IN   prep     9
        phone    NN   pobj     10
        on       IN   prep     9
        Friday   NNP  pobj     12 B-DATE
        .        .    punct    9
    """)
    calls = [e for e in events if e.kind == "phone_call"]
    assert [sorted(names[p.person] for p in e.participants) for e in calls] == [["Otieno", "Tanaka"]]
    assert calls[0].date.start == date(2021, 3, 12)


def test_a_motion_verb_with_a_place_for_object_is_a_visit_there():
    went = """
        Moreau   NNP  nsubj    1 B-PERSON
        went     VBD  ROOT     1
        Chile    NNP  dobj     1 B-GPE
        .        .    punct    1
    """
    assert visits(went) == [(["Moreau"], "Chile", "")]
    assert visits(went.replace("Chile    NNP  dobj     1 B-GPE", "cargo    NN   dobj     1")) == []
