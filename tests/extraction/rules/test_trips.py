"""The article-level pass over events: meetings during a visit, implied visits, and one event reported twice
(extraction.trips).

Each table is what the trained model made of an invented sentence, as ingest parses it (one row per token:
word, tag, dependency, head, entity; see tests.extraction.docs); no model is loaded here. Articles are
published on Wednesday 17 March 2021, which anchors every relative date.
"""

from datetime import date

from extraction.records import DateSpan
from tests.extraction.articles import day, extract


# --- meetings during a visit, implied visits --------------------------------------------------------------------------
def test_meeting_during_a_visit_links_to_it_and_inherits_its_date_and_place():
    # Vietnamese Defence Minister Nguyen Van Long visited Phnom Penh in June. Cambodian Prime Minister Hun Rithy
    # received him.
    a = extract("""
        Vietnamese JJ       amod      2   B-NORP
        Defence    NNP      compound  2
        Minister   NNP      compound  5
        Nguyen     NNP      compound  5   B-PERSON
        Van        NNP      compound  5   I-PERSON
        Long       NNP      nsubj     6   I-PERSON
        visited    VBD      ROOT      6
        Phnom      NNP      compound  8   B-GPE
        Penh       NNP      dobj      6   I-GPE
        in         IN       prep      6
        June       NNP      pobj      9   B-DATE
        .          .        punct     6
        Cambodian  JJ       amod      14  B-NORP
        Prime      NNP      compound  14
        Minister   NNP      compound  16
        Hun        NNP      compound  16  B-PERSON
        Rithy      NNP      nsubj     17  I-PERSON
        received   VBD      ROOT      17
        him        PRP      dobj      17
        .          .        punct     17
    """)
    visit, meeting = a.one("visit"), a.one("meeting")
    assert a.events[meeting.parent] is visit
    assert a.sides(meeting) == {"Nguyen Van Long": "guest", "Hun Rithy": "host"}
    assert (meeting.date, meeting.place, meeting.host_country) == (visit.date, "Phnom Penh", "Cambodia")


def test_meeting_by_pronoun_during_a_visit_is_the_visitors():
    # Colombian President Gustavo Reyes travelled to Caracas last year. He met Venezuelan President Nicolas
    # Ortega.
    a = extract("""
        Colombian  JJ       amod      1   B-NORP
        President  NNP      compound  3
        Gustavo    NNP      compound  3   B-PERSON
        Reyes      NNP      nsubj     4   I-PERSON
        travelled  VBD      ROOT      4
        to         IN       prep      4
        Caracas    NNP      pobj      5   B-GPE
        last       JJ       amod      8   B-DATE
        year       NN       npadvmod  4   I-DATE
        .          .        punct     4
        He         PRP      nsubj     11
        met        VBD      ROOT      11
        Venezuelan JJ       amod      13  B-NORP
        President  NNP      compound  15
        Nicolas    NNP      compound  15  B-PERSON
        Ortega     NNP      dobj      11  I-PERSON
        .          .        punct     11
    """)
    visit, meeting = a.one("visit"), a.one("meeting")
    assert a.events[meeting.parent] is visit
    assert a.sides(meeting) == {"Gustavo Reyes": "guest", "Nicolas Ortega": "host"}
    assert meeting.date == DateSpan(date(2020, 1, 1), date(2020, 12, 31), "year")


def test_meeting_in_a_relative_clause_belongs_to_the_visit():
    # Jordanian Foreign Minister Ayman Khalil wrapped up a visit to Beirut on Monday, during which he met Lebanese
    # Prime Minister Najib Haddad.
    a = extract("""
        Jordanian JJ       amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Ayman     NNP      compound  4   B-PERSON
        Khalil    NNP      nsubj     5   I-PERSON
        wrapped   VBD      ROOT      5
        up        RP       prt       5
        a         DT       det       8
        visit     NN       dobj      5
        to        IN       prep      8
        Beirut    NNP      pobj      9   B-GPE
        on        IN       prep      5
        Monday    NNP      pobj      11  B-DATE
        ,         ,        punct     5
        during    IN       prep      17
        which     WDT      pobj      14
        he        PRP      nsubj     17
        met       VBD      relcl     8
        Lebanese  JJ       amod      20  B-NORP
        Prime     NNP      compound  20
        Minister  NNP      compound  22
        Najib     NNP      compound  22  B-PERSON
        Haddad    NNP      dobj      17  I-PERSON
        .         .        punct     5
    """)
    visit, meeting = a.one("visit"), a.one("meeting")
    assert a.sides(meeting) == {"Ayman Khalil": "guest", "Najib Haddad": "host"}
    assert a.events[meeting.parent] is visit
    assert meeting.date == day("2021-03-15")


def test_meeting_during_his_visit_belongs_to_it():
    # During his visit to Seoul, Thai Prime Minister Somchai Wongsawat met Philippine President Ramon Cruz.
    a = extract("""
        During     IN       prep      11
        his        PRP$     poss      2
        visit      NN       pobj      0
        to         IN       prep      2
        Seoul      NNP      pobj      3   B-GPE
        ,          ,        punct     11
        Thai       NNP      compound  8   B-NORP
        Prime      NNP      compound  8
        Minister   NNP      compound  10
        Somchai    NNP      compound  10  B-PERSON
        Wongsawat  NNP      nsubj     11  I-PERSON
        met        VBD      ROOT      11
        Philippine JJ       amod      13  B-NORP
        President  NNP      compound  15
        Ramon      NNP      compound  15  B-PERSON
        Cruz       NNP      dobj      11  I-PERSON
        .          .        punct     11
    """)
    visit, meeting = a.one("visit"), a.one("meeting")
    assert a.sides(visit) == {"Somchai Wongsawat": "guest"}
    assert visit.host_country == "South Korea"
    assert a.events[meeting.parent] is visit
    assert a.sides(meeting)["Somchai Wongsawat"] == "guest"


def test_delegation_meeting_during_a_visit_includes_the_visitor():
    text = (
        "Kenyan President William Otieno arrived in Addis Ababa on Monday for a two-day "
        "visit. Kenyan officials met Ethiopian Prime Minister Dawit Tesfaye."
    )
    a = extract(
        """
            Kenyan    NNP      amod      1   B-NORP
            President NNP      compound  3
            William   NNP      compound  3   B-PERSON
            Otieno    NNP      nsubj     4   I-PERSON
            arrived   VBD      ROOT      4
            in        IN       prep      4
            Addis     NNP      compound  7   B-GPE
            Ababa     NNP      pobj      5   I-GPE
            on        IN       prep      4
            Monday    NNP      pobj      8   B-DATE
            for       IN       prep      4
            a         DT       det       15
            two       CD       nummod    14  B-DATE
            -         HYPH     punct     14  I-DATE
            day       NN       compound  15  I-DATE
            visit     NN       pobj      10
            .         .        punct     4
            Kenyan    JJ       amod      18  B-NORP
            officials NNS      nsubj     19
            met       VBD      ROOT      19
            Ethiopian JJ       amod      22  B-NORP
            Prime     NNP      compound  22
            Minister  NNP      compound  24
            Dawit     NNP      compound  24  B-PERSON
            Tesfaye   NNP      dobj      19  I-PERSON
            .         .        punct     19
        """,
        text=text,
    )
    visit, meeting = a.one("visit"), a.one("meeting")
    assert a.sides(meeting) == {"William Otieno": "guest", "Dawit Tesfaye": "host"}
    assert a.events[meeting.parent] is visit
    assert meeting.date == day("2021-03-15")


def test_second_delegation_meeting_joins_the_same_trip():
    # Vietnamese Defence Minister Nguyen Van Long visited Phnom Penh in June. Cambodian Prime Minister Hun Rithy
    # received him. A Vietnamese delegation also met Cambodian Defence Minister Sok Chea.
    a = extract("""
        Vietnamese JJ       amod      2   B-NORP
        Defence    NNP      compound  2
        Minister   NNP      compound  5
        Nguyen     NNP      compound  5   B-PERSON
        Van        NNP      compound  5   I-PERSON
        Long       NNP      nsubj     6   I-PERSON
        visited    VBD      ROOT      6
        Phnom      NNP      compound  8   B-GPE
        Penh       NNP      dobj      6   I-GPE
        in         IN       prep      6
        June       NNP      pobj      9   B-DATE
        .          .        punct     6
        Cambodian  JJ       amod      14  B-NORP
        Prime      NNP      compound  14
        Minister   NNP      compound  16
        Hun        NNP      compound  16  B-PERSON
        Rithy      NNP      nsubj     17  I-PERSON
        received   VBD      ROOT      17
        him        PRP      dobj      17
        .          .        punct     17
        A          DT       det       22
        Vietnamese JJ       amod      22  B-NORP
        delegation NN       nsubj     24
        also       RB       advmod    24
        met        VBD      ROOT      24
        Cambodian  NNP      amod      27  B-NORP
        Defence    NNP      compound  27
        Minister   NNP      compound  29
        Sok        NNP      compound  29  B-PERSON
        Chea       NNP      dobj      24  I-PERSON
        .          .        punct     24
    """)
    visit = a.one("visit")
    delegation = next(m for m in a.of_kind("meeting") if "Sok Chea" in a.sides(m))
    assert a.sides(delegation) == {"Nguyen Van Long": "guest", "Sok Chea": "host"}
    assert a.events[delegation.parent] is visit


def test_meeting_abroad_implies_a_visit_by_the_foreigner():
    # Japanese Prime Minister Kenji Sato met Indian Prime Minister Rahul Mehta in New Delhi on Saturday.
    a = extract("""
        Japanese JJ       amod      2   B-NORP
        Prime    NNP      compound  2
        Minister NNP      compound  4
        Kenji    NNP      compound  4   B-PERSON
        Sato     NNP      nsubj     5   I-PERSON
        met      VBD      ROOT      5
        Indian   JJ       amod      8   B-NORP
        Prime    NNP      compound  8
        Minister NNP      compound  10
        Rahul    NNP      compound  10  B-PERSON
        Mehta    NNP      dobj      5   I-PERSON
        in       IN       prep      5
        New      NNP      compound  13  B-GPE
        Delhi    NNP      pobj      11  I-GPE
        on       IN       prep      5
        Saturday NNP      pobj      14  B-DATE
        .        .        punct     5
    """)
    meeting, visit = a.one("meeting"), a.one("visit")
    assert a.sides(meeting) == {"Kenji Sato": "guest", "Rahul Mehta": "host"}
    assert a.sides(visit) == {"Kenji Sato": "guest"}
    assert a.events[meeting.parent] is visit
    assert (visit.host_country, visit.date) == ("India", day("2021-03-13"))


def test_received_by_three_officials_during_a_visit_all_link_to_it():
    # Mexican Foreign Minister Elena Ruiz arrived in Ottawa a week ago. She was received by Canadian Prime
    # Minister Claire Dubois, Foreign Minister Marc Tremblay and Defence Minister Jean Gagnon.
    a = extract("""
        Mexican  NNP      compound  2   B-NORP
        Foreign  NNP      compound  2
        Minister NNP      compound  4
        Elena    NNP      compound  4   B-PERSON
        Ruiz     NNP      nsubj     5   I-PERSON
        arrived  VBD      ROOT      5
        in       IN       prep      5
        Ottawa   NNP      pobj      6   B-GPE
        a        DT       det       9   B-DATE
        week     NN       npadvmod  10  I-DATE
        ago      RB       advmod    5   I-DATE
        .        .        punct     5
        She      PRP      nsubjpass 14
        was      VBD/AUX  auxpass   14
        received VBN      ROOT      14
        by       IN       agent     14
        Canadian JJ       amod      18  B-NORP
        Prime    NNP      compound  18
        Minister NNP      compound  20
        Claire   NNP      compound  20  B-PERSON
        Dubois   NNP      pobj      15  I-PERSON
        ,        ,        punct     20
        Foreign  NNP      compound  23
        Minister NNP      compound  25
        Marc     NNP      compound  25  B-PERSON
        Tremblay NNP      appos     20  I-PERSON
        and      CC       cc        25
        Defence  NNP      compound  28  B-ORG
        Minister NNP      compound  30
        Jean     NNP      compound  30  B-PERSON
        Gagnon   NNP      conj      25  I-PERSON
        .        .        punct     14
    """)
    visit = a.one("visit")
    meetings = a.of_kind("meeting")
    assert len(meetings) == 3
    assert all(a.events[m.parent] is visit and m.date == visit.date for m in meetings)


# --- one event reported twice -----------------------------------------------------------------------------------------
def test_meeting_mentioned_twice_is_one_event_with_two_evidence_sentences():
    # Egyptian President Hany Saleh met Sudanese leader Omar Bashir in Cairo on March 4. The meeting between Saleh
    # and Bashir in Cairo focused on the Nile.
    a = extract("""
        Egyptian  JJ       amod      1   B-NORP
        President NNP      compound  3
        Hany      NNP      compound  3   B-PERSON
        Saleh     NNP      nsubj     4   I-PERSON
        met       VBD      ROOT      4
        Sudanese  JJ       amod      6   B-NORP
        leader    NN       compound  8
        Omar      NNP      compound  8   B-PERSON
        Bashir    NNP      dobj      4   I-PERSON
        in        IN       prep      4
        Cairo     NNP      pobj      9   B-GPE
        on        IN       prep      4
        March     NNP      pobj      11  B-DATE
        4         CD       nummod    12  I-DATE
        .         .        punct     4
        The       DT       det       16
        meeting   NN       nsubj     23
        between   IN       prep      16
        Saleh     NNP      pobj      17  B-PERSON
        and       CC       cc        18
        Bashir    NNP      conj      18  B-PERSON
        in        IN       prep      16
        Cairo     NNP      pobj      21  B-GPE
        focused   VBD      ROOT      23
        on        IN       prep      23
        the       DT       det       26
        Nile      NNP      pobj      24  B-LOC
        .         .        punct     23
    """)
    meeting = a.one("meeting")
    assert len(meeting.evidence) == 2
    assert [e.sentence for e in meeting.evidence][1].startswith("The meeting between Saleh and Bashir")
    assert meeting.date == day("2021-03-04")


def test_talks_mentioned_twice_without_a_place_are_one_event():
    # Armenian President Armen Sargsyan held talks with Georgian President Nino Beridze. The talks between
    # Sargsyan and Beridze lasted three hours.
    a = extract("""
        Armenian  JJ       amod      1   B-NORP
        President NNP      compound  3
        Armen     NNP      compound  3   B-PERSON
        Sargsyan  NNP      nsubj     4   I-PERSON
        held      VBD      ROOT      4
        talks     NNS      dobj      4
        with      IN       prep      5
        Georgian  JJ       amod      8   B-NORP
        President NNP      compound  10
        Nino      NNP      compound  10  B-PERSON
        Beridze   NNP      pobj      6   I-PERSON
        .         .        punct     4
        The       DT       det       13
        talks     NNS      nsubj     18
        between   IN       prep      13
        Sargsyan  NNP      pobj      14  B-PERSON
        and       CC       cc        15
        Beridze   NNP      conj      15  B-PERSON
        lasted    VBD      ROOT      18
        three     CD       nummod    20  B-TIME
        hours     NNS      npadvmod  18  I-TIME
        .         .        punct     18
    """)
    assert len(a.one("meeting").evidence) == 2


def test_attending_the_summit_joins_the_gathering_reported_before():
    text = (
        "Leaders of Kenya, Uganda and Tanzania gathered in Nairobi for a regional summit "
        "on November 6-7. Kenyan President William Otieno and Ugandan President Moses "
        "Okello attended the summit."
    )
    a = extract(
        """
            Leaders   NNS      nsubj     7
            of        IN       prep      0
            Kenya     NNP      pobj      1   B-GPE
            ,         ,        punct     2
            Uganda    NNP      conj      2   B-GPE
            and       CC       cc        4
            Tanzania  NNP      conj      4   B-GPE
            gathered  VBD      ROOT      7
            in        IN       prep      7
            Nairobi   NNP      pobj      8   B-GPE
            for       IN       prep      7
            a         DT       det       13
            regional  JJ       amod      13
            summit    NN       pobj      10
            on        IN       prep      13
            November  NNP      pobj      14  B-DATE
            6         CD       nummod    15  I-DATE
            -         SYM      punct     18  I-DATE
            7         CD       prep      15  I-DATE
            .         .        punct     7
            Kenyan    JJ       amod      21  B-NORP
            President NNP      compound  23
            William   NNP      compound  23  B-PERSON
            Otieno    NNP      nsubj     29  I-PERSON
            and       CC       cc        23
            Ugandan   NNP      compound  26
            President NNP      compound  28
            Moses     NNP      compound  28
            Okello    NNP      conj      23
            attended  VBD      ROOT      29
            the       DT       det       31
            summit    NN       dobj      29
            .         .        punct     29
        """,
        text=text,
    )
    summit = a.one("multilateral")
    assert {"William Otieno", "Moses Okello"} <= set(a.sides(summit))
    assert summit.host_country == "Kenya"
    assert summit.date == DateSpan(date(2020, 11, 6), date(2020, 11, 7), "day")


def test_a_later_bare_mention_of_planned_talks_keeps_them_planned():
    # Three rounds of talks between President Otieno and Prime Minister Tanaka, scheduled for Friday, come after a
    # dispute. Spokesman Ali Kamau said he was hopeful about the talks between the two leaders.
    a = extract("""
        Three      CD       nummod    1   B-CARDINAL
        rounds     NNS      nsubj     16
        of         IN       prep      1
        talks      NNS      pobj      2
        between    IN       prep      3
        President  NNP      compound  6
        Otieno     NNP      pobj      4   B-PERSON
        and        CC       cc        6
        Prime      NNP      compound  9
        Minister   NNP      compound  10
        Tanaka     NNP      conj      6   B-PERSON
        ,          ,        punct     1
        scheduled  VBN      acl       1
        for        IN       prep      12
        Friday     NNP      pobj      13  B-DATE
        ,          ,        punct     16
        come       VB       ROOT      16
        after      IN       prep      16
        a          DT       det       19
        dispute    NN       pobj      17
        .          .        punct     16
        Spokesman  NN       compound  23
        Ali        NNP      compound  23  B-PERSON
        Kamau      NNP      nsubj     24  I-PERSON
        said       VBD      ROOT      24
        he         PRP      nsubj     26
        was        VBD/AUX  ccomp     24
        hopeful    JJ       acomp     26
        about      IN       prep      27
        the        DT       det       30
        talks      NNS      pobj      28
        between    IN       prep      30
        the        DT       det       34
        two        CD       nummod    34  B-CARDINAL
        leaders    NNS      pobj      31
        .          .        punct     24
    """)
    meeting = a.one("meeting")
    assert set(a.sides(meeting)) == {"Otieno", "Tanaka"}
    assert meeting.planned and meeting.date == day("2021-03-19")
    assert len(meeting.evidence) == 2


# --- plans told during a trip -----------------------------------------------------------------------------------------
def test_a_plan_told_during_a_trip_of_the_news_takes_its_country_and_month():
    # President Tomas Novak arrived in Nairobi on Monday. He will meet Foreign Minister Wanjiru Kamau.
    a = extract("""
        President NNP      compound  2
        Tomas     NNP      compound  2   B-PERSON
        Novak     NNP      nsubj     3   I-PERSON
        arrived   VBD      ROOT      3
        in        IN       prep      3
        Nairobi   NNP      pobj      4   B-GPE
        on        IN       prep      3
        Monday    NNP      pobj      6   B-DATE
        .         .        punct     3
        He        PRP      nsubj     11
        will      MD       aux       11
        meet      VB       ROOT      11
        Foreign   NNP      compound  13
        Minister  NNP      compound  15
        Wanjiru   NNP      compound  15  B-PERSON
        Kamau     NNP      dobj      11  I-PERSON
        .         .        punct     11
    """)
    visit, meeting = a.one("visit"), a.one("meeting")
    assert not visit.planned and meeting.planned
    assert (meeting.place, meeting.host_country) == ("Nairobi", "Kenya")
    assert meeting.date == DateSpan(date(2021, 3, 1), date(2021, 3, 31), "month")
    assert meeting.parent == a.events.index(visit)


def test_a_plan_told_after_a_past_trip_is_not_of_that_trip():
    # President Tomas Novak visited Kenya in May 2019. He will meet Foreign Minister Wanjiru Kamau.
    a = extract("""
        President NNP      compound  2
        Tomas     NNP      compound  2   B-PERSON
        Novak     NNP      nsubj     3   I-PERSON
        visited   VBD      ROOT      3
        Kenya     NNP      dobj      3   B-GPE
        in        IN       prep      3
        May       NNP      pobj      5   B-DATE
        2019      CD       nummod    6   I-DATE
        .         .        punct     3
        He        PRP      nsubj     11
        will      MD       aux       11
        meet      VB       ROOT      11
        Foreign   NNP      compound  13
        Minister  NNP      compound  15
        Wanjiru   NNP      compound  15  B-PERSON
        Kamau     NNP      dobj      11  I-PERSON
        .         .        punct     11
    """)
    meeting = a.one("meeting")
    assert meeting.planned
    assert (meeting.host_country, meeting.date, meeting.parent) == ("", None, None)


def test_a_plan_of_a_trip_the_news_peg_dates_takes_the_month_the_trip_is_in():
    # Spanish Foreign Minister Ana Ruiz is in Kenya to discuss trade. She will meet President Amani Otieno.
    a = extract("""
        Spanish   JJ       amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Ana       NNP      compound  4   B-PERSON
        Ruiz      NNP      nsubj     5   I-PERSON
        is        VBZ/AUX  ROOT      5
        in        IN       prep      5
        Kenya     NNP      pobj      6   B-GPE
        to        TO       aux       9
        discuss   VB       advcl     5
        trade     NN       dobj      9
        .         .        punct     5
        She       PRP      nsubj     14
        will      MD       aux       14
        meet      VB       ROOT      14
        President NNP      compound  17
        Amani     NNP      compound  17  B-PERSON
        Otieno    NNP      dobj      14  I-PERSON
        .         .        punct     14
    """)
    meeting = a.one("meeting")
    assert meeting.planned and meeting.host_country == "Kenya"
    assert meeting.date == DateSpan(date(2021, 3, 1), date(2021, 3, 31), "month")
