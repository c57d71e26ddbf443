"""People's names: titles, ranks and possessives cleaned from NER spans, names the NER misses
(extraction.people).

Each table is what the trained model made of an invented sentence (one row per token: word, tag,
dependency, head, entity; see tests.extraction.docs); no model is loaded here.
"""

from extraction.records import RoleRecord
from tests.extraction.articles import names, people_of, the


# --- titles, ranks and possessives ------------------------------------------------------------------------------------
def test_rank_is_stripped_from_the_name_but_kept_in_the_mention():
    text = "Maj. Gen. Hiroshi Tanaka of Japan held talks in New Delhi with Indian officials."
    people = people_of(
        """
            Maj       NNP      compound  2
            .         NNP      compound  2
            Gen.      NNP      compound  4
            Hiroshi   NNP      compound  4   B-PERSON
            Tanaka    NNP      nsubj     7   I-PERSON
            of        IN       prep      4
            Japan     NNP      pobj      5   B-GPE
            held      VBD      ROOT      7
            talks     NNS      dobj      7
            in        IN       prep      8
            New       NNP      compound  11  B-GPE
            Delhi     NNP      pobj      9   I-GPE
            with      IN       prep      8
            Indian    JJ       amod      14  B-NORP
            officials NNS      pobj      12
            .         .        punct     7
        """,
        text=text,
    )
    tanaka = the(people, "Hiroshi Tanaka")
    mention = tanaka.mentions[0]
    assert mention.text == "Maj. Gen. Hiroshi Tanaka"
    assert text[mention.start : mention.end] == mention.text
    assert tanaka.roles == []  # a rank says how senior, not what office


def test_office_before_a_name_becomes_its_role_and_country():
    # Kenyan Foreign Minister Wanjiru Kamau arrived in Addis Ababa on Monday.
    people = people_of("""
        Kenyan   NNP      amod      2   B-NORP
        Foreign  NNP      compound  2
        Minister NNP      compound  4
        Wanjiru  NNP      compound  4   B-PERSON
        Kamau    NNP      nsubj     5   I-PERSON
        arrived  VBD      ROOT      5
        in       IN       prep      5
        Addis    NNP      compound  8   B-GPE
        Ababa    NNP      pobj      6   I-GPE
        on       IN       prep      5
        Monday   NNP      pobj      9   B-DATE
        .        .        punct     5
    """)
    kamau = the(people, "Wanjiru Kamau")
    assert kamau.roles == [RoleRecord(title="Foreign Minister", country="Kenya")]
    assert kamau.country == "Kenya"


def test_rank_between_an_office_and_a_name_is_not_part_of_the_title():
    # Japanese officials held talks in New Delhi with Indian Army Chief Gen. Rajesh Menon.
    people = people_of("""
        Japanese  JJ       amod      1   B-NORP
        officials NNS      nsubj     2
        held      VBD      ROOT      2
        talks     NNS      dobj      2
        in        IN       prep      3
        New       NNP      compound  6   B-GPE
        Delhi     NNP      pobj      4   I-GPE
        with      IN       prep      3
        Indian    NNP      compound  13  B-ORG
        Army      NNP      compound  11  I-ORG
        Chief     NNP      compound  11
        Gen.      NNP      compound  13
        Rajesh    NNP      compound  13  B-PERSON
        Menon     NNP      pobj      7   I-PERSON
        .         .        punct     2
    """)
    menon = the(people, "Rajesh Menon")
    assert menon.roles == [RoleRecord(title="Army Chief", country="India")]


def test_possessive_is_dropped_from_every_mention():
    # Kenyan President William Otieno's visit to Kampala ended on Friday. Ugandan officials praised Otieno's
    # speech.
    people = people_of("""
        Kenyan    NNP      amod      1   B-NORP
        President NNP      compound  3
        William   NNP      compound  3   B-PERSON
        Otieno    NNP      poss      5   I-PERSON
        's        POS      case      3
        visit     NN       nsubj     8
        to        IN       prep      5
        Kampala   NNP      pobj      6   B-GPE
        ended     VBD      ROOT      8
        on        IN       prep      8
        Friday    NNP      pobj      9   B-DATE
        .         .        punct     8
        Ugandan   NNP      compound  13  B-ORG
        officials NNS      nsubj     14
        praised   VBD      ROOT      14
        Otieno    NNP      poss      17  B-PERSON
        's        POS      case      15
        speech    NN       dobj      14
        .         .        punct     14
    """)
    assert names(people) == ["William Otieno"]
    assert [m.name for m in people[0].mentions] == ["William Otieno", "Otieno"]


def test_particles_stay_inside_an_arabic_name():
    text = "Iraqi President Barham Aziz received Kuwaiti Emir Sheikh Nawaf al-Sabah in Baghdad."
    people = people_of(
        """
            Iraqi     JJ       amod      1   B-NORP
            President NNP      compound  3
            Barham    NNP      compound  3   B-PERSON
            Aziz      NNP      nsubj     4   I-PERSON
            received  VBD      ROOT      4
            Kuwaiti   NNP      compound  11  B-GPE
            Emir      NNP      compound  7
            Sheikh    NNP      compound  11
            Nawaf     NNP      compound  11  B-PERSON
            al        NNP      compound  11  I-PERSON
            -         NNP      punct     11  I-PERSON
            Sabah     NNP      dobj      4   I-PERSON
            in        IN       prep      4
            Baghdad   NNP      pobj      12  B-GPE
            .         .        punct     4
        """,
        text=text,
    )
    emir = the(people, "Nawaf al-Sabah")
    assert emir.roles == [RoleRecord(title="Emir", country="Kuwait")]


def test_honorific_inside_a_name_is_part_of_the_name():
    # Somali President Abdi Sheikh Warsame said the Somali army had retaken the town.
    people = people_of("""
        Somali    JJ       amod      1
        President NNP      compound  4
        Abdi    NNP      compound  4   B-PERSON
        Sheikh    NNP      compound  4   I-PERSON
        Warsame   NNP      nsubj     5   I-PERSON
        said      VBD      ROOT      5
        the       DT       det       8
        Somali    JJ       amod      8   B-NORP
        army      NN       nsubj     10
        had       VBD/AUX  aux       10
        retaken   VBN      ccomp     5
        the       DT       det       12
        town      NN       dobj      10
        .         .        punct     5
    """)
    assert names(people) == ["Abdi Sheikh Warsame"]
    assert people[0].roles == [RoleRecord(title="President", country="Somalia")]


def test_title_inside_the_ner_span_becomes_the_role():
    # Saudi Foreign Minister Faisal Rahman said he had met Qatari Emir Tamim Hamad.
    people = people_of("""
        Saudi    JJ       amod      2   B-NORP
        Foreign  NNP      compound  2
        Minister NNP      compound  4
        Faisal   NNP      compound  4   B-PERSON
        Rahman   NNP      nsubj     5   I-PERSON
        said     VBD      ROOT      5
        he       PRP      nsubj     8
        had      VBD/AUX  aux       8
        met      VBN      ccomp     5
        Qatari   NNP      compound  12  B-PERSON
        Emir     NNP      compound  12  I-PERSON
        Tamim    NNP      compound  12  I-PERSON
        Hamad    NNP      dobj      8   I-PERSON
        .        .        punct     5
    """)
    assert names(people) == ["Faisal Rahman", "Tamim Hamad"]
    assert the(people, "Tamim Hamad").roles == [RoleRecord(title="Emir", country="Qatar")]


def test_hyphenated_korean_given_name_is_kept_whole():
    text = "Thai Prime Minister Somchai Wongsawat met South Korean President Lee Min-ho in Seoul."
    people = people_of(
        """
            Thai      NNP      amod      2   B-NORP
            Prime     NNP      compound  2
            Minister  NNP      compound  4
            Somchai   NNP      compound  4   B-PERSON
            Wongsawat NNP      nsubj     5   I-PERSON
            met       VBD      ROOT      5
            South     JJ       amod      7   B-NORP
            Korean    JJ       amod      8   I-NORP
            President NNP      compound  10
            Lee       NNP      compound  10  B-PERSON
            Min       NNP      dobj      5   I-PERSON
            -         NNP      dobj      5   I-PERSON
            ho        NNP      dobj      5   I-PERSON
            in        IN       prep      5
            Seoul     NNP      pobj      13  B-GPE
            .         .        punct     5
        """,
        text=text,
    )
    assert names(people) == ["Somchai Wongsawat", "Lee Min-ho"]
    assert the(people, "Lee Min-ho").roles == [RoleRecord(title="President", country="South Korea")]


# --- names the NER misses ---------------------------------------------------------------------------------------------
def test_name_after_a_title_is_found_when_the_ner_misses_it():
    # The Ugandan Army Commander Moses Okello said the border was calm.
    people = people_of("""
        The       DT       det       3
        Ugandan   NNP      compound  2
        Army      NNP      compound  3
        Commander NNP      compound  5
        Moses     NNP      compound  5
        Okello    NNP      nsubj     6
        said      VBD      ROOT      6
        the       DT       det       8
        border    NN       nsubj     9
        was       VBD/AUX  ccomp     6
        calm      JJ       acomp     9
        .         .        punct     6
    """)
    assert names(people) == ["Moses Okello"]


def test_name_found_after_a_title_keeps_that_title_as_its_role():
    # The Ugandan Army Commander Moses Okello said the border was calm.
    people = people_of("""
        The       DT       det       3
        Ugandan   NNP      compound  2
        Army      NNP      compound  3
        Commander NNP      compound  5
        Moses     NNP      compound  5
        Okello    NNP      nsubj     6
        said      VBD      ROOT      6
        the       DT       det       8
        border    NN       nsubj     9
        was       VBD/AUX  ccomp     6
        calm      JJ       acomp     9
        .         .        punct     6
    """)
    assert the(people, "Moses Okello").roles == [RoleRecord(title="Army Commander", country="Uganda")]
