"""Trigger words: which words announce a visit, a meeting, a call or a conference, whether it happened
or is planned, and the sentences that look like events and are not (extraction.triggers, extraction.events).

Each table is what the trained model made of an invented sentence, as ingest parses it (one row per token:
word, tag, dependency, head, entity; see tests.extraction.docs); no model is loaded here. Articles are
published on Wednesday 17 March 2021, which anchors every relative date.
"""

from datetime import date

from tests.extraction.articles import PUBLISHED, day, extract


# --- kinds ------------------------------------------------------------------------------------------------------------
def test_arrival_in_a_capital_is_a_visit_to_its_country():
    # Ethiopian Foreign Minister Dawit Tesfaye arrived in Nairobi on Sunday.
    a = extract("""
        Ethiopian JJ       amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Dawit     NNP      compound  4   B-PERSON
        Tesfaye   NNP      nsubj     5   I-PERSON
        arrived   VBD      ROOT      5
        in        IN       prep      5
        Nairobi   NNP      pobj      6   B-GPE
        on        IN       prep      5
        Sunday    NNP      pobj      8   B-DATE
        .         .        punct     5
    """)
    visit = a.one("visit")
    assert a.sides(visit) == {"Dawit Tesfaye": "guest"}
    assert (visit.place, visit.host_country) == ("Nairobi", "Kenya")
    assert len(a.events) == 1


def test_possessive_visit_noun_is_a_visit_by_its_owner():
    # Israeli Foreign Minister Yair Cohen's visit to Athens began on Thursday.
    a = extract("""
        Israeli  JJ       amod      2   B-NORP
        Foreign  NNP      compound  2
        Minister NNP      compound  4
        Yair     NNP      compound  4   B-PERSON
        Cohen    NNP      poss      6   I-PERSON
        's       POS      case      4
        visit    NN       nsubj     9
        to       IN       prep      6
        Athens   NNP      pobj      7   B-GPE
        began    VBD      ROOT      9
        on       IN       prep      9
        Thursday NNP      pobj      10  B-DATE
        .        .        punct     9
    """)
    visit = a.one("visit")
    assert a.sides(visit) == {"Yair Cohen": "guest"}
    assert visit.host_country == "Greece"


def test_visit_by_someone_to_a_capital_is_their_visit():
    text = "The three-day visit by Swiss President Urs Keller to Vienna ended on Friday."
    a = extract(
        """
            The       DT       det       4
            three     CD       nummod    3   B-DATE
            -         HYPH     punct     3   I-DATE
            day       NN       compound  4   I-DATE
            visit     NN       nsubj     12
            by        IN       prep      4
            Swiss     NNP      amod      7   B-NORP
            President NNP      compound  9
            Urs       NNP      compound  9   B-PERSON
            Keller    NNP      pobj      5   I-PERSON
            to        IN       prep      4
            Vienna    NNP      pobj      10  B-GPE
            ended     VBD      ROOT      12
            on        IN       prep      12
            Friday    NNP      pobj      13  B-DATE
            .         .        punct     12
        """,
        text=text,
    )
    visit = a.one("visit")
    assert a.sides(visit) == {"Urs Keller": "guest"}
    assert (visit.place, visit.host_country) == ("Vienna", "Austria")


def test_hosting_is_a_meeting_with_host_and_guest():
    # Ghanaian President Kwame Asante hosted Nigerian Vice President Chinedu Okeke in Accra on March 2.
    a = extract("""
        Ghanaian  JJ       amod      1   B-NORP
        President NNP      compound  3
        Kwame     NNP      compound  3   B-PERSON
        Asante    NNP      nsubj     4   I-PERSON
        hosted    VBD      ROOT      4
        Nigerian  JJ       amod      7   B-NORP
        Vice      NNP      compound  7
        President NNP      compound  9
        Chinedu   NNP      compound  9   B-PERSON
        Okeke     NNP      dobj      4   I-PERSON
        in        IN       prep      4
        Accra     NNP      pobj      10  B-GPE
        on        IN       prep      4
        March     NNP      pobj      12  B-DATE
        2         CD       nummod    13  I-DATE
        .         .        punct     4
    """)
    meeting = a.one("meeting")
    assert a.sides(meeting) == {"Kwame Asante": "host", "Chinedu Okeke": "guest"}
    assert meeting.host_country == "Ghana"


def test_calling_on_someone_is_a_courtesy_meeting():
    # Zambian Foreign Minister Mutale Banda called on Zimbabwean President Tendai Moyo in Harare on Wednesday.
    a = extract("""
        Zambian    JJ       amod      2   B-NORP
        Foreign    NNP      compound  2
        Minister   NNP      compound  4
        Mutale     NNP      compound  4   B-PERSON
        Banda      NNP      nsubj     5   I-PERSON
        called     VBD      ROOT      5
        on         IN       prep      5
        Zimbabwean NNP      compound  8   B-NORP
        President  NNP      compound  10
        Tendai     NNP      compound  10  B-PERSON
        Moyo       NNP      pobj      6   I-PERSON
        in         IN       prep      5
        Harare     NNP      pobj      11  B-GPE
        on         IN       prep      5
        Wednesday  NNP      pobj      13  B-DATE
        .          .        punct     5
    """)
    meeting = a.one("meeting")
    assert a.sides(meeting) == {"Mutale Banda": "guest", "Tendai Moyo": "host"}
    assert meeting.date == day("2021-03-17")  # "on Wednesday" in a Wednesday paper: that day


def test_talks_without_a_place_are_a_meeting_of_equals():
    # Armenian President Armen Sargsyan held talks with Georgian President Nino Beridze.
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
    """)
    meeting = a.one("meeting")
    assert a.sides(meeting) == {"Armen Sargsyan": "participant", "Nino Beridze": "participant"}
    assert meeting.host_country == ""
    assert a.of_kind("visit") == []


def test_telephoned_is_a_phone_call_not_a_meeting():
    # Kenyan Foreign Minister Wanjiru Kamau telephoned Somali Foreign Minister Abdi Warsame on Monday.
    a = extract("""
        Kenyan     NNP      amod      2   B-NORP
        Foreign    NNP      compound  2
        Minister   NNP      compound  4
        Wanjiru    NNP      compound  4   B-PERSON
        Kamau      NNP      nsubj     5   I-PERSON
        telephoned VBD      ROOT      5
        Somali     JJ       amod      8   B-NORP
        Foreign    NNP      compound  8
        Minister   NNP      compound  10
        Abdi       NNP      compound  10  B-PERSON
        Warsame    NNP      dobj      5   I-PERSON
        on         IN       prep      5
        Monday     NNP      pobj      11  B-DATE
        .          .        punct     5
    """)
    call = a.one("phone_call")
    assert set(a.sides(call)) == {"Wanjiru Kamau", "Abdi Warsame"}
    assert call.date == day("2021-03-15")
    assert a.of_kind("meeting") == [] and a.of_kind("visit") == []


def test_a_phone_call_noun_is_a_phone_call():
    # Polish President Andrzej Nowak had a phone call with Lithuanian President Gitanas Kairys on Friday.
    a = extract("""
        Polish     JJ       amod      1   B-NORP
        President  NNP      compound  3
        Andrzej    NNP      compound  3   B-PERSON
        Nowak      NNP      nsubj     4   I-PERSON
        had        VBD/AUX  ROOT      4
        a          DT       det       7
        phone      NN       compound  7
        call       NN       dobj      4
        with       IN       prep      7
        Lithuanian JJ       amod      10  B-NORP
        President  NNP      compound  12
        Gitanas    NNP      compound  12  B-PERSON
        Kairys     NNP      pobj      8   I-PERSON
        on         IN       prep      4
        Friday     NNP      pobj      13  B-DATE
        .          .        punct     4
    """)
    call = a.one("phone_call")
    assert set(a.sides(call)) == {"Andrzej Nowak", "Gitanas Kairys"}
    assert call.date == day("2021-03-12")
    assert a.of_kind("visit") == []  # a call implies no travel


def test_summit_attended_by_three_presidents_is_multilateral():
    text = (
        "Kenyan President William Otieno, Ugandan President Moses Okello and Tanzanian "
        "President Juma Mwinyi attended a regional summit in Nairobi on November 6-7."
    )
    a = extract(
        """
            Kenyan    NNP      amod      1   B-NORP
            President NNP      compound  3
            William   NNP      compound  3   B-PERSON
            Otieno    NNP      nsubj     14  I-PERSON
            ,         ,        punct     3
            Ugandan   NNP      compound  6
            President NNP      compound  8
            Moses     NNP      compound  8
            Okello    NNP      conj      3
            and       CC       cc        8
            Tanzanian NNP      compound  11  B-NORP
            President NNP      compound  13
            Juma      NNP      compound  13  B-PERSON
            Mwinyi    NNP      conj      8   I-PERSON
            attended  VBD      ROOT      14
            a         DT       det       17
            regional  JJ       amod      17
            summit    NN       dobj      14
            in        IN       prep      17
            Nairobi   NNP      pobj      18  B-GPE
            on        IN       prep      14
            November  NNP      pobj      20  B-DATE
            6         CD       nummod    21  I-DATE
            -         SYM      punct     24  I-DATE
            7         CD       prep      21  I-DATE
            .         .        punct     14
        """,
        text=text,
    )
    summit = a.one("multilateral")
    assert set(a.sides(summit)) == {"William Otieno", "Moses Okello", "Juma Mwinyi"}
    assert summit.host_country == "Kenya"
    assert a.of_kind("meeting") == []


def test_trilateral_talks_between_offices_are_multilateral():
    # The foreign ministers of Iraq, Jordan and Egypt held trilateral talks in Amman on Sunday.
    a = extract("""
        The        DT       det       2
        foreign    JJ       amod      2
        ministers  NNS      nsubj     9
        of         IN       prep      2
        Iraq       NNP      pobj      3   B-GPE
        ,          ,        punct     4
        Jordan     NNP      conj      4   B-GPE
        and        CC       cc        6
        Egypt      NNP      conj      6   B-GPE
        held       VBD      ROOT      9
        trilateral JJ       amod      11
        talks      NNS      dobj      9
        in         IN       prep      11
        Amman      NNP      pobj      12  B-GPE
        on         IN       prep      9
        Sunday     NNP      pobj      14  B-DATE
        .          .        punct     9
    """)
    talks = a.one("multilateral")
    assert {(p.office.lower(), p.country) for p in talks.participants} == {
        ("foreign minister", "Iraq"),
        ("foreign minister", "Jordan"),
        ("foreign minister", "Egypt"),
    }
    assert all(p.person is None for p in talks.participants)
    assert (talks.host_country, talks.date) == ("Jordan", day("2021-03-14"))


# --- planned and negated ----------------------------------------------------------------------------------------------
def test_will_visit_is_a_planned_visit():
    # Mexican President Luis Herrera will visit Ottawa next week, Canadian officials said.
    a = extract("""
        Mexican   JJ       amod      1   B-NORP
        President NNP      compound  3
        Luis      NNP      compound  3   B-PERSON
        Herrera   NNP      nsubj     5   I-PERSON
        will      MD       aux       5
        visit     VB       ccomp     12
        Ottawa    NNP      dobj      5   B-GPE
        next      JJ       amod      8   B-DATE
        week      NN       npadvmod  5   I-DATE
        ,         ,        punct     12
        Canadian  JJ       amod      11  B-NORP
        officials NNS      nsubj     12
        said      VBD      ROOT      12
        .         .        punct     12
    """)
    visit = a.one("visit")
    assert visit.planned
    assert visit.host_country == "Canada"
    assert visit.date.start > PUBLISHED


def test_meeting_planned_during_a_planned_visit_is_planned_and_linked():
    # Indian External Affairs Minister Arjun Rao will visit Tokyo next month. Japanese Foreign Minister Yoko Mori
    # will host him.
    a = extract("""
        Indian   NNP      compound  3   B-ORG
        External NNP      compound  2   I-ORG
        Affairs  NNPS     compound  3   I-ORG
        Minister NNP      compound  5
        Arjun    NNP      compound  5   B-PERSON
        Rao      NNP      nsubj     7   I-PERSON
        will     MD       aux       7
        visit    VB       ROOT      7
        Tokyo    NNP      dobj      7   B-GPE
        next     JJ       amod      10  B-DATE
        month    NN       npadvmod  7   I-DATE
        .        .        punct     7
        Japanese JJ       amod      14  B-NORP
        Foreign  NNP      compound  14
        Minister NNP      compound  16
        Yoko     NNP      compound  16  B-PERSON
        Mori     NNP      nsubj     18  I-PERSON
        will     MD       aux       18
        host     VB       ROOT      18
        him      PRP      dobj      18
        .        .        punct     18
    """)
    visit, meeting = a.one("visit"), a.one("meeting")
    assert visit.planned and meeting.planned
    assert a.events[meeting.parent] is visit
    assert a.sides(meeting) == {"Arjun Rao": "guest", "Yoko Mori": "host"}


def test_did_not_meet_is_no_event():
    # Russian Foreign Minister Pavel Morozov did not meet Turkish Foreign Minister Emre Aydin in Ankara.
    a = extract("""
        Russian  JJ       amod      2   B-NORP
        Foreign  NNP      compound  2
        Minister NNP      compound  4
        Pavel    NNP      compound  4   B-PERSON
        Morozov  NNP      nsubj     7   I-PERSON
        did      VBD/AUX  aux       7
        not      RB/PART  neg       7
        meet     VB       ROOT      7
        Turkish  JJ       amod      10  B-NORP
        Foreign  NNP      compound  10
        Minister NNP      compound  12
        Emre     NNP      compound  12  B-PERSON
        Aydin    NNP      dobj      7   I-PERSON
        in       IN       prep      12
        Ankara   NNP      pobj      13  B-GPE
        .        .        punct     7
    """)
    assert a.events == []


def test_cancelled_visit_is_no_event():
    # The planned visit of Argentine President Julio Pereyra to Brasilia was cancelled.
    a = extract("""
        The       DT       det       2
        planned   VBN      amod      2
        visit     NN       nsubjpass 11
        of        IN       prep      2
        Argentine JJ       amod      5   B-NORP
        President NNP      compound  7
        Julio     NNP      compound  7   B-PERSON
        Pereyra   NNP      pobj      3   I-PERSON
        to        IN       prep      2
        Brasilia  NNP      pobj      8   B-GPE
        was       VBD/AUX  auxpass   11
        cancelled VBN      ROOT      11
        .         .        punct     11
    """)
    assert a.events == []


def test_visit_cancelled_in_the_next_sentence_is_no_event():
    # Argentine President Julio Pereyra planned to visit Brasilia in April. The visit was later cancelled.
    a = extract("""
        Argentine JJ       amod      1   B-NORP
        President NNP      compound  3
        Julio     NNP      compound  3   B-PERSON
        Pereyra   NNP      nsubj     4   I-PERSON
        planned   VBD      ROOT      4
        to        TO       aux       6
        visit     VB       xcomp     4
        Brasilia  NNP      dobj      6   B-GPE
        in        IN       prep      6
        April     NNP      pobj      8   B-DATE
        .         .        punct     4
        The       DT       det       12
        visit     NN       nsubjpass 15
        was       VBD/AUX  auxpass   15
        later     RB       advmod    15
        cancelled VBN      ROOT      15
        .         .        punct     15
    """)
    assert a.events == []


def test_planned_to_visit_is_a_planned_visit():
    # Argentine President Julio Pereyra planned to visit Brasilia in April.
    a = extract("""
        Argentine JJ       amod      1   B-NORP
        President NNP      compound  3
        Julio     NNP      compound  3   B-PERSON
        Pereyra   NNP      nsubj     4   I-PERSON
        planned   VBD      ROOT      4
        to        TO       aux       6
        visit     VB       xcomp     4
        Brasilia  NNP      dobj      6   B-GPE
        in        IN       prep      6
        April     NNP      pobj      8   B-DATE
        .         .        punct     4
    """)
    visit = a.one("visit")
    assert (a.sides(visit), visit.host_country, visit.planned) == ({"Julio Pereyra": "guest"}, "Brazil", True)


def test_due_to_visit_is_a_planned_visit():
    # Chilean President Gabriel Soto was due to visit Brasilia on Monday.
    a = extract("""
        Chilean   JJ       amod      1   B-NORP
        President NNP      compound  3
        Gabriel   NNP      compound  3   B-PERSON
        Soto      NNP      nsubj     4   I-PERSON
        was       VBD/AUX  ROOT      4
        due       JJ       acomp     4
        to        TO       aux       7
        visit     VB       xcomp     5
        Brasilia  NNP      dobj      7   B-GPE
        on        IN       prep      7
        Monday    NNP      pobj      9   B-DATE
        .         .        punct     4
    """)
    visit = a.one("visit")
    assert (a.sides(visit), visit.host_country, visit.planned) == ({"Gabriel Soto": "guest"}, "Brazil", True)


def test_the_same_visit_not_cancelled_is_an_event():
    # The visit of Argentine President Julio Pereyra to Brasilia took place on Monday.
    a = extract("""
        The       DT       det       1
        visit     NN       nsubj     9
        of        IN       prep      1
        Argentine JJ       amod      4   B-NORP
        President NNP      compound  6
        Julio     NNP      compound  6   B-PERSON
        Pereyra   NNP      pobj      2   I-PERSON
        to        IN       prep      1
        Brasilia  NNP      pobj      7   B-GPE
        took      VBD      ROOT      9
        place     NN       dobj      9
        on        IN       prep      9
        Monday    NNP      pobj      11  B-DATE
        .         .        punct     9
    """)
    visit = a.one("visit")
    assert (visit.host_country, visit.date, visit.planned) == ("Brazil", day("2021-03-15"), False)


def test_a_hedge_about_the_past_is_not_a_plan():
    # In a phone call in early May, President Tomas Novak might have urged Prime Minister Ivan Horvat to
    # question the trader Marko Kovac.
    a = extract("""
        In          IN       prep      13
        a           DT       det       3
        phone       NN       compound  3
        call        NN       pobj      0
        in          IN       prep      3
        early       JJ       amod      6   B-DATE
        May         NNP      pobj      4   I-DATE
        ,           ,        punct     13
        President   NNP      compound  10
        Tomas       NNP      compound  10  B-PERSON
        Novak       NNP      nsubj     13  I-PERSON
        might       MD       aux       13
        have        VB/AUX   aux       13
        urged     VBN      ROOT      13
        Prime       NNP      compound  15
        Minister    NNP      compound  17
        Ivan        NNP      compound  17  B-PERSON
        Horvat      NNP      dobj      13  I-PERSON
        to          TO       aux       19
        question VB       advcl     13
        the         DT       det       21
        trader      NN       dobj      19
        Marko       NNP      compound  23  B-PERSON
        Kovac       NNP      appos     21  I-PERSON
        .           .        punct     13
    """)
    call = a.one("phone_call")
    assert not call.planned
    assert set(a.sides(call)) == {"Tomas Novak", "Ivan Horvat"}


# --- what looks like an event and is not ------------------------------------------------------------------------------
def test_receiving_votes_is_no_meeting():
    # Governor Maria Alvarez received 52 percent of the vote in the Chilean election on Sunday.
    a = extract("""
        Governor NNP      compound  2
        Maria    NNP      compound  2   B-PERSON
        Alvarez  NNP      nsubj     3   I-PERSON
        received VBD      ROOT      3
        52       CD       nummod    5   B-PERCENT
        percent  NN       dobj      3   I-PERCENT
        of       IN       prep      5
        the      DT       det       8
        vote     NN       pobj      6
        in       IN       prep      8
        the      DT       det       12
        Chilean  JJ       amod      12  B-NORP
        election NN       pobj      9
        on       IN       prep      3
        Sunday   NNP      pobj      13  B-DATE
        .        .        punct     3
    """)
    assert a.events == []


def test_hosting_a_show_is_no_meeting():
    # Former minister Paolo Rossi hosts a weekly television show about Italian cooking.
    a = extract("""
        Former     JJ       amod      1
        minister   NN       compound  3
        Paolo      NNP      compound  3   B-PERSON
        Rossi      NNP      nsubj     4   I-PERSON
        hosts      VBZ      ROOT      4
        a          DT       det       8
        weekly     JJ       amod      8   B-DATE
        television NN       compound  8
        show       NN       dobj      4
        about      IN       prep      8
        Italian    JJ       amod      11  B-NORP
        cooking    NN       pobj      9
        .          .        punct     4
    """)
    assert a.events == []


def test_a_press_conference_is_a_statement_not_a_conference():
    # Kenyan Foreign Minister Ruth Njeri and her aide Peter Otieno held a press conference in Nairobi on Monday.
    a = extract("""
        Kenyan     NNP      amod      2   B-NORP
        Foreign    NNP      compound  2
        Minister   NNP      compound  4
        Ruth       NNP      compound  4   B-PERSON
        Njeri      NNP      nsubj     10  I-PERSON
        and        CC       cc        4
        her        PRP$     poss      7
        aide       NN       conj      4
        Peter      NNP      compound  9   B-PERSON
        Otieno     NNP      appos     7   I-PERSON
        held       VBD      ROOT      10
        a          DT       det       13
        press      NN       compound  13
        conference NN       dobj      10
        in         IN       prep      13
        Nairobi    NNP      pobj      14  B-GPE
        on         IN       prep      10
        Monday     NNP      pobj      16  B-DATE
        .          .        punct     10
    """)
    assert a.of_kind("multilateral") == []


def test_a_lone_subject_that_assembled_is_no_gathering():
    # Photographer Anna Berg assembled a portfolio in Oslo for Minister Lars Dahl.
    a = extract("""
        Photographer NNP      compound  2
        Anna         NNP      compound  2   B-PERSON
        Berg         NNP      nsubj     3   I-PERSON
        assembled    VBD      ROOT      3
        a            DT       det       5
        portfolio    NN       dobj      3
        in           IN       prep      3
        Oslo         NNP      pobj      6   B-GPE
        for          IN       prep      3
        Minister     NNP      compound  11
        Lars         NNP      compound  11  B-PERSON
        Dahl         NNP      pobj      8   I-PERSON
        .            .        punct     3
    """)
    assert a.of_kind("multilateral") == []


def test_flying_cargo_to_a_country_is_no_visit():
    # Transport Minister Omar Haddad said Rami Khalil flies cargo to Syria every week.
    a = extract("""
        Transport NNP      compound  1
        Minister  NNP      compound  3
        Omar      NNP      compound  3   B-PERSON
        Haddad    NNP      nsubj     4   I-PERSON
        said      VBD      ROOT      4
        Rami      NNP      compound  6   B-PERSON
        Khalil    NNP      nsubj     7   I-PERSON
        flies     VBZ      ccomp     4
        cargo     NN       dobj      7
        to        IN       prep      7
        Syria     NNP      pobj      9   B-GPE
        every     DT       det       12  B-DATE
        week      NN       npadvmod  7   I-DATE
        .         .        punct     4
    """)
    assert a.of_kind("visit") == []


def test_going_back_home_is_no_visit():
    # After the talks, Peruvian Foreign Minister Lucia Quispe went back to Peru on Tuesday.
    a = extract("""
        After    IN       prep      9
        the      DT       det       2
        talks    NNS      pobj      0
        ,        ,        punct     9
        Peruvian JJ       amod      6   B-NORP
        Foreign  NNP      compound  6
        Minister NNP      compound  8
        Lucia    NNP      compound  8   B-PERSON
        Quispe   NNP      nsubj     9   I-PERSON
        went     VBD      ROOT      9
        back     RB       advmod    9
        to       IN       prep      10
        Peru     NNP      pobj      11  B-GPE
        on       IN       prep      9
        Tuesday  NNP      pobj      13  B-DATE
        .        .        punct     9
    """)
    assert a.of_kind("visit") == []


# --- the simple present with a time ahead is a schedule ---------------------------------------------------------------
def test_travels_this_evening_is_a_planned_visit():
    # Kenyan Foreign Minister Otieno Kamau travels to Chile this evening.
    a = extract("""
        Kenyan   NNP      amod      2   B-NORP
        Foreign  NNP      compound  2
        Minister NNP      compound  4
        Otieno   NNP      compound  4   B-PERSON
        Kamau    NNP      nsubj     5   I-PERSON
        travels  VBZ      ROOT      5
        to       IN       prep      5
        Chile    NNP      pobj      6   B-GPE
        this     DT       det       9   B-TIME
        evening  NN       npadvmod  5   I-TIME
        .        .        punct     5
    """)
    visit = a.one("visit")
    assert (visit.host_country, visit.planned, visit.date) == ("Chile", True, day("2021-03-17"))


def test_pays_a_visit_on_a_weekday_is_planned_for_the_next_such_day():
    # Japanese Prime Minister Aiko Tanaka pays a visit to Kenya on Friday.
    a = extract("""
        Japanese JJ       amod      2   B-NORP
        Prime    NNP      compound  2
        Minister NNP      compound  4
        Aiko     NNP      compound  4   B-PERSON
        Tanaka   NNP      nsubj     5   I-PERSON
        pays     VBZ      ROOT      5
        a        DT       det       7
        visit    NN       dobj      5
        to       IN       prep      7
        Kenya    NNP      pobj      8   B-GPE
        on       IN       prep      5
        Friday   NNP      pobj      10  B-DATE
        .        .        punct     5
    """)
    visit = a.one("visit")
    assert (visit.host_country, visit.planned, visit.date) == ("Kenya", True, day("2021-03-19"))


def test_is_to_visit_is_a_planned_visit():
    # French President Luc Moreau is to visit Kenya.
    a = extract("""
        French    JJ       amod      1   B-NORP
        President NNP      compound  3
        Luc       NNP      compound  3   B-PERSON
        Moreau    NNP      nsubj     4   I-PERSON
        is        VBZ/AUX  ROOT      4
        to        TO       aux       6
        visit     VB       xcomp     4
        Kenya     NNP      dobj      6   B-GPE
        .         .        punct     4
    """)
    visit = a.one("visit")
    assert (visit.host_country, visit.planned) == ("Kenya", True)


def test_the_simple_present_with_a_past_date_is_no_plan():
    # Japanese Prime Minister Aiko Tanaka pays a visit to Kenya on 2 March 2021.
    a = extract("""
        Japanese JJ       amod      2   B-NORP
        Prime    NNP      compound  2
        Minister NNP      compound  4
        Aiko     NNP      compound  4   B-PERSON
        Tanaka   NNP      nsubj     5   I-PERSON
        pays     VBZ      ROOT      5
        a        DT       det       7
        visit    NN       dobj      5
        to       IN       prep      7
        Kenya    NNP      pobj      8   B-GPE
        on       IN       prep      5
        2        CD       pobj      10  B-DATE
        March    NNP      npadvmod  11  I-DATE
        2021     CD       nummod    12  I-DATE
        .        .        punct     5
    """)
    visit = a.one("visit")
    assert (visit.planned, visit.date) == (False, day("2021-03-02"))


def test_a_visit_that_was_not_cancelled_still_happened():
    # Kenyan President Amani Otieno visited Uganda on Monday. The visit was not cancelled.
    a = extract("""
        Kenyan    NNP      amod      1   B-NORP
        President NNP      compound  3
        Amani     NNP      compound  3   B-PERSON
        Otieno    NNP      nsubj     4   I-PERSON
        visited   VBD      ROOT      4
        Uganda    NNP      dobj      4   B-GPE
        on        IN       prep      4
        Monday    NNP      pobj      6   B-DATE
        .         .        punct     4
        The       DT       det       10
        visit     NN       nsubjpass 13
        was       VBD/AUX  auxpass   13
        not       RB/PART  neg       13
        cancelled VBN      ROOT      13
        .         .        punct     13
    """)
    assert a.one("visit").host_country == "Uganda"


def test_met_a_reception_is_no_meeting():
    # Her remarks about President Karl Moser met a cool reception from Chancellor Otto Brandt.
    a = extract("""
        Her        PRP$     poss      1
        remarks    NNS      nsubj     6
        about      IN       prep      1
        President  NNP      compound  5
        Karl       NNP      compound  5   B-PERSON
        Moser      NNP      pobj      2   I-PERSON
        met        VBD      ROOT      6
        a          DT       det       9
        cool       JJ       amod      9
        reception  NN       dobj      6
        from       IN       prep      6
        Chancellor NNP      compound  13
        Otto       NNP      compound  13  B-PERSON
        Brandt     NNP      pobj      10  I-PERSON
        .          .        punct     6
    """)
    assert a.events == []


def test_happy_to_meet_is_a_willingness_not_an_event():
    # Chancellor Otto Brandt says he would be happy to meet President Karl Moser.
    a = extract("""
        Chancellor NNP      compound  2
        Otto       NNP      compound  2   B-PERSON
        Brandt     NNP      nsubj     3   I-PERSON
        says       VBZ      ROOT      3
        he         PRP      nsubj     6
        would      MD       aux       6
        be         VB/AUX   ccomp     3
        happy      JJ       acomp     6
        to         TO       aux       9
        meet       VB       xcomp     7
        President  NNP      compound  12
        Karl       NNP      compound  12  B-PERSON
        Moser      NNP      dobj      9   I-PERSON
        .          .        punct     3
    """)
    assert a.events == []


def test_visiting_a_place_of_a_country_is_a_visit_to_that_country():
    # Foreign Minister Anna Berg has visited Peru's largest port.
    a = extract("""
        Foreign  NNP      compound  1
        Minister NNP      compound  3
        Anna     NNP      compound  3   B-PERSON
        Berg     NNP      nsubj     5   I-PERSON
        has      VBZ/AUX  aux       5
        visited  VBN      ROOT      5
        Peru     NNP      poss      9   B-GPE
        's       POS      case      6
        largest  JJS      amod      9
        port     NN       dobj      5
        .        .        punct     5
    """)
    visit = a.one("visit")
    assert visit.host_country == "Peru"
    assert set(a.sides(visit)) == {"Anna Berg"}


# --- events others prepare for ----------------------------------------------------------------------------------------
def test_a_visit_prepared_for_is_planned_and_its_days_lie_ahead():
    # The envoy returned on Sunday to report to the government in preparation for Prime Minister Ivan Horvat's
    # visit to Washington, April 29 to May 5.
    a = extract("""
        The         DT       det       1
        envoy       NN       nsubj     2
        returned    VBD      ROOT      2
        on          IN       prep      2
        Sunday      NNP      pobj      3   B-DATE
        to          TO       aux       6
        report      VB       advcl     2
        to          IN       prep      6
        the         DT       det       9
        government  NN       pobj      7
        in          IN       prep      6
        preparation NN       pobj      10
        for         IN       prep      11
        Prime       NNP      compound  14
        Minister    NNP      compound  16
        Ivan        NNP      compound  16  B-PERSON
        Horvat      NNP      poss      18  I-PERSON
        's          POS      case      16
        visit       NN       pobj      12
        to          IN       prep      18
        Washington  NNP      pobj      19  B-GPE
        ,           ,        punct     20
        April       NNP      npadvmod  18  B-DATE
        29          CD       nummod    22  I-DATE
        to          IN       prep      18  I-DATE
        May         NNP      pobj      24  I-DATE
        5           CD       nummod    25  I-DATE
        .           .        punct     2
    """)
    visit = a.one("visit")
    assert visit.planned
    assert (visit.date.start, visit.date.end) == (date(2021, 4, 29), date(2021, 5, 5))


def test_a_visit_that_others_meet_ahead_of_is_planned():
    # Officials met on Monday ahead of Prime Minister Ivan Horvat's visit to Kenya on March 29.
    a = extract("""
        Officials NNS      nsubj     1
        met       VBD      ROOT      1
        on        IN       prep      1
        Monday    NNP      pobj      2   B-DATE
        ahead     RB       advmod    1
        of        IN       prep      4
        Prime     NNP      compound  7
        Minister  NNP      compound  9
        Ivan      NNP      compound  9   B-PERSON
        Horvat    NNP      poss      11  I-PERSON
        's        POS      case      9
        visit     NN       pobj      5
        to        IN       prep      11
        Kenya     NNP      pobj      12  B-GPE
        on        IN       prep      11
        March     NNP      pobj      14  B-DATE
        29        CD       nummod    15  I-DATE
        .         .        punct     1
    """)
    visit = a.one("visit")
    assert visit.planned and visit.date == day("2021-03-29")
