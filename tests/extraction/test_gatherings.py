"""Gatherings, offices and participants told across clauses and sentences, read from hand-built parses (no
trained model). Every sentence is invented; each table is what ingest makes of it (a sentence with no trigger word
is not parsed, so its tree is flat)."""

from datetime import date

from extraction.records import DateSpan
from tests.extraction.articles import day, extract


# --- who was at a gathering ----------------------------------------------------------------------------------------
def test_a_relative_clause_on_a_summit_puts_its_subject_there():
    a = extract("""
        Leaders    NNS      nsubj     1
        met        VBD      ROOT      1
        in         IN       prep      1
        Nairobi    NNP      pobj      2   B-GPE
        for        IN       prep      1
        a          DT       det       7
        regional   JJ       amod      7
        summit     NN       pobj      4
        where      WRB/SCONJ advmod    19
        Presidents NNS      compound  11
        Juma       NNP      compound  11  B-PERSON
        Otieno     NNP      nsubj     19  I-PERSON
        of         IN       prep      11
        Kenya      NNP      pobj      12  B-GPE
        and        CC       cc        13
        Peter      NNP      compound  16  B-PERSON
        Mwangi     NNP      conj      13  I-PERSON
        of         IN       prep      16
        Uganda     NNP      pobj      17  B-GPE
        signed     VBD      relcl     7
        a          DT       det       22
        trade      NN       compound  22
        accord     NN       dobj      19
        .          .        punct     1
    """)
    summit = a.one("multilateral")
    assert set(a.sides(summit)) == {"Juma Otieno", "Peter Mwangi"}
    assert len(a.events) == 1


def test_who_is_sent_to_join_a_meeting_attended_it():
    a = extract("""
        Kenya      NNP      nsubj     1   B-GPE
        sent       VBD      ROOT      1
        Foreign    NNP      compound  3
        Minister   NNP      compound  5
        Juma       NNP      compound  5   B-PERSON
        Otieno     NNP      dobj      1   I-PERSON
        to         TO       aux       7
        join       VB       advcl     1
        the        DT       det       10
        trilateral JJ       amod      10
        meeting    NN       dobj      7
        in         IN       prep      10
        Cairo      NNP      pobj      11  B-GPE
        on         IN       prep      7
        March      NNP      pobj      13  B-DATE
        2          CD       nummod    14  I-DATE
        .          .        punct     1
    """)
    meeting = a.one("multilateral")
    assert set(a.sides(meeting)) == {"Juma Otieno"}
    assert meeting.date == day("2021-03-02")


SENT_TO_A_MEETING_LAST_YEAR = """
    The        DT       det       1
    summit     NN       nsubjpass 5
    in         IN       prep      1
    Nairobi    NNP      pobj      2   B-GPE
    was        VBD/AUX  auxpass   5
    attended   VBN      ROOT      5
    by         IN       agent     5
    Presidents NNS      compound  9
    Juma       NNP      compound  9   B-PERSON
    Otieno     NNP      pobj      6   I-PERSON
    and        CC       cc        9
    Peter      NNP      compound  12  B-PERSON
    Mwangi     NNP      conj      9   I-PERSON
    .          .        punct     5
    Kenya      NNP      nsubj     15  B-GPE
    sent       VBD      ROOT      15
    Minister   NNP      compound  18
    Kenji      NNP      compound  18  B-PERSON
    Tanaka     NNP      dobj      15  I-PERSON
    to         TO       aux       20
    join       VB       advcl     15
    the        DT       det       23
    trilateral JJ       amod      23
    meeting    NN       dobj      20
    on         IN       prep      20
    March      NNP      pobj      24  B-DATE
    20         CD       nummod    25  I-DATE
    last       JJ       amod      28  I-DATE
    year       NN       npadvmod  20  I-DATE
    .          .        punct     15
"""


def test_a_meeting_its_own_words_date_long_before_the_news_is_not_the_undated_summit():
    a = extract(SENT_TO_A_MEETING_LAST_YEAR)
    summit, meeting = a.of_kind("multilateral")
    assert set(a.sides(summit)) == {"Juma Otieno", "Peter Mwangi"}
    assert set(a.sides(meeting)) == {"Kenji Tanaka"} and meeting.date == day("2020-03-20")


def test_a_mention_dated_in_the_days_of_the_news_joins_the_undated_summit():
    table = SENT_TO_A_MEETING_LAST_YEAR.replace("20         CD", "15         CD")  # "on March 15 this year"
    table = table.replace("last       JJ       amod", "this       DT       det ")
    a = extract(table)
    summit = a.one("multilateral")
    assert set(a.sides(summit)) == {"Juma Otieno", "Peter Mwangi", "Kenji Tanaka"}
    assert summit.date == day("2021-03-15")


def test_the_sentence_after_a_gathering_may_list_its_participants():
    a = extract("""
        Finance   NN       compound  1
        ministers NNS      nsubj     7
        of        IN       prep      1
        the       DT       det       4
        Group     NNP      pobj      2   B-ORG
        of        IN       prep      4   I-ORG
        Seven     NNP      pobj      5   I-ORG
        met       VBD      ROOT      7
        in        IN       prep      7
        Paris     NNP      pobj      8   B-GPE
        on        IN       prep      7
        Monday    NNP      pobj      10  B-DATE
        .         .        punct     7
        The       _        ROOT      13
        ministers _        dep       13
        ,         _        dep       13
        Juma      _        dep       13  B-PERSON
        Otieno    _        dep       13  I-PERSON
        of        _        dep       13
        Kenya     _        dep       13  B-GPE
        and       _        dep       13
        Kenji     _        dep       13  B-PERSON
        Tanaka    _        dep       13  I-PERSON
        of        _        dep       13
        Japan     _        dep       13  B-GPE
        ,         _        dep       13
        agreed    _        dep       13
        to        _        dep       13
        cut       _        dep       13
        rates     _        dep       13
        .         _        dep       13
    """)
    gathering = a.one("multilateral")
    assert set(a.sides(gathering)) == {"Juma Otieno", "Kenji Tanaka"}
    assert gathering.date == day("2021-03-15")


def test_also_attending_were_names_one_more_participant():
    a = extract("""
        Leaders   NNS      nsubj     1
        gathered  VBD      ROOT      1
        in        IN       prep      1
        Geneva    NNP      pobj      2   B-GPE
        for       IN       prep      1
        talks     NNS      pobj      4
        on        IN       prep      5
        Monday    NNP      pobj      6   B-DATE
        .         .        punct     1
        Also      RB       ROOT      9
        attending VBG      dep       9
        was       VBD/AUX  dep       9
        Juma      NNP      dep       9   B-PERSON
        Otieno    NNP      dep       9   I-PERSON
        .         .        dep       9
    """)
    assert set(a.sides(a.one("multilateral"))) == {"Juma Otieno"}


def test_a_sentence_about_others_after_a_gathering_adds_no_one():
    a = extract("""
        Leaders   NNS      nsubj     1
        gathered  VBD      ROOT      1
        in        IN       prep      1
        Geneva    NNP      pobj      2   B-GPE
        for       IN       prep      1
        talks     NNS      pobj      4
        .         .        punct     1
        Critics   _        ROOT      7
        ,         _        dep       7
        led       _        dep       7
        by        _        dep       7
        Juma      _        dep       7   B-PERSON
        Otieno    _        dep       7   I-PERSON
        ,         _        dep       7
        protested _        dep       7
        .         _        dep       7
    """)
    assert a.events == []


def test_who_said_something_after_hosting_talks_hosted_them():
    a = extract("""
        Kenyan    NNP      compound  2   B-NORP
        Finance   NNP      compound  2
        Minister  NNP      compound  4
        Juma      NNP      compound  4   B-PERSON
        Otieno    NNP      nsubj     5   I-PERSON
        said      VBD      ROOT      5
        after     IN       prep      5
        meeting   VBG      pcomp     6
        President NNP      compound  10
        Kenji     NNP      compound  10  B-PERSON
        Tanaka    NNP      dobj      7   I-PERSON
        that      IN/SCONJ mark      14
        rates     NNS      nsubj     14
        would     MD       aux       14
        fall      VB       ccomp     7
        .         .        punct     5
    """)
    assert set(a.sides(a.one("meeting"))) == {"Juma Otieno", "Kenji Tanaka"}


# --- sides named by office -----------------------------------------------------------------------------------------
def test_the_leaders_of_two_countries_are_office_participants():
    a = extract("""
        President NNP      compound  2
        Juma      NNP      compound  2   B-PERSON
        Otieno    NNP      nsubj     3   I-PERSON
        shook     VBD      ROOT      3
        hands     NNS      dobj      3
        with      IN       prep      3
        the       DT       det       7
        leaders   NNS      pobj      5
        of        IN       prep      7
        Egypt     NNP      pobj      8   B-GPE
        and       CC       cc        9
        Israel    NNP      conj      9   B-GPE
        .         .        punct     3
    """)
    assert set(a.sides(a.events[0])) == {"Juma Otieno", "leader, Egypt", "leader, Israel"}


def test_business_leaders_are_no_office():
    a = extract("""
        President NNP      compound  2
        Juma      NNP      compound  2   B-PERSON
        Otieno    NNP      nsubj     3   I-PERSON
        met       VBD      ROOT      3
        Brazilian JJ       amod      6   B-NORP
        business  NN       compound  6
        leaders   NNS      dobj      3
        .         .        punct     3
    """)
    assert a.events == []


def test_the_leaders_of_the_two_countries_are_those_of_the_two_named_before():
    a = extract(
        """
        Kenya     NNP      nsubj     3   B-GPE
        and       CC       cc        0
        Uganda    NNP      conj      0   B-GPE
        had       VBD/AUX  ROOT      3
        poor      JJ       amod      5
        relations NNS      dobj      3
        ,         ,        punct     3
        but       CC       cc        3
        the       DT       det       9
        leaders   NNS      nsubj     14
        of        IN       prep      9
        the       DT       det       13
        two       CD       nummod    13  B-CARDINAL
        countries NNS      pobj      10
        spoke     VBD      conj      3
        by        IN       prep      14
        telephone NN       pobj      15
        on        IN       prep      14
        Friday    NNP      pobj      17  B-DATE
        .         .        punct     14
    """,
        published=date(2021, 3, 17),
    )
    call = a.one("phone_call")
    assert a.sides(call) == {"leader, Kenya": "participant", "leader, Uganda": "participant"}
    assert call.date == day("2021-03-12")


# --- what a later sentence says of a meeting ------------------------------------------------------------------------
def test_a_meeting_that_did_not_produce_an_agreement_still_happened():
    a = extract("""
        President NNP      compound  2
        Juma      NNP      compound  2   B-PERSON
        Otieno    NNP      nsubj     3   I-PERSON
        met       VBD      ROOT      3
        Prime     NNP      compound  5
        Minister  NNP      compound  7
        Kenji     NNP      compound  7   B-PERSON
        Tanaka    NNP      dobj      3   I-PERSON
        on        IN       prep      3
        Monday    NNP      pobj      8   B-DATE
        .         .        punct     3
        The       DT       det       12
        meeting   NN       nsubj     15
        did       VBD/AUX  aux       15
        not       RB/PART  neg       15
        produce   VB       ROOT      15
        an        DT       det       17
        agreement NN       dobj      15
        .         .        punct     15
    """)
    assert set(a.sides(a.one("meeting"))) == {"Juma Otieno", "Kenji Tanaka"}


def test_a_conference_one_person_owns_is_a_press_conference():
    a = extract("""
        Senator    NNP      compound  2
        Lena       NNP      compound  2   B-PERSON
        Jones      NNP      nsubj     3   I-PERSON
        spoke      VBD      ROOT      3
        in         IN       prep      3
        Ohio       NNP      pobj      4   B-GPE
        on         IN       prep      3
        Monday     NNP      pobj      6   B-DATE
        .          .        punct     3
        Jones      NNP      nsubj     15  B-PERSON
        ,          ,        punct     15
        during     IN       prep      15
        her        PRP$     poss      13
        conference NN       pobj      11
        ,          ,        punct     15
        rejected   VBD      ROOT      15
        claims     NNS      dobj      15
        about      IN       prep      16
        her        PRP$     poss      19
        health     NN       pobj      17
        .          .        punct     15
    """)
    assert a.events == []


def test_an_office_in_a_business_is_no_participant():
    a = extract("""
        An         DT       det       1
        email      NN       nsubj     2
        referred   VBD      ROOT      2
        to         IN       prep      2
        a          DT       det       6
        2016       CD       nummod    6   B-DATE
        meeting    NN       pobj      3
        between    IN       prep      6
        Senator    NNP      compound  9
        Smith      NNP      pobj      7   B-PERSON
        and        CC       cc        9
        a          DT       det       13
        Polish     JJ       amod      13  B-NORP
        adviser    NN       conj      9
        to         IN       prep      13
        the        DT       det       16
        board      NN       pobj      14
        of         IN       prep      16
        the        DT       det       20
        mining     NN       compound  20
        company    NN       pobj      17
        Kopexa     NNP      appos     20  B-ORG
        .          .        punct     2
    """)
    assert a.events == []


# --- a gathering told again in the next sentence ----------------------------------------------------------------------
SUMMIT_THEN_ATTENDANCE = """
    On          IN       prep      11
    Monday      NNP      pobj      0   B-DATE
    ,           ,        punct     11
    the         DT       det       4
    delegations NNS      nsubj     11
    of          IN       prep      4
    Chile       NNP      pobj      5   B-GPE
    ,           ,        punct     6
    Peru        NNP      conj      6   B-GPE
    and         CC       cc        8
    Bolivia     NNP      conj      8   B-GPE
    met         VBD      ROOT      11
    for         IN       prep      11
    their       PRP$     poss      16
    third       JJ       amod      16  B-ORDINAL
    trilateral  JJ       amod      16
    summit      NN       pobj      12
    in          IN       prep      16
    Lima        NNP      pobj      17  B-GPE
    .           .        punct     11
    {det}       DT       det       21
    meeting     NN       nsubjpass 23
    was         VBD/AUX  auxpass   23
    attended    VBN      ROOT      23
    by          IN       agent     23
    President   NNP      compound  27
    Ana         NNP      compound  27  B-PERSON
    Quispe      NNP      pobj      24  I-PERSON
    and         CC       cc        27
    Foreign     NNP      compound  30
    Minister    NNP      compound  32
    Tomas       NNP      compound  32  B-PERSON
    Rojas       NNP      conj      27  I-PERSON
    .           .        punct     23
"""


def test_the_meeting_of_the_next_sentence_takes_the_date_of_the_gathering_told_before():
    a = extract(SUMMIT_THEN_ATTENDANCE.format(det="The"))
    [summit] = a.events
    assert set(a.sides(summit)) == {"Ana Quispe", "Tomas Rojas"}
    assert summit.date == day("2021-03-15")


def test_a_meeting_not_pointed_back_at_keeps_its_own_date():
    """'A meeting was attended by ...' is not the summit just told: it is dated as the news, not Monday."""
    [summit] = extract(SUMMIT_THEN_ATTENDANCE.format(det="A")).events
    assert summit.date != day("2021-03-15")


def test_the_meeting_told_again_takes_no_date_that_dates_something_else_in_the_sentence_before():
    """'A meeting ... failed to settle the 2019 budget': that year is the budget's, not the meeting's."""
    [meeting] = extract("""
        A           DT       det       1
        meeting     NN       nsubj     6
        of          IN       prep      1
        the         DT       det       5
        two         CD       nummod    5   B-CARDINAL
        delegations NNS      pobj      2
        failed      VBD      ROOT      6
        to          TO       aux       8
        settle      VB       xcomp     6
        the         DT       det       11
        2019        CD       nummod    11  B-DATE
        budget      NN       dobj      8
        .           .        punct     6
        The         DT       det       14
        meeting     NN       nsubjpass 16
        was         VBD/AUX  auxpass   16
        attended    VBN      ROOT      16
        by          IN       agent     16
        President   NNP      compound  20
        Ana         NNP      compound  20  B-PERSON
        Quispe      NNP      pobj      17  I-PERSON
        and         CC       cc        20
        Foreign     NNP      compound  23
        Minister    NNP      compound  25
        Tomas       NNP      compound  25  B-PERSON
        Rojas       NNP      conj      20  I-PERSON
        .           .        punct     16
    """).events
    assert meeting.date == DateSpan(date(2021, 3, 14), date(2021, 3, 17), "day")  # the news peg


# --- summits told by the leaders gathered -------------------------------------------------------------------------
def test_leaders_holding_talks_are_a_summit_of_the_one_named_among_them():
    # EU leaders, including German Chancellor Karl Vogel, are holding talks in Brussels on migration.
    a = extract("""
        EU         NNP      compound  1   B-ORG
        leaders    NNS      nsubj     10
        ,          ,        punct     1
        including  VBG      prep      1
        German     NNP      amod      5   B-NORP
        Chancellor NNP      compound  7
        Karl       NNP      compound  7   B-PERSON
        Vogel      NNP      pobj      3   I-PERSON
        ,          ,        punct     1
        are        VBP/AUX  aux       10
        holding    VBG      ROOT      10
        talks      NNS      dobj      10
        in         IN       prep      11
        Brussels   NNP      pobj      12  B-GPE
        on         IN       prep      11
        migration  NN       pobj      14
        .          .        punct     10
    """)
    summit = a.one("multilateral")
    assert set(a.sides(summit)) == {"Karl Vogel"}
    assert (summit.place, summit.host_country, summit.date) == ("Brussels", "Belgium", day("2021-03-17"))
    assert len(a.events) == 1


def test_a_leader_at_the_summit_of_leaders_holding_talks_attended_it_where_they_met():
    # EU leaders are holding talks in Brussels on migration. At the summit, German Chancellor Karl Vogel called for
    # unity.
    a = extract("""
        EU         NNP      compound  1   B-ORG
        leaders    NNS      nsubj     3
        are        VBP/AUX  aux       3
        holding    VBG      ROOT      3
        talks      NNS      dobj      3
        in         IN       prep      4
        Brussels   NNP      pobj      5   B-GPE
        on         IN       prep      3
        migration  NN       pobj      7
        .          .        punct     3
        At         IN       prep      18
        the        DT       det       12
        summit     NN       pobj      10
        ,          ,        punct     18
        German     JJ       amod      15  B-NORP
        Chancellor NNP      compound  17
        Karl       NNP      compound  17  B-PERSON
        Vogel      NNP      nsubj     18  I-PERSON
        called     VBD      ROOT      18
        for        IN       prep      18
        unity      NN       pobj      19
        .          .        punct     18
    """)
    summit = a.one("multilateral")
    assert set(a.sides(summit)) == {"Karl Vogel"}
    assert (summit.place, summit.host_country) == ("Brussels", "Belgium")
    assert len(summit.evidence) == 2


def test_people_who_attended_named_right_after_a_gathering_of_leaders_are_its_participants():
    # Leaders from across Africa gathered in Accra on Monday for a summit on trade. Kenyan President Amani Otieno
    # and Nigerian President Musa Bello attended.
    a = extract("""
        Leaders   NNS      nsubj     4
        from      IN       prep      0
        across    IN       prep      1
        Africa    NNP      pobj      2   B-LOC
        gathered  VBD      ROOT      4
        in        IN       prep      4
        Accra     NNP      pobj      5   B-GPE
        on        IN       prep      4
        Monday    NNP      pobj      7   B-DATE
        for       IN       prep      4
        a         DT       det       11
        summit    NN       pobj      9
        on        IN       prep      11
        trade     NN       pobj      12
        .         .        punct     4
        Kenyan    JJ       ROOT      15  B-NORP
        President NNP      dep       15
        Amani     NNP      dep       15  B-PERSON
        Otieno    NNP      dep       15  I-PERSON
        and       CC       dep       15
        Nigerian  JJ       dep       15  B-NORP
        President NNP      dep       15
        Musa      NNP      dep       15  B-PERSON
        Bello     NNP      dep       15  I-PERSON
        attended  VBD      dep       15
        .         .        dep       15
    """)
    summit = a.one("multilateral")
    assert set(a.sides(summit)) == {"Amani Otieno", "Musa Bello"}
    assert (summit.place, summit.host_country, summit.date) == ("Accra", "Ghana", day("2021-03-15"))


# --- journeys to a gathering ----------------------------------------------------------------------------------------
def test_arriving_for_a_summit_is_attending_it_not_a_visit():
    # Foreign Secretary Ana Ruiz arrives in Indonesia for a special summit meeting on the disaster.
    a = extract("""
        Foreign   NNP      compound  1
        Secretary NNP      compound  3
        Ana       NNP      compound  3   B-PERSON
        Ruiz      NNP      nsubj     4   I-PERSON
        arrives   VBZ      ROOT      4
        in        IN       prep      4
        Indonesia NNP      pobj      5   B-GPE
        for       IN       prep      4
        a         DT       det       11
        special   JJ       amod      11
        summit    NN       compound  11
        meeting   NN       pobj      7
        on        IN       prep      11
        the       DT       det       14
        disaster  NN       pobj      12
        .         .        punct     4
    """)
    summit = a.one("multilateral")
    assert a.sides(summit) == {"Ana Ruiz": "participant"}
    assert summit.host_country == "Indonesia"
    assert a.of_kind("visit") == []


def test_flying_somewhere_to_attend_a_summit_is_the_summit_alone():
    # Foreign Secretary Ana Ruiz flew to Jakarta on Monday to attend a regional summit on the disaster.
    a = extract("""
        Foreign   NNP      compound  1
        Secretary NNP      compound  3
        Ana       NNP      compound  3   B-PERSON
        Ruiz      NNP      nsubj     4   I-PERSON
        flew      VBD      ROOT      4
        to        IN       prep      4
        Jakarta   NNP      pobj      5   B-GPE
        on        IN       prep      4
        Monday    NNP      pobj      7   B-DATE
        to        TO       aux       10
        attend    VB       advcl     4
        a         DT       det       13
        regional  JJ       amod      13
        summit    NN       dobj      10
        on        IN       prep      13
        the       DT       det       16
        disaster  NN       pobj      14
        .         .        punct     4
    """)
    summit = a.one("multilateral")
    assert set(a.sides(summit)) == {"Ana Ruiz"} and summit.date == day("2021-03-15")
    assert len(a.events) == 1
