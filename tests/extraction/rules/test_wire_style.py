"""Events told in wire style and in reported speech: an 'after' phrase whose event is the main clause subject's,
discussions with someone, calls told by one side, presence abroad for talks, a visit told by its end, and a
destination or a verb shared with the sentence before (extraction.events, extraction.triggers).

Each table is what the trained model made of an invented sentence, as ingest parses it (one row per token:
word, tag, dependency, head, entity; see tests.extraction.docs); no model is loaded here. Articles are
published on Wednesday 17 March 2021, which anchors every relative date.
"""

import pytest

from tests.extraction.articles import PUBLISHED, day, extract


def test_a_day_of_meetings_before_the_main_clause_is_its_subjects_one_meeting_per_counterpart():
    # After a day of meetings with Kenyan President Daniel Otieno and Foreign Minister Ruth Wanjiru, Japanese Prime
    # Minister Kenji Tanaka told reporters he was satisfied.
    a = extract("""
        After     IN       prep      21
        a         DT       det       2
        day       NN       pobj      0
        of        IN       prep      2
        meetings  NNS      pobj      3
        with      IN       prep      4
        Kenyan    JJ       amod      7   B-NORP
        President NNP      compound  9
        Daniel    NNP      compound  9   B-PERSON
        Otieno    NNP      pobj      5   I-PERSON
        and       CC       cc        9
        Foreign   NNP      compound  12
        Minister  NNP      compound  14
        Ruth      NNP      compound  14  B-PERSON
        Wanjiru   NNP      conj      9   I-PERSON
        ,         ,        punct     21
        Japanese  JJ       amod      18  B-NORP
        Prime     NNP      compound  18
        Minister  NNP      compound  20
        Kenji     NNP      compound  20  B-PERSON
        Tanaka    NNP      nsubj     21  I-PERSON
        told      VBD      ROOT      21
        reporters NNS      dobj      21
        he        PRP      nsubj     24
        was       VBD/AUX  ccomp     21
        satisfied JJ       acomp     24
        .         .        punct     21
    """)
    pairs = sorted(sorted(a.sides(m)) for m in a.of_kind("meeting"))
    assert pairs == [["Daniel Otieno", "Kenji Tanaka"], ["Kenji Tanaka", "Ruth Wanjiru"]]


def test_after_meeting_someone_the_meeting_is_the_main_clause_subjects():
    # Japanese Foreign Minister Kenji Tanaka spoke to reporters in Nairobi after meeting Kenyan President Daniel
    # Otieno.
    a = extract("""
        Japanese  JJ       amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Kenji     NNP      compound  4   B-PERSON
        Tanaka    NNP      nsubj     5   I-PERSON
        spoke     VBD      ROOT      5
        to        IN       prep      5
        reporters NNS      pobj      6
        in        IN       prep      5
        Nairobi   NNP      pobj      8   B-GPE
        after     IN       prep      5
        meeting   VBG      pcomp     10
        Kenyan    NNP      compound  13  B-NORP
        President NNP      compound  15
        Daniel    NNP      compound  15  B-PERSON
        Otieno    NNP      dobj      11  I-PERSON
        .         .        punct     5
    """)
    assert sorted(a.sides(a.one("meeting"))) == ["Daniel Otieno", "Kenji Tanaka"]


def test_a_visit_after_which_someone_will_travel_on_is_planned_too():
    # After visiting Kenya on Monday, Japanese Foreign Minister Kenji Tanaka will fly to Ethiopia.
    a = extract("""
        After    IN       prep      12
        visiting VBG      pcomp     0
        Kenya    NNP      dobj      1   B-GPE
        on       IN       prep      1
        Monday   NNP      pobj      3   B-DATE
        ,        ,        punct     12
        Japanese JJ       amod      8   B-NORP
        Foreign  NNP      compound  8
        Minister NNP      compound  10
        Kenji    NNP      compound  10  B-PERSON
        Tanaka   NNP      nsubj     12  I-PERSON
        will     MD       aux       12
        fly      VB       ROOT      12
        to       IN       prep      12
        Ethiopia NNP      pobj      13  B-GPE
        .        .        punct     12
    """)
    kenya = next(v for v in a.of_kind("visit") if v.host_country == "Kenya")
    assert a.sides(kenya) == {"Kenji Tanaka": "guest"} and kenya.planned


# --- discussions with someone ---------------------------------------------------------------------------------------
def test_discussing_something_with_an_official_is_a_meeting():
    # Kenyan President Daniel Otieno discussed trade with Japanese Prime Minister Kenji Tanaka on Monday.
    a = extract("""
        Kenyan    JJ       amod      1   B-NORP
        President NNP      compound  3
        Daniel    NNP      compound  3   B-PERSON
        Otieno    NNP      nsubj     4   I-PERSON
        discussed VBD      ROOT      4
        trade     NN       dobj      4
        with      IN       prep      5
        Japanese  JJ       amod      9   B-NORP
        Prime     NNP      compound  9
        Minister  NNP      compound  11
        Kenji     NNP      compound  11  B-PERSON
        Tanaka    NNP      pobj      6   I-PERSON
        on        IN       prep      4
        Monday    NNP      pobj      12  B-DATE
        .         .        punct     4
    """)
    meeting = a.one("meeting")
    assert sorted(a.sides(meeting)) == ["Daniel Otieno", "Kenji Tanaka"]
    assert meeting.date == day("2021-03-15")


def test_discussing_something_with_an_official_by_telephone_is_a_call():
    # President Otieno discussed the dispute with Prime Minister Tanaka by telephone on Monday.
    a = extract("""
        President NNP      compound  1
        Otieno    NNP      nsubj     2   B-PERSON
        discussed VBD      ROOT      2
        the       DT       det       4
        dispute   NN       dobj      2
        with      IN       prep      4
        Prime     NNP      compound  7
        Minister  NNP      compound  8
        Tanaka    NNP      pobj      5   B-PERSON
        by        IN       prep      2
        telephone NN       pobj      9
        on        IN       prep      2
        Monday    NNP      pobj      11  B-DATE
        .         .        punct     2
    """)
    assert a.of_kind("meeting") == []
    assert sorted(a.sides(a.one("phone_call"))) == ["Otieno", "Tanaka"]


def test_discussing_something_with_someone_known_by_no_office_or_country_is_an_interview_not_a_meeting():
    # Daniel Otieno discussed his new film with Kenji Tanaka.
    a = extract("""
        Daniel    NNP      compound  1   B-PERSON
        Otieno    NNP      nsubj     2   I-PERSON
        discussed VBD      ROOT      2
        his       PRP$     poss      5
        new       JJ       amod      5
        film      NN       dobj      2
        with      IN       prep      2
        Kenji     NNP      compound  8   B-PERSON
        Tanaka    NNP      pobj      6   I-PERSON
        .         .        punct     2
    """)
    assert a.events == []


def test_he_and_a_minister_who_discussed_something_with_an_official_are_one_side_of_one_meeting():
    # Kenyan Finance Minister Daniel Otieno said he and Economy Minister Ruth Wanjiru had discussed the loan with
    # Japanese Prime Minister Kenji Tanaka.
    a = extract("""
        Kenyan    NNP      compound  2   B-NORP
        Finance   NNP      compound  2
        Minister  NNP      compound  4
        Daniel    NNP      compound  4   B-PERSON
        Otieno    NNP      nsubj     5   I-PERSON
        said      VBD      ROOT      5
        he        PRP      nsubj     13
        and       CC       cc        6
        Economy   NNP      compound  9
        Minister  NNP      compound  11
        Ruth      NNP      compound  11  B-PERSON
        Wanjiru   NNP      conj      6   I-PERSON
        had       VBD/AUX  aux       13
        discussed VBN      ccomp     5
        the       DT       det       15
        loan      NN       dobj      13
        with      IN       prep      15
        Japanese  JJ       amod      19  B-NORP
        Prime     NNP      compound  19
        Minister  NNP      compound  21
        Kenji     NNP      compound  21  B-PERSON
        Tanaka    NNP      pobj      16  I-PERSON
        .         .        punct     5
    """)
    assert sorted(a.sides(a.one("meeting"))) == ["Daniel Otieno", "Kenji Tanaka", "Ruth Wanjiru"]


def test_speaking_to_a_conference_of_businessmen_is_no_gathering_of_officials():
    # Kenyan President Daniel Otieno told a businessmen's conference that trade would grow.
    a = extract("""
        Kenyan      JJ       amod      1   B-NORP
        President   NNP      compound  3
        Daniel      NNP      compound  3   B-PERSON
        Otieno      NNP      nsubj     4   I-PERSON
        told        VBD      ROOT      4
        a           DT       det       6
        businessmen NNS      poss      8
        's          POS      case      6
        conference  NN       dobj      4
        that        IN/SCONJ mark      12
        trade       NN       nsubj     12
        would       MD       aux       12
        grow        VB       ccomp     4
        .           .        punct     4
    """)
    assert a.events == []


# --- reported speech ------------------------------------------------------------------------------------------------
def test_the_first_person_of_a_quotation_is_its_speaker():
    # "I met Prime Minister Kenji Tanaka on Monday," Kenyan President Daniel Otieno said.
    a = extract("""
        "         ``       punct     15
        I         PRP      nsubj     2
        met       VBD      ccomp     15
        Prime     NNP      compound  4
        Minister  NNP      compound  6
        Kenji     NNP      compound  6   B-PERSON
        Tanaka    NNP      dobj      2   I-PERSON
        on        IN       prep      2
        Monday    NNP      pobj      7   B-DATE
        ,         ,        punct     15
        "         ''       punct     15
        Kenyan    NNP      amod      12  B-NORP
        President NNP      compound  14
        Daniel    NNP      compound  14  B-PERSON
        Otieno    NNP      nsubj     15  I-PERSON
        said      VBD      ROOT      15
        .         .        punct     15
    """)
    assert sorted(a.sides(a.one("meeting"))) == ["Daniel Otieno", "Kenji Tanaka"]


def test_a_quoted_speaker_arranging_a_meeting_of_others_takes_no_part_in_it():
    # "We are arranging a meeting of the Andean presidents and President Tanaka," Kenyan Foreign Minister Daniel
    # Otieno said.
    a = extract("""
        "          ``       punct     20
        We         PRP      nsubj     3
        are        VBP/AUX  aux       3
        arranging  VBG      ccomp     20
        a          DT       det       5
        meeting    NN       dobj      3
        of         IN       prep      5
        the        DT       det       9
        Andean     JJ       amod      9   B-NORP
        presidents NNS      pobj      6
        and        CC       cc        9
        President  NNP      compound  12
        Tanaka     NNP      conj      9   B-PERSON
        ,          ,        punct     20
        "          ''       punct     20
        Kenyan     NNP      amod      17  B-NORP
        Foreign    NNP      compound  17
        Minister   NNP      compound  19
        Daniel     NNP      compound  19  B-PERSON
        Otieno     NNP      nsubj     20  I-PERSON
        said       VBD      ROOT      20
        .          .        punct     20
    """)
    assert all("Daniel Otieno" not in a.sides(e) for e in a.events)


RELATIVE_REPORT = """
    Japanese  JJ       amod      2   B-NORP
    Foreign   NNP      compound  2
    Minister  NNP      compound  4
    Kenji     NNP      compound  4   B-PERSON
    Tanaka    NNP      nsubj     5   I-PERSON
    met       VBD      ROOT      5
    Kenyan    JJ       amod      7   B-NORP
    President NNP      compound  9
    Daniel    NNP      compound  9   B-PERSON
    Otieno    NNP      dobj      5   I-PERSON
    ,         ,        punct     9
    whom      WP       nsubj     {whom_head}
    he        PRP      nsubj     13
    said      VBD      relcl     9
    recently  RB       advmod    15
    spoke     VBD      ccomp     13
    by        IN       agent     15
    telephone NN       pobj      16
    with      IN       prep      17
    French    JJ       amod      20  B-NORP
    President NNP      compound  22
    Claire    NNP      compound  22  B-PERSON
    Moreau    NNP      pobj      18  I-PERSON
    .         .        punct     5
"""


@pytest.mark.parametrize("whom_head", [15, 13])  # the model hangs 'whom' on either verb
def test_a_call_reported_in_a_relative_clause_is_the_antecedents(whom_head):
    # Japanese Foreign Minister Kenji Tanaka met Kenyan President Daniel Otieno, whom he said recently spoke by
    # telephone with French President Claire Moreau.
    a = extract(RELATIVE_REPORT.format(whom_head=whom_head))
    assert sorted(a.sides(a.one("phone_call"))) == ["Claire Moreau", "Daniel Otieno"]
    assert sorted(a.sides(a.one("meeting"))) == ["Daniel Otieno", "Kenji Tanaka"]


def test_what_someone_said_in_a_call_reported_by_another_makes_the_reporter_the_other_side():
    # Kenyan President Daniel Otieno said Japanese Prime Minister Kenji Tanaka said in a telephone conversation on
    # Tuesday that trade would grow.
    a = extract("""
        Kenyan       JJ       amod      1   B-NORP
        President    NNP      compound  3
        Daniel       NNP      compound  3   B-PERSON
        Otieno       NNP      nsubj     4   I-PERSON
        said         VBD      ROOT      4
        Japanese     JJ       amod      7   B-NORP
        Prime        NNP      compound  7
        Minister     NNP      compound  9
        Kenji        NNP      compound  9   B-PERSON
        Tanaka       NNP      nsubj     10  I-PERSON
        said         VBD      ccomp     4
        in           IN       prep      10
        a            DT       det       14
        telephone    NN       compound  14
        conversation NN       pobj      11
        on           IN       prep      14
        Tuesday      NNP      pobj      15  B-DATE
        that         IN/SCONJ mark      20
        trade        NN       nsubj     20
        would        MD       aux       20
        grow         VB       ccomp     10
        .            .        punct     4
    """)
    call = a.one("phone_call")
    assert sorted(a.sides(call)) == ["Daniel Otieno", "Kenji Tanaka"]
    assert call.date == day("2021-03-16")


# --- presence abroad for talks --------------------------------------------------------------------------------------
def test_being_abroad_to_discuss_something_is_a_visit_told_as_news():
    # Kenyan Oil Minister Daniel Otieno is in the United Arab Emirates to discuss oil prices, officials said.
    a = extract("""
        Kenyan    NNP      compound  2   B-NORP
        Oil       NNP      compound  2
        Minister  NNP      compound  4
        Daniel    NNP      compound  4   B-PERSON
        Otieno    NNP      nsubj     5   I-PERSON
        is        VBZ/AUX  ccomp     17
        in        IN       prep      5
        the       DT       det       10  B-GPE
        United    NNP      compound  10  I-GPE
        Arab      NNP      compound  10  I-GPE
        Emirates  NNPS     pobj      6   I-GPE
        to        TO       aux       12
        discuss   VB       advcl     5
        oil       NN       compound  14
        prices    NNS      dobj      12
        ,         ,        punct     17
        officials NNS      nsubj     17
        said      VBD      ROOT      17
        .         .        punct     17
    """)
    visit = a.one("visit")
    assert a.sides(visit) == {"Daniel Otieno": "guest"}
    assert visit.host_country == "United Arab Emirates"
    assert visit.date.end == PUBLISHED and visit.date.start < PUBLISHED


def test_someone_in_a_city_for_talks_visits_it():
    # Japanese Foreign Minister Kenji Tanaka, in Paris for talks with French officials, said trade would grow.
    a = extract("""
        Japanese  JJ       amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Kenji     NNP      compound  4   B-PERSON
        Tanaka    NNP      nsubj     14  I-PERSON
        ,         ,        punct     4
        in        IN       prep      4
        Paris     NNP      pobj      6   B-GPE
        for       IN       prep      4
        talks     NNS      pobj      8
        with      IN       prep      9
        French    JJ       amod      12  B-NORP
        officials NNS      pobj      10
        ,         ,        punct     14
        said      VBD      ROOT      14
        trade     NN       nsubj     17
        would     MD       aux       17
        grow      VB       ccomp     14
        .         .        punct     14
    """)
    visit = a.one("visit")
    assert a.sides(visit) == {"Kenji Tanaka": "guest"}
    assert (visit.place, visit.host_country) == ("Paris", "France")


def test_being_somewhere_to_attend_a_summit_or_at_home_is_no_visit():
    # Kenyan President Daniel Otieno was in Tokyo to attend the summit.
    summit = extract("""
        Kenyan    JJ       amod      1   B-NORP
        President NNP      compound  3
        Daniel    NNP      compound  3   B-PERSON
        Otieno    NNP      nsubj     4   I-PERSON
        was       VBD/AUX  ROOT      4
        in        IN       prep      4
        Tokyo     NNP      pobj      5   B-GPE
        to        TO       aux       8
        attend    VB       advcl     4
        the       DT       det       10
        summit    NN       dobj      8
        .         .        punct     4
    """)
    # Kenyan President Daniel Otieno is in Nairobi to discuss the budget.
    home = extract("""
        Kenyan    JJ       amod      1   B-NORP
        President NNP      compound  3
        Daniel    NNP      compound  3   B-PERSON
        Otieno    NNP      nsubj     4   I-PERSON
        is        VBZ/AUX  ROOT      4
        in        IN       prep      4
        Nairobi   NNP      pobj      5   B-GPE
        to        TO       aux       8
        discuss   VB       advcl     4
        the       DT       det       10
        budget    NN       dobj      8
        .         .        punct     4
    """)
    assert summit.of_kind("visit") == [] and home.of_kind("visit") == []


def test_being_abroad_for_a_meeting_of_ministers_is_the_gathering_not_a_visit():
    # Japanese Trade Minister Kenji Tanaka is in Kenya for a meeting of trade ministers.
    a = extract("""
        Japanese  JJ       amod      2   B-NORP
        Trade     NNP      compound  2   B-ORG
        Minister  NNP      compound  4
        Kenji     NNP      compound  4   B-PERSON
        Tanaka    NNP      nsubj     5   I-PERSON
        is        VBZ/AUX  ROOT      5
        in        IN       prep      5
        Kenya     NNP      pobj      6   B-GPE
        for       IN       prep      5
        a         DT       det       10
        meeting   NN       pobj      8
        of        IN       prep      10
        trade     NN       compound  13
        ministers NNS      pobj      11
        .         .        punct     5
    """)
    assert a.of_kind("visit") == []
    assert "Kenji Tanaka" in a.sides(a.one("multilateral"))


# --- a visit told by its end ----------------------------------------------------------------------------------------
def test_the_place_left_at_the_end_of_a_visit_is_where_the_visit_was():
    # Kenyan President Daniel Otieno left Tokyo on Tuesday at the end of a three-day visit.
    a = extract("""
        Kenyan    JJ       amod      1   B-NORP
        President NNP      compound  3
        Daniel    NNP      compound  3   B-PERSON
        Otieno    NNP      nsubj     4   I-PERSON
        left      VBD      ROOT      4
        Tokyo     NNP      dobj      4   B-GPE
        on        IN       prep      4
        Tuesday   NNP      pobj      6   B-DATE
        at        IN       prep      4
        the       DT       det       10  B-DATE
        end       NN       pobj      8   I-DATE
        of        IN       prep      10  I-DATE
        a         DT       det       16  I-DATE
        three     CD       nummod    15  I-DATE
        -         HYPH     punct     15  I-DATE
        day       NN       compound  16  I-DATE
        visit     NN       pobj      11
        .         .        punct     4
    """)
    visit = a.one("visit")
    assert a.sides(visit) == {"Daniel Otieno": "guest"}
    assert (visit.place, visit.host_country) == ("Tokyo", "Japan")


def test_the_place_left_for_a_visit_is_not_where_the_visit_was():
    # Japanese Prime Minister Kenji Tanaka left Nairobi on Tuesday for a three-day visit.
    a = extract("""
        Japanese  JJ       amod      2   B-NORP
        Prime     NNP      compound  2
        Minister  NNP      compound  4
        Kenji     NNP      compound  4   B-PERSON
        Tanaka    NNP      nsubj     5   I-PERSON
        left      VBD      ROOT      5
        Nairobi   NNP      dobj      5   B-GPE
        on        IN       prep      5
        Tuesday   NNP      pobj      7   B-DATE
        for       IN       prep      5
        a         DT       det       14
        three     CD       nummod    13  B-DATE
        -         HYPH     punct     13  I-DATE
        day       NN       compound  14  I-DATE
        visit     NN       pobj      9
        .         .        punct     5
    """)
    assert all(v.host_country != "Kenya" for v in a.of_kind("visit"))


# --- what a sentence shares with the one before ---------------------------------------------------------------------
def test_visited_without_destination_goes_where_the_visits_before_went_and_a_gapped_name_visits_too():
    # There were two earlier state visits to Kenya by Japanese emperors. Emperor Akihito visited in 1990 and Emperor
    # Naruhito in 2019.
    a = extract("""
        There    EX       expl      1
        were     VBD/AUX  ROOT      1
        two      CD       npadvmod  3   B-CARDINAL
        earlier  JJR      amod      5
        state    NN       compound  5
        visits   NNS      attr      1
        to       IN       prep      5
        Kenya    NNP      pobj      6   B-GPE
        by       IN       prep      5
        Japanese JJ       amod      10  B-NORP
        emperors NNS      pobj      8
        .        .        punct     1
        Emperor  NNP      compound  13
        Akihito  NNP      nsubj     14  B-PERSON
        visited  VBD      ROOT      14
        in       IN       prep      14
        1990     CD       pobj      15  B-DATE
        and      CC       cc        14
        Emperor  NNP      compound  19  B-PERSON
        Naruhito NNP      conj      14  I-PERSON
        in       IN       prep      14
        2019     CD       pobj      20  B-DATE
        .        .        punct     14
    """)
    visits = sorted((e.date.start.year, [name for name in a.sides(e)], e.host_country) for e in a.of_kind("visit"))
    assert [(year, country) for year, _, country in visits] == [(1990, "Kenya"), (2019, "Kenya")]
    assert [len(names) for _, names, _ in visits] == [1, 1] and visits[0][1] != visits[1][1]


WIRE_LEAD = """
    NAIROBI   NNP      nsubj     7   B-GPE
    ,         ,        punct     0
    March     NNP      nmod      6   B-DATE
    {day}     CD       nummod    2   I-DATE
    -         HYPH     punct     5
    President NNP      compound  6
    Otieno    NNP      appos     0   B-PERSON
    met       VBD      ROOT      7
    Prime     NNP      compound  9
    Minister  NNP      compound  10
    Okello    NNP      dobj      7   B-PERSON
    to        TO       aux       12
    discuss   VB       advcl     7
    the       DT       det       14
    border    NN       dobj      12
    .         .        punct     7
"""


def test_the_undated_lead_of_a_story_filed_on_its_publication_day_is_that_days_news():
    """'NAIROBI, March 17 - President X met Prime Minister Y ...', published on 17 March: met that day."""
    assert extract(WIRE_LEAD.format(day="17")).one("meeting").date == day("2021-03-17")


def test_the_undated_lead_of_a_story_filed_earlier_keeps_the_news_peg():
    meeting = extract(WIRE_LEAD.format(day="15")).one("meeting")
    assert meeting.date != day("2021-03-17") and meeting.date.end == PUBLISHED
