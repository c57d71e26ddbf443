"""Who took part in an event, and in which role: subjects and objects of the trigger, companions, what
someone said or told, offices named instead of people (extraction.events, extraction.trips).

Each table is what the trained model made of an invented sentence, as ingest parses it (one row per token:
word, tag, dependency, head, entity; see tests.extraction.docs); no model is loaded here. Articles are
published on Wednesday 17 March 2021, which anchors every relative date.
"""

from datetime import date

from tests.extraction.articles import day, extract


# --- who took part ----------------------------------------------------------------------------------------------------
def test_received_by_three_officials_is_three_meetings_with_the_guest():
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
    meetings = a.of_kind("meeting")
    hosts = [name for m in meetings for name, role in a.sides(m).items() if role == "host"]
    assert sorted(hosts) == ["Claire Dubois", "Jean Gagnon", "Marc Tremblay"]
    assert all(a.sides(m)["Elena Ruiz"] == "guest" and len(m.participants) == 2 for m in meetings)


def test_companion_of_a_visitor_is_a_guest_too():
    # Qatari Foreign Minister Khalid Attiyah, accompanied by Defence Minister Nasser Kuwari, arrived in Ankara on
    # Monday.
    a = extract("""
        Qatari      JJ       amod      2   B-NORP
        Foreign     NNP      compound  2
        Minister    NNP      compound  4
        Khalid      NNP      compound  4   B-PERSON
        Attiyah     NNP      nsubj     13  I-PERSON
        ,           ,        punct     4
        accompanied VBN      acl       4
        by          IN       agent     6
        Defence     NNP      compound  9   B-ORG
        Minister    NNP      compound  11
        Nasser      NNP      compound  11  B-PERSON
        Kuwari      NNP      pobj      7   I-PERSON
        ,           ,        punct     4
        arrived     VBD      ROOT      13
        in          IN       prep      13
        Ankara      NNP      pobj      14  B-GPE
        on          IN       prep      13
        Monday      NNP      pobj      16  B-DATE
        .           .        punct     13
    """)
    visit = a.one("visit")
    assert a.sides(visit) == {"Khalid Attiyah": "guest", "Nasser Kuwari": "guest"}
    assert visit.host_country == "Turkey"


def test_visitor_in_his_own_country_is_no_visit():
    # Nigerian President Bola Adeyemi travelled to Lagos on Friday to open a port.
    a = extract("""
        Nigerian  JJ       amod      1   B-NORP
        President NNP      compound  3
        Bola      NNP      compound  3   B-PERSON
        Adeyemi   NNP      nsubj     4   I-PERSON
        travelled VBD      ROOT      4
        to        IN       prep      4
        Lagos     NNP      pobj      5   B-GPE
        on        IN       prep      4
        Friday    NNP      pobj      7   B-DATE
        to        TO       aux       10
        open      VB       advcl     4
        a         DT       det       12
        port      NN       dobj      10
        .         .        punct     4
    """)
    assert a.people[a.key("Bola Adeyemi")].country == "Nigeria"
    assert a.of_kind("visit") == []


def test_what_someone_told_another_is_not_a_meeting():
    # Brazilian President Marcos Oliveira told Argentine President Julio Pereyra that Brazil would cut tariffs.
    a = extract("""
        Brazilian JJ       ROOT      0   B-NORP
        President NNP      dep       0
        Marcos    NNP      dep       0   B-PERSON
        Oliveira  NNP      dep       0   I-PERSON
        told      VBD      dep       0
        Argentine NNP      dep       0   B-NORP
        President NNP      dep       0
        Julio     NNP      dep       0   B-PERSON
        Pereyra   NNP      dep       0   I-PERSON
        that      IN/SCONJ dep       0
        Brazil    NNP      dep       0   B-GPE
        would     MD       dep       0
        cut       VB       dep       0
        tariffs   NNS      dep       0
        .         .        dep       0
    """)
    assert a.events == []


def test_what_someone_said_after_talks_is_not_a_second_meeting():
    # Russian Foreign Minister Pavel Morozov held talks with Turkish President Kemal Yilmaz. Morozov said Russia
    # and Turkey agreed on grain.
    a = extract("""
        Russian   JJ       amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Pavel     NNP      compound  4   B-PERSON
        Morozov   NNP      nsubj     5   I-PERSON
        held      VBD      ROOT      5
        talks     NNS      dobj      5
        with      IN       prep      6
        Turkish   JJ       amod      9   B-NORP
        President NNP      compound  11
        Kemal     NNP      compound  11  B-PERSON
        Yilmaz    NNP      pobj      7   I-PERSON
        .         .        punct     5
        Morozov   NNP      ROOT      13  B-ORG
        said      VBD      dep       13
        Russia    NNP      dep       13  B-GPE
        and       CC       dep       13
        Turkey    NNP      dep       13  B-GPE
        agreed    VBD      dep       13
        on        IN       dep       13
        grain     NN       dep       13
        .         .        dep       13
    """)
    assert len(a.events) == 1
    assert set(a.sides(a.one("meeting"))) == {"Pavel Morozov", "Kemal Yilmaz"}


# --- offices named instead of people ----------------------------------------------------------------------------------
def test_call_between_foreign_ministers_resolves_the_one_the_article_names():
    # The foreign ministers of Kenya and Somalia held a telephone conversation on Thursday. Kenyan Foreign
    # Minister Wanjiru Kamau later briefed parliament.
    a = extract("""
        The          DT       det       2
        foreign      JJ       amod      2
        ministers    NNS      nsubj     7
        of           IN       prep      2
        Kenya        NNP      pobj      3   B-GPE
        and          CC       cc        4
        Somalia      NNP      conj      4   B-GPE
        held         VBD      ROOT      7
        a            DT       det       10
        telephone    NN       compound  10
        conversation NN       dobj      7
        on           IN       prep      7
        Thursday     NNP      pobj      11  B-DATE
        .            .        punct     7
        Kenyan       NNP      ROOT      14  B-NORP
        Foreign      NNP      dep       14
        Minister     NNP      dep       14
        Wanjiru      NNP      dep       14  B-PERSON
        Kamau        NNP      dep       14  I-PERSON
        later        RB       dep       14
        briefed      VBD      dep       14
        parliament   NN       dep       14
        .            .        dep       14
    """)
    call = a.one("phone_call")
    kenya = [p for p in call.participants if p.person is not None]
    somalia = [p for p in call.participants if p.person is None]
    assert [p.person for p in kenya] == [a.key("Wanjiru Kamau")]
    assert [(p.office.lower(), p.country) for p in somalia] == [("foreign minister", "Somalia")]
    assert call.date == day("2021-03-11")


def test_named_minister_speaking_with_an_office_abroad():
    # Kenyan Foreign Minister Wanjiru Kamau spoke with the foreign minister of Somalia by telephone on Thursday.
    a = extract("""
        Kenyan    NNP      amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Wanjiru   NNP      compound  4   B-PERSON
        Kamau     NNP      nsubj     5   I-PERSON
        spoke     VBD      ROOT      5
        with      IN       prep      5
        the       DT       det       9
        foreign   JJ       amod      9
        minister  NN       pobj      6
        of        IN       prep      9
        Somalia   NNP      pobj      10  B-GPE
        by        IN       prep      5
        telephone NN       pobj      12
        on        IN       prep      5
        Thursday  NNP      pobj      14  B-DATE
        .         .        punct     5
    """)
    call = a.one("phone_call")
    assert a.sides(call) == {"Wanjiru Kamau": "participant", "foreign minister, Somalia": "participant"}


PRIVATE_CALL = """
    {title}   NNP      compound  1
    Otieno    NNP      nsubj     2   B-PERSON
    visited   VBD      ROOT      2
    the       DT       det       4
    family    NN       dobj      2
    of        IN       prep      4
    Kamau     NNP      pobj      5   B-PERSON
    and       CC       cc        2
    spoke     VBD      conj      2
    to        IN       prep      8
    Kamau     NNP      pobj      9   B-PERSON
    on        IN       prep      8
    the       DT       det       13
    phone     NN       pobj      11
    .         .        punct     2
"""


def test_a_call_where_nobody_holds_an_office_is_private():
    """'Candidate X spoke to the victim's father on the phone': no title anywhere, no official event."""
    assert extract(PRIVATE_CALL.format(title="Mr")).of_kind("phone_call") == []


def test_a_call_where_one_side_holds_an_office_is_an_event():
    a = extract(PRIVATE_CALL.format(title="President"))
    assert set(a.sides(a.one("phone_call"))) == {"Otieno", "Kamau"}


def test_an_office_of_a_country_of_its_time_is_the_named_participant_of_that_country():
    # West German President Karl Vogel met Kenyan President Amani Otieno for talks on the first day of the German
    # leader's visit. (published in 1987, when a German leader was West German)
    a = extract(
        """
        West      JJ       amod      1   B-NORP
        German    JJ       amod      2   I-NORP
        President NNP      compound  4
        Karl      NNP      compound  4   B-PERSON
        Vogel     NNP      nsubj     5   I-PERSON
        met       VBD      ROOT      5
        Kenyan    NNP      amod      7   B-NORP
        President NNP      compound  9
        Amani     NNP      compound  9   B-PERSON
        Otieno    NNP      dobj      5   I-PERSON
        for       IN       prep      5
        talks     NNS      pobj      10
        on        IN       prep      11
        the       DT       det       15  B-DATE
        first     JJ       amod      15  I-DATE
        day       NN       pobj      12  I-DATE
        of        IN       prep      15
        the       DT       det       19
        German    JJ       amod      19  B-NORP
        leader    NN       poss      21
        's        POS      case      19
        visit     NN       pobj      16
        .         .        punct     5
    """,
        published=date(1987, 3, 16),
    )
    meeting = a.one("meeting")
    assert set(a.sides(meeting)) == {"Karl Vogel", "Amani Otieno"}
    assert a.of_kind("multilateral") == []


def test_a_call_of_an_officer_known_by_rank_alone_is_an_event():
    """'General X spoke to Y on the phone': a rank names no office, but a general is an official."""
    a = extract(PRIVATE_CALL.format(title="General"))
    assert set(a.sides(a.one("phone_call"))) == {"Otieno", "Kamau"}
