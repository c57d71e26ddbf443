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
    people = find_people(doc)
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


# --- gatherings -------------------------------------------------------------------------------------------------------
def test_a_summit_attended_by_three_leaders_is_theirs():
    assert events("""
        The         DT        det       1
        summit      NN        nsubjpass 3
        was         VBD/AUX   auxpass   3
        attended    VBN       ROOT      3
        by          IN        agent     3
        President   NNP       compound  6
        Otieno      NNP       pobj      4   B-PERSON
        ,           ,         punct     3
        Prime       NNP       compound  9
        Minister    NNP       compound  10
        Tanaka      NNP       npadvmod  3   B-PERSON
        and         CC        cc        10
        Chancellor  NNP       compound  13
        Moreau      NNP       conj      10  B-PERSON
        .           .         punct     3
    """) == [("multilateral", ["Moreau", "Otieno", "Tanaka"], False)]


def test_a_summit_with_one_named_chair_is_still_a_gathering():
    assert events("""
        The        DT        det       1
        summit     NN        nsubjpass 5
        in         IN        prep      1
        Nairobi    NNP       pobj      2   B-GPE
        was        VBD/AUX   auxpass   5
        chaired    VBN       ROOT      5
        by         IN        agent     5
        President  NNP       compound  8
        Otieno     NNP       pobj      6   B-PERSON
        .          .         punct     5
    """) == [("multilateral", ["Otieno"], False)]


def test_attending_a_ministerial_meeting_of_an_organisation_is_no_visit():
    assert events("""
        Minister     NNP       compound  1
        Otieno       NNP       nsubj     13  B-PERSON
        ,            ,         punct     1
        who          WP        nsubj     5
        had          VBD/AUX   aux       5
        attended     VBN       relcl     1
        the          DT        det       9
        OPEC         NNP       nmod      9   B-ORG
        ministerial  JJ        amod      9
        meeting      NN        dobj      5
        in           IN        prep      9
        Vienna       NNP       pobj      10  B-GPE
        ,            ,         punct     1
        arrived      VBD       ROOT      13
        in           IN        prep      13
        Cairo        NNP       pobj      14  B-GPE
        .            .         punct     13
    """) == [("multilateral", ["Otieno"], False), ("visit", ["Otieno"], False)]


def test_attending_the_general_assembly_while_in_a_city_is_a_gathering():
    assert events("""
        While      IN/SCONJ  mark      1
        in         IN        prep      14
        New        NNP       compound  3   B-GPE
        York       NNP       pobj      1   I-GPE
        to         TO        aux       5
        attend     VB        advcl     1
        the        DT        det       10  B-ORG
        United     NNP       compound  8   I-ORG
        Nations    NNP       compound  10  I-ORG
        General    NNP       compound  10  I-ORG
        Assembly   NNP       dobj      5   I-ORG
        ,          ,         punct     14
        President  NNP       compound  13
        Otieno     NNP       nsubj     14  B-PERSON
        told       VBD       ROOT      14
        reporters  NNS       dobj      14
        he         PRP       nsubj     17
        was        VBD/AUX   ccomp     14
        hopeful    JJ        acomp     17
        .          .         punct     14
    """) == [("multilateral", ["Otieno"], False)]


def test_telling_ministers_meeting_somewhere_puts_the_speaker_at_their_gathering():
    assert events("""
        Commissioner  NNP       compound  1
        Otieno        NNP       nsubj     2   B-PERSON
        told          VBD       ROOT      2
        agriculture   NN        compound  4
        ministers     NNS       compound  5
        meeting       NN        dobj      2
        in            IN        prep      5
        Luxembourg    NNP       pobj      6   B-GPE
        that          IN/SCONJ  mark      11
        prices        NNS       nsubj     11
        would         MD        aux       11
        fall          VB        ccomp     2
        .             .         punct     2
    """) == [("multilateral", ["Otieno"], False)]


def test_bilateral_talks_on_regional_security_are_a_meeting():
    assert events("""
        President  NNP       compound  1
        Otieno     NNP       nsubj     6   B-PERSON
        and        CC        cc        1
        Prime      NNP       compound  4
        Minister   NNP       compound  5
        Tanaka     NNP       conj      1   B-PERSON
        held       VBD       ROOT      6
        bilateral  JJ        amod      8
        talks      NNS       dobj      6
        on         IN        prep      8
        regional   JJ        amod      11
        security   NN        pobj      9
        in         IN        prep      11
        Nairobi    NNP       pobj      12  B-GPE
        .          .         punct     6
    """) == [("meeting", ["Otieno", "Tanaka"], False)]


# --- plans -----------------------------------------------------------------------------------------------------------
def test_a_meeting_a_possessive_puts_next_week_is_a_plan():
    assert events("""
        Minister   NNP       compound  1
        Otieno     NNP       nsubj     5   B-PERSON
        and        CC        cc        1
        Minister   NNP       compound  4
        Tanaka     NNP       conj      1   B-PERSON
        discussed  VBD       ROOT      5
        next       JJ        amod      7   B-DATE
        week       NN        poss      9   I-DATE
        's         POS       case      7   I-DATE
        meeting    NN        dobj      5
        with       IN        prep      9
        Minister   NNP       compound  12
        Moreau     NNP       pobj      10  B-PERSON
        .          .         punct     5
    """) == [("meeting", ["Moreau", "Otieno", "Tanaka"], True)]


def test_an_invitation_for_talks_is_a_plan():
    assert events("""
        Minister  NNP       compound  1
        Otieno    NNP       nsubjpass 3   B-PERSON
        was       VBD/AUX   auxpass   3
        invited   VBN       ROOT      3
        to        IN        prep      3
        Nairobi   NNP       pobj      4   B-GPE
        for       IN        prep      3
        talks     NNS       pobj      6
        with      IN        prep      7
        Minister  NNP       compound  10
        Tanaka    NNP       pobj      8   B-PERSON
        .         .         punct     3
    """) == [("meeting", ["Otieno", "Tanaka"], True)]


def test_targets_set_during_talks_are_no_plan():
    assert events("""
        Minister  NNP       compound  1
        Otieno    NNP       nsubj     5   B-PERSON
        and       CC        cc        1
        Minister  NNP       compound  4
        Tanaka    NNP       conj      1   B-PERSON
        set       VBD       ROOT      5
        targets   NNS       dobj      5
        during    IN        prep      5
        talks     NNS       pobj      7
        in        IN        prep      8
        Nairobi   NNP       pobj      9   B-GPE
        .         .         punct     5
    """) == [("meeting", ["Otieno", "Tanaka"], False)]


def test_a_meeting_scheduled_for_a_day_is_a_plan():
    assert events("""
        The        DT        det       1
        meeting    NN        nsubjpass 15
        of         IN        prep      1
        President  NNP       compound  4
        Otieno     NNP       pobj      2   B-PERSON
        and        CC        cc        4
        Premier    NNP       compound  7
        Tanaka     NNP       conj      4   B-PERSON
        ,          ,         punct     7
        scheduled  VBN       acl       1
        for        IN        prep      9
        April      NNP       pobj      10  B-DATE
        9          CD        nummod    11  I-DATE
        ,          ,         punct     1
        is         VBZ/AUX   auxpass   15
        expected   VBN       ROOT      15
        to         TO        aux       17
        review     VB        xcomp     15
        trade      NN        dobj      17
        .          .         punct     15
    """) == [("meeting", ["Otieno", "Tanaka"], True)]


def test_a_later_mention_of_a_planned_gathering_keeps_it_a_plan():
    assert events("""
        Minister  NNP       compound  1
        Otieno    NNP       nsubj     3   B-PERSON
        will      MD        aux       3
        attend    VB        ROOT      3
        the       DT        det       6
        OPEC      NNP       compound  6   B-ORG
        meeting   NN        dobj      3
        in        IN        prep      6
        Vienna    NNP       pobj      7   B-GPE
        .         .         punct     3
        Minister  NNP       compound  11
        Tanaka    NNP       nsubj     12  B-PERSON
        spoke     VBD       ROOT      12
        at        IN        prep      12
        the       DT        det       15
        meeting   NN        pobj      13
        .         .         punct     12
    """) == [("multilateral", ["Otieno", "Tanaka"], True)]


def test_a_meeting_of_businessmen_is_no_gathering_of_officials():
    assert not events("""
        Earlier      RBR       advmod    4
        ,            ,         punct     4
        Premier      NNP       compound  3
        Otieno       NNP       nsubj     4   B-PERSON
        told         VBD       ROOT      4
        a            DT        det       6
        meeting      NN        dobj      4
        of           IN        prep      6
        Kenyan       NNP       amod      11  B-NORP
        and          CC        cc        8
        Japanese     JJ        conj      8   B-NORP
        businessmen  NNS       pobj      7
        that         WDT/PRON  dobj      15
        she          PRP       nsubj     15
        had          VBD/AUX   aux       15
        agreed       VBN       relcl     11
        with         IN        prep      15
        Premier      NNP       compound  18
        Tanaka       NNP       pobj      16  B-PERSON
        on           IN        prep      15
        trade        NN        pobj      19
        .            .         punct     4
    """)
