"""People's roles and countries from appositions and longer office phrases (extraction.people).

Each table is what the trained model made of an invented sentence (one row per token: word, tag,
dependency, head, entity; see tests.extraction.docs); no model is loaded here.
"""

import pytest

from extraction.records import RoleRecord
from tests.extraction.articles import extract, names, people_of, the


# --- roles from appositions and longer office phrases -----------------------------------------------------------------
def test_former_office_in_apposition_gives_title_and_country():
    # Girma Bekele, the former Ethiopian Defence Minister, criticised the agreement with Eritrea.
    people = people_of("""
        Girma      NNP      compound  1   B-PERSON
        Bekele     NNP      nsubj     9   I-PERSON
        ,          ,        punct     1
        the        DT       det       7
        former     JJ       amod      7
        Ethiopian  JJ       compound  7   B-NORP
        Defence    NNP      compound  7
        Minister   NNP      appos     1
        ,          ,        punct     1
        criticised VBD      ROOT      9
        the        DT       det       11
        agreement  NN       dobj      9
        with       IN       prep      11
        Eritrea    NNP      pobj      12  B-GPE
        .          .        punct     9
    """)
    bekele = the(people, "Girma Bekele")
    assert bekele.roles == [RoleRecord(title="Defence Minister", country="Ethiopia")]


def test_head_of_an_agency_before_a_name_is_the_role_and_the_name_is_completed():
    # The head of the Egyptian General Intelligence Agency Tarek Mansour flew to Khartoum.
    people = people_of("""
        The          DT       det       1
        head         NN       nsubj     10
        of           IN       prep      1
        the          DT       det       9   B-ORG
        Egyptian     JJ       compound  7   I-ORG
        General      NNP      compound  6   I-ORG
        Intelligence NNP      compound  7   I-ORG
        Agency       NNP      compound  9   I-ORG
        Tarek        NNP      compound  9
        Mansour      NNP      pobj      2   B-PERSON
        flew         VBD      ROOT      10
        to           IN       prep      10
        Khartoum     NNP      pobj      11  B-GPE
        .            .        punct     10
    """)
    mansour = the(people, "Tarek Mansour")
    assert mansour.roles == [RoleRecord(title="Head of the General Intelligence Agency", country="Egypt")]


def test_office_before_a_comma_is_the_role_of_the_name_after_it():
    # The spokesman for the Moroccan Foreign Ministry, Youssef Alaoui, said Rabat would respond.
    people = people_of("""
        The       DT       det       1
        spokesman NN       nsubj     11
        for       IN       prep      1
        the       DT       det       6   B-ORG
        Moroccan  NNP      compound  6   I-ORG
        Foreign   NNP      compound  6   I-ORG
        Ministry  NNP      pobj      2   I-ORG
        ,         ,        punct     1
        Youssef   NNP      compound  9   B-PERSON
        Alaoui    NNP      appos     1   I-PERSON
        ,         ,        punct     1
        said      VBD      ROOT      11
        Rabat     NNP      nsubj     14  B-PERSON
        would     MD       aux       14
        respond   VB       ccomp     11
        .         .        punct     11
    """)
    assert names(people) == ["Youssef Alaoui"]
    assert people[0].roles == [RoleRecord(title="Spokesman for the Foreign Ministry", country="Morocco")]


def test_country_possessive_before_an_office_gives_the_country():
    # Ghana's President Kwame Asante met Ivorian President Alassane Kone in Accra.
    people = people_of("""
        Ghana     NNP      poss      4   B-GPE
        's        POS      case      0
        President NNP      compound  4
        Kwame     NNP      compound  4   B-PERSON
        Asante    NNP      nsubj     5   I-PERSON
        met       VBD      ROOT      5
        Ivorian   JJ       amod      7   B-NORP
        President NNP      compound  9
        Alassane  NNP      compound  9   B-PERSON
        Kone      NNP      dobj      5   I-PERSON
        in        IN       prep      5
        Accra     NNP      pobj      10  B-GPE
        .         .        punct     5
    """)
    assert the(people, "Kwame Asante").roles == [RoleRecord(title="President", country="Ghana")]
    assert the(people, "Alassane Kone").country == "Ivory Coast"


SRI_LANKAN = """
    Sri      NNP      compound  1   B-PERSON
    Lankan   NNP      compound  3   I-PERSON
    Foreign  NNP      compound  3
    Minister NNP      compound  5
    Nimal    NNP      compound  5   B-PERSON
    Perera   NNP      nsubj     6   I-PERSON
    arrived  VBD      ROOT      6
    in       IN       prep      6
    Dhaka    NNP      pobj      7   B-GPE
    .        .        punct     6
"""
SOUTH_AFRICAN = """
    South     JJ       amod      1   B-NORP
    African   JJ       amod      2   I-NORP
    President NNP      compound  3
    Sipho     NNPS     compound  4   B-PERSON
    Ndlovu    NNP      nsubj     5   I-PERSON
    arrived   VBD      ROOT      5
    in        IN       prep      5
    Harare    NNP      pobj      6   B-GPE
    on        IN       prep      5
    Tuesday   NNP      pobj      8   B-DATE
    .         .        punct     5
"""


@pytest.mark.parametrize(
    ("table", "name", "country"),
    [
        (SRI_LANKAN, "Nimal Perera", "Sri Lanka"),  # the NER takes "Sri Lankan" for a person
        (SOUTH_AFRICAN, "Sipho Ndlovu", "South Africa"),
    ],
)
def test_two_word_demonym_is_a_country_not_a_person(table, name, country):
    people = people_of(table)
    assert names(people) == [name]
    assert people[0].country == country


def test_demonym_before_a_rank_gives_the_country():
    # Sudanese General Yasir Osman said the army had retaken Omdurman.
    people = people_of("""
        Sudanese JJ       compound  3   B-NORP
        General  NNP      compound  3
        Yasir    NNP      compound  3   B-PERSON
        Osman    NNP      nsubj     4   I-PERSON
        said     VBD      ROOT      4
        the      DT       det       6
        army     NN       nsubj     8
        had      VBD/AUX  aux       8
        retaken  VBN      ccomp     4
        Omdurman NNP      dobj      8   B-NORP
        .        .        punct     4
    """)
    assert the(people, "Yasir Osman").country == "Sudan"


# --- people who hold no office --------------------------------------------------------------------------------------
def test_a_prince_or_princess_without_an_office_is_no_participant():
    # President Otieno met Prince Kamau and Princess Wanjiru.
    a = extract("""
        President NNP      compound  1
        Otieno    NNP      nsubj     2   B-PERSON
        met       VBD      ROOT      2
        Prince    NNP      compound  4
        Kamau     NNP      dobj      2
        and       CC       cc        4
        Princess  NNP      compound  7
        Wanjiru   NNP      conj      4
        .         .        punct     2
    """)
    assert the(a.people, "Wanjiru").roles == [RoleRecord(title="Princess")]
    assert a.events == []


def test_a_prince_the_text_gives_an_office_is_a_participant():
    # Foreign Minister Prince Kamau met President Otieno.
    a = extract("""
        Foreign   NNP      compound  1
        Minister  NNP      compound  3
        Prince    NNP      compound  3
        Kamau     NNP      nsubj     4   B-PERSON
        met       VBD      ROOT      4
        President NNP      compound  6
        Otieno    NNP      dobj      4   B-PERSON
        .         .        punct     4
    """)
    assert set(a.sides(a.one("meeting"))) == {"Kamau", "Otieno"}


def test_a_crown_prince_is_left_a_participant():
    # Crown Prince Kamau met President Otieno.
    a = extract("""
        Crown     NNP      compound  1
        Prince    NNP      compound  2
        Kamau     NNP      nsubj     3   B-PERSON
        met       VBD      ROOT      3
        President NNP      compound  5
        Otieno    NNP      dobj      3   B-PERSON
        .         .        punct     3
    """)
    assert set(a.sides(a.one("meeting"))) == {"Kamau", "Otieno"}


def test_an_opposition_leader_is_no_participant():
    # Opposition leader Kamau met President Otieno in Nairobi.
    a = extract("""
        Opposition NN       compound  1
        leader     NN       compound  2
        Kamau      NNP      nsubj     3   B-PERSON
        met        VBD      ROOT      3
        President  NNP      compound  5
        Otieno     NNP      dobj      3   B-PERSON
        in         IN       prep      3
        Nairobi    NNP      pobj      6   B-GPE
        .          .        punct     3
    """)
    assert a.events == []
