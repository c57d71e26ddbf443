"""Grouping a person's mentions within one article: short forms, surnames first, shared surnames
(extraction.people).

Each table is what the trained model made of an invented sentence (one row per token: word, tag,
dependency, head, entity; see tests.extraction.docs); no model is loaded here.
"""

from extraction.records import RoleRecord
from tests.extraction.articles import names, people_of, the


# --- grouping mentions within one article -----------------------------------------------------------------------------
def test_surname_alone_later_is_the_full_name_given_earlier():
    # Kenyan Foreign Minister Wanjiru Kamau arrived in Addis Ababa on Monday. Kamau met Ethiopian Prime Minister
    # Dawit Tesfaye at his office.
    people = people_of("""
        Kenyan    NNP      amod      2   B-NORP
        Foreign   NNP      compound  2
        Minister  NNP      compound  4
        Wanjiru   NNP      compound  4   B-PERSON
        Kamau     NNP      nsubj     5   I-PERSON
        arrived   VBD      ROOT      5
        in        IN       prep      5
        Addis     NNP      compound  8   B-GPE
        Ababa     NNP      pobj      6   I-GPE
        on        IN       prep      5
        Monday    NNP      pobj      9   B-DATE
        .         .        punct     5
        Kamau     NNP      nsubj     13
        met       VBD      ROOT      13
        Ethiopian JJ       amod      16  B-NORP
        Prime     NNP      compound  16
        Minister  NNP      compound  18
        Dawit     NNP      compound  18  B-PERSON
        Tesfaye   NNP      dobj      13  I-PERSON
        at        IN       prep      13
        his       PRP$     poss      21
        office    NN       pobj      19
        .         .        punct     13
    """)
    assert names(people) == ["Wanjiru Kamau", "Dawit Tesfaye"]
    assert [m.name for m in the(people, "Wanjiru Kamau").mentions] == ["Wanjiru Kamau", "Kamau"]


def test_chinese_surname_alone_is_the_full_name_written_surname_first():
    # Chinese Foreign Minister Zhang Wei met Pakistani Foreign Minister Imran Qureshi in Beijing. Zhang said China
    # valued the friendship.
    people = people_of("""
        Chinese    JJ       amod      2   B-NORP
        Foreign    NNP      compound  2
        Minister   NNP      compound  4
        Zhang      NNP      compound  4   B-PERSON
        Wei        NNP      nsubj     5   I-PERSON
        met        VBD      ROOT      5
        Pakistani  JJ       amod      8   B-NORP
        Foreign    NNP      compound  8
        Minister   NNP      compound  10
        Imran      NNP      compound  10  B-PERSON
        Qureshi    NNP      dobj      5   I-PERSON
        in         IN       prep      5
        Beijing    NNP      pobj      11  B-GPE
        .          .        punct     5
        Zhang      NNP      nsubj     15  B-PERSON
        said       VBD      ROOT      15
        China      NNP      nsubj     17  B-GPE
        valued     VBD      ccomp     15
        the        DT       det       19
        friendship NN       dobj      17
        .          .        punct     15
    """)
    assert names(people) == ["Zhang Wei", "Imran Qureshi"]
    assert len(the(people, "Zhang Wei").mentions) == 2


def test_malay_given_name_alone_is_the_full_name():
    # Malaysian Prime Minister Anwar Hamid met Singaporean Prime Minister Lawrence Wong. Later, Anwar flew home.
    people = people_of("""
        Malaysian   JJ       amod      2   B-NORP
        Prime       NNP      compound  2
        Minister    NNP      compound  4
        Anwar       NNP      compound  4   B-PERSON
        Hamid       NNP      nsubj     5   I-PERSON
        met         VBD      ROOT      5
        Singaporean JJ       amod      8   B-NORP
        Prime       NNP      compound  8
        Minister    NNP      compound  10
        Lawrence    NNP      compound  10  B-PERSON
        Wong        NNP      dobj      5   I-PERSON
        .           .        punct     5
        Later       RB       advmod    15
        ,           ,        punct     15
        Anwar       NNP      nsubj     15  B-PERSON
        flew        VBD      ROOT      15
        home        NN       advmod    15
        .           .        punct     15
    """)
    assert names(people) == ["Anwar Hamid", "Lawrence Wong"]
    assert len(the(people, "Anwar Hamid").mentions) == 2


def test_two_people_sharing_a_surname_are_kept_apart():
    # Peruvian Interior Minister Carla Quispe met Bolivian Interior Minister Carlos Quispe in La Paz. Carla Quispe
    # thanked Carlos Quispe for the invitation.
    people = people_of("""
        Peruvian   JJ       amod      2   B-NORP
        Interior   NNP      compound  2
        Minister   NNP      compound  4
        Carla      NNP      compound  4   B-PERSON
        Quispe     NNP      nsubj     5   I-PERSON
        met        VBD      ROOT      5
        Bolivian   JJ       amod      8   B-NORP
        Interior   NNP      compound  8
        Minister   NNP      compound  10
        Carlos     NNP      compound  10  B-PERSON
        Quispe     NNP      dobj      5   I-PERSON
        in         IN       prep      5
        La         NNP      compound  13  B-FAC
        Paz        NNP      pobj      11  I-FAC
        .          .        punct     5
        Carla      NNP      compound  16  B-PERSON
        Quispe     NNP      nsubj     17  I-PERSON
        thanked    VBD      ROOT      17
        Carlos     NNP      compound  19  B-PERSON
        Quispe     NNP      dobj      17  I-PERSON
        for        IN       prep      17
        the        DT       det       22
        invitation NN       pobj      20
        .          .        punct     17
    """)
    assert names(people) == ["Carla Quispe", "Carlos Quispe"]
    assert the(people, "Carla Quispe").country == "Peru"
    assert the(people, "Carlos Quispe").country == "Bolivia"
    assert all(len(p.mentions) == 2 for p in people)


def test_two_people_sharing_a_surname_keep_their_own_roles():
    # Danish Defence Minister Lars Holm met Norwegian Defence Minister Erik Holm in Oslo on Tuesday.
    people = people_of("""
        Danish    NNP      compound  2   B-NORP
        Defence   NNP      compound  2
        Minister  NNP      compound  4
        Lars      NNP      compound  4   B-PERSON
        Holm      NNP      nsubj     5   I-PERSON
        met       VBD      ROOT      5
        Norwegian NNP      amod      8   B-NORP
        Defence   NNP      compound  8   B-ORG
        Minister  NNP      compound  10
        Erik      NNP      compound  10  B-PERSON
        Holm      NNP      dobj      5   I-PERSON
        in        IN       prep      10
        Oslo      NNP      pobj      11  B-GPE
        on        IN       prep      5
        Tuesday   NNP      pobj      13  B-DATE
        .         .        punct     5
    """)
    assert the(people, "Lars Holm").roles == [RoleRecord(title="Defence Minister", country="Denmark")]
    assert the(people, "Erik Holm").roles == [RoleRecord(title="Defence Minister", country="Norway")]


def test_a_surname_alone_is_the_korean_name_it_leads():
    # Finance Minister Chung Min-ho met President Otieno on Monday. Chung said the talks went well.
    people = people_of(
        """
        Finance   NNP      compound  1
        Minister  NNP      compound  3
        Chung     NNP      compound  3   B-PERSON
        Min       NNP      compound  5   I-PERSON
        -         NNP      punct     5   I-PERSON
        ho        NNP      nsubj     6   I-PERSON
        met       VBD      ROOT      6
        President NNP      compound  8
        Otieno    NNP      dobj      6   B-PERSON
        on        IN       prep      6
        Monday    NNP      pobj      9   B-DATE
        .         .        punct     6
        Chung     NNP      nsubj     13  B-PERSON
        said      VBD      ROOT      13
        the       DT       det       15
        talks     NNS      nsubj     16
        went      VBD      ccomp     13
        well      RB       advmod    16
        .         .        punct     13
        """,
        text="Finance Minister Chung Min-ho met President Otieno on Monday. Chung said the talks went well.",
    )
    assert names(people) == ["Chung Min-ho", "Otieno"]
    assert [m.name for m in the(people, "Chung Min-ho").mentions] == ["Chung Min-ho", "Chung"]
