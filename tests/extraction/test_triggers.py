"""Trigger words, non-events and gatherings, read from hand-built parses (no trained model).

Every sentence is invented. Each test states the rule, gives the parse the rule reads, and checks the events.
"""

from datetime import date

from extraction.events import find_events
from extraction.people import find_people
from tests.extraction.docs import parsed

PUBLISHED = date(2021, 3, 17)  # a Wednesday


def events(table: str, published: date | None = PUBLISHED) -> list[tuple[str, list[str], bool]]:
    """(kind, participant names sorted, planned) for each event of the parsed text."""
    doc = parsed(table)
    people = find_people(doc, published=published)
    names = {p.key: p.name for p in people}
    found = find_events(doc, people, published=published)
    return [(e.kind, sorted(names[p.person] for p in e.participants if p.person is not None), e.planned) for e in found]


# --- trigger words -------------------------------------------------------------------------------------------------
def test_a_courtesy_call_on_someone_is_a_meeting():
    assert events("""
        President  NNP compound 1
        Otieno     NNP nsubj    2 B-PERSON
        paid       VBD ROOT     2
        a          DT  det      5
        courtesy   JJ  amod     5
        call       NN  dobj     2
        on         IN  prep     5
        Prime      NNP compound 8
        Minister   NNP compound 9
        Tanaka     NNP pobj     6 B-PERSON
        .          .   punct    2
    """) == [("meeting", ["Otieno", "Tanaka"], False)]


def test_a_call_received_from_someone_is_a_phone_call():
    assert events("""
        Prime      NNP compound 1
        Minister   NNP compound 2
        Tanaka     NNP nsubj    3 B-PERSON
        received   VBD ROOT     3
        a          DT  det      5
        call       NN  dobj     3
        from       IN  prep     5
        President  NNP compound 8
        Otieno     NNP pobj     6 B-PERSON
        .          .   punct    3
    """) == [("phone_call", ["Otieno", "Tanaka"], False)]


def test_shaking_hands_with_someone_is_a_meeting():
    assert events("""
        President  NNP compound 1
        Otieno     NNP nsubj    2 B-PERSON
        shook      VBD ROOT     2
        hands      NNS dobj     2
        with       IN  prep     2
        Prime      NNP compound 6
        Minister   NNP compound 7
        Tanaka     NNP pobj     4 B-PERSON
        .          .   punct    2
    """) == [("meeting", ["Otieno", "Tanaka"], False)]


def test_greeting_someone_is_a_meeting():
    assert events("""
        President  NNP compound 1
        Otieno     NNP nsubj    2 B-PERSON
        greeted    VBD ROOT     2
        Prime      NNP compound 4
        Minister   NNP compound 5
        Tanaka     NNP dobj     2 B-PERSON
        .          .   punct    2
    """) == [("meeting", ["Otieno", "Tanaka"], False)]


def test_a_round_of_talks_belongs_to_the_clause_around_it():
    assert events("""
        Tanaka     NNP nsubj    1 B-PERSON
        explained  VBD ROOT     1
        the        DT  det      3
        plan       NN  dobj     1
        during     IN  prep     1
        the        DT  det      7
        first      JJ  amod     7
        round      NN  pobj     4
        of         IN  prep     7
        talks      NNS pobj     8
        with       IN  prep     9
        President  NNP compound 12
        Otieno     NNP pobj     10 B-PERSON
        .          .   punct    1
    """) == [("meeting", ["Otieno", "Tanaka"], False)]


def test_talks_tagged_as_a_verb_are_still_talks():
    assert events("""
        President  NNP compound 1
        Otieno     NNP nsubj    2 B-PERSON
        held       VBD ROOT     2
        talks      VBZ dobj     2
        with       IN  prep     3
        Prime      NNP compound 6
        Minister   NNP compound 7
        Tanaka     NNP pobj     4 B-PERSON
        .          .   punct    2
    """) == [("meeting", ["Otieno", "Tanaka"], False)]


SPOKE_WITH = """
    Minister   NNP compound 1
    Moreau     NNP nsubj    2 B-PERSON
    spoke      VBD ROOT     2
    with       IN  prep     2
    Minister   NNP compound 5
    Otieno     NNP pobj     3 B-PERSON
    .          .   punct    2
"""


def test_spoke_with_is_a_call_in_an_article_about_a_phone_call():
    by_phone = """
        They       PRP     nsubj 2
        had        VBD/AUX aux   2
        spoken     VBN     ROOT  2
        by         IN      prep  2
        phone      NN      pobj  3
        .          .       punct 2
    """
    assert events(SPOKE_WITH + by_phone) == [("phone_call", ["Moreau", "Otieno"], False)]


def test_spoke_with_is_no_event_when_nothing_says_how():
    assert not events(SPOKE_WITH)


# --- receptions on arrival -----------------------------------------------------------------------------------------
def test_a_greeting_on_arrival_is_no_meeting():
    assert not events("""
        Minister   NNP     compound  1
        Otieno     NNP     nsubjpass 3 B-PERSON
        was        VBD/AUX auxpass   3
        greeted    VBN     ROOT      3
        on         IN      prep      3
        arrival    NN      pobj      4
        by         IN      agent     3
        Minister   NNP     compound  8
        Tanaka     NNP     pobj      6 B-PERSON
        .          .       punct     3
    """)


def test_being_met_right_after_landing_at_an_airport_is_no_meeting():
    assert not events("""
        Minister   NNP     compound  1
        Otieno     NNP     nsubj     2 B-PERSON
        landed     VBD     ROOT      2
        at         IN      prep      2
        the        DT      det       5
        airport    NN      pobj      3
        .          .       punct     2
        He         PRP     nsubjpass 9
        was        VBD/AUX auxpass   9
        met        VBN     ROOT      9
        by         IN      agent     9
        Minister   NNP     compound  12
        Tanaka     NNP     pobj      10 B-PERSON
        .          .       punct     9
    """)


def test_a_meeting_reached_from_the_airport_is_still_a_meeting():
    assert events("""
        Otieno     NNP nsubj    1 B-PERSON
        drove      VBD ROOT     1
        from       IN  prep     1
        the        DT  det      4
        airport    NN  pobj     2
        to         IN  prep     1
        a          DT  det      7
        meeting    NN  pobj     5
        with       IN  prep     7
        Minister   NNP compound 10
        Tanaka     NNP pobj     8 B-PERSON
        .          .   punct    1
    """) == [("meeting", ["Otieno", "Tanaka"], False)]


# --- speculation, proposals and conditions ---------------------------------------------------------------------------
def test_likely_to_visit_is_speculation_not_an_event():
    assert not events("""
        Minister   NNP     compound 1
        Otieno     NNP     nsubj    2 B-PERSON
        is         VBZ/AUX ROOT     2
        likely     JJ      acomp    2
        to         TO      aux      5
        visit      VB      xcomp    2
        Tokyo      NNP     dobj     5 B-GPE
        .          .       punct    2
    """)


def test_might_meet_is_speculation_not_a_plan():
    assert not events("""
        President  NNP compound 1
        Otieno     NNP nsubj    3 B-PERSON
        might      MD  aux      3
        meet       VB  ROOT     3
        Prime      NNP compound 5
        Minister   NNP compound 6
        Tanaka     NNP dobj     3 B-PERSON
        .          .   punct    3
    """)


def test_considered_visiting_is_no_visit():
    assert not events("""
        President  NNP compound 1
        Otieno     NNP nsubj    2 B-PERSON
        considered VBD ROOT     2
        visiting   VBG xcomp    2
        Japan      NNP dobj     3 B-GPE
        .          .   punct    2
    """)


def test_a_summit_someone_will_propose_is_no_plan():
    assert not events("""
        President  NNP compound 1
        Otieno     NNP nsubj    3 B-PERSON
        will       MD  aux      3
        propose    VB  ROOT     3
        a          DT  det      5
        summit     NN  dobj     3
        with       IN  prep     5
        Prime      NNP compound 8
        Minister   NNP compound 9
        Tanaka     NNP pobj     6 B-PERSON
        .          .   punct    3
    """)


def test_a_meeting_on_a_condition_is_no_plan():
    assert not events("""
        If         IN/SCONJ mark     2
        talks      NNS      nsubj    2
        go         VBP      advcl    8
        well       RB       advmod   2
        ,          ,        punct    8
        President  NNP      compound 6
        Otieno     NNP      nsubj    8 B-PERSON
        will       MD       aux      8
        meet       VB       ROOT     8
        Prime      NNP      compound 10
        Minister   NNP      compound 11
        Tanaka     NNP      dobj     8 B-PERSON
        .          .        punct    8
    """)


def test_talks_likely_to_focus_on_something_do_not_hedge_the_arrival():
    assert events("""
        President  NNP compound 1
        Otieno     NNP nsubj    2 B-PERSON
        arrived    VBD ROOT     2
        in         IN  prep     2
        Tokyo      NNP pobj     3 B-GPE
        for        IN  prep     2
        talks      NNS pobj     5
        likely     JJ  amod     6
        to         TO  aux      9
        focus      VB  xcomp    7
        on         IN  prep     9
        trade      NN  pobj     10
        .          .   punct    2
    """) == [("visit", ["Otieno"], False)]


def test_declining_to_attend_a_meeting_neither_joins_nor_undoes_it():
    assert events("""
        President  NNP compound 1
        Otieno     NNP nsubj    2 B-PERSON
        met        VBD ROOT     2
        Minister   NNP compound 4
        Tanaka     NNP dobj     2 B-PERSON
        .          .   punct    2
        Minister   NNP compound 7
        Moreau     NNP nsubj    8 B-PERSON
        declined   VBD ROOT     8
        to         TO  aux      10
        attend     VB  xcomp    8
        the        DT  det      12
        meeting    NN  dobj     10
        .          .   punct    8
    """) == [("meeting", ["Otieno", "Tanaka"], False)]


def test_someone_met_in_a_relative_clause_took_no_part_in_the_talks():
    assert events("""
        Premier    NNP compound 1
        Otieno     NNP nsubj    2 B-PERSON
        held       VBD ROOT     2
        talks      NNS dobj     2
        with       IN  prep     3
        Ambassador NNP compound 6
        Tanaka     NNP pobj     4 B-PERSON
        ,          ,   punct    6
        who        WP  nsubj    9
        came       VBD relcl    6
        from       IN  prep     9
        a          DT  det      12
        meeting    NN  pobj     10
        with       IN  prep     12
        President  NNP compound 15
        Moreau     NNP pobj     13 B-PERSON
        .          .   punct    2
    """) == [("meeting", ["Otieno", "Tanaka"], False), ("meeting", ["Moreau", "Tanaka"], False)]


# --- who takes part --------------------------------------------------------------------------------------------------
def test_meeting_a_collective_is_no_meeting_whoever_else_the_sentence_names():
    assert not events("""
        At          IN  prep     11
        a           DT  det      2
        farm        NN  pobj     0
        owned       VBN acl      2
        by          IN  agent    3
        banker      NN  compound 7
        Luc         NNP compound 7 B-PERSON
        Moreau      NNP pobj     4 I-PERSON
        ,           ,   punct    11
        President   NNP compound 10
        Otieno      NNP nsubj    11 B-PERSON
        met         VBD ROOT     11
        more        JJR amod     14
        than        IN  quantmod 14
        20          CD  nummod   15
        businessmen NNS dobj     11
        .           .   punct    11
    """)


def test_talks_with_officials_named_in_the_phrase_are_a_meeting_with_them():
    assert events("""
        President  NNP compound 1
        Otieno     NNP nsubj    2 B-PERSON
        held       VBD ROOT     2
        talks      NNS dobj     2
        with       IN  prep     3
        officials  NNS pobj     4
        including  VBG prep     5
        Minister   NNP compound 8
        Tanaka     NNP pobj     6 B-PERSON
        .          .   punct    2
    """) == [("meeting", ["Otieno", "Tanaka"], False)]


def test_who_helped_facilitate_a_meeting_took_no_part_in_it():
    assert events("""
        Envoy      NNP compound 1
        Otieno     NNP nsubj    2 B-PERSON
        helped     VBD ROOT     2
        facilitate VB  xcomp    2
        a          DT  det      5
        meeting    NN  dobj     3
        between    IN  prep     5
        Minister   NNP compound 8
        Tanaka     NNP pobj     6 B-PERSON
        and        CC  cc       8
        Minister   NNP compound 11
        Moreau     NNP conj     8 B-PERSON
        .          .   punct    2
    """) == [("meeting", ["Moreau", "Tanaka"], False)]
