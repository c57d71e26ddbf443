"""Rules for people on hand-built Docs: what the small model gets wrong, and the repair each rule makes.

Every sentence is invented; the tables say exactly what the tagger, parser and NER would have left.
"""

from extraction.people import find_people
from extraction.records import PersonRecord, RoleRecord
from tests.extraction.docs import parsed


def names(people: list[PersonRecord]) -> list[str]:
    return [p.name for p in people]


def the(people: list[PersonRecord], name: str) -> PersonRecord:
    found = [p for p in people if p.name == name]
    assert len(found) == 1, f"expected one {name!r} in {names(people)}"
    return found[0]


# --- names polluted by neighbouring words -------------------------------------------------------------------------
def test_a_portfolio_the_ner_ran_into_a_name_is_not_part_of_it():
    doc = parsed("""
        Envoy    NNP compound 4
        for      IN  prep     0
        Climate  NNP compound 3 B-PERSON
        Change   NNP compound 4 I-PERSON
        Ana      NNP compound 5 I-PERSON
        Ruiz     NNP nsubj    6 I-PERSON
        arrived  VBD ROOT     6
        .        .   punct    6
    """)
    assert names(find_people(doc)) == ["Ana Ruiz"]


def test_a_department_before_a_name_is_not_part_of_it():
    doc = parsed("""
        U.S.     NNP compound 3 B-GPE
        Treasury NNP compound 3 B-PERSON
        Tanaka   NNP compound 3 I-PERSON
        Moreau   NNP nsubj    4 I-PERSON
        spoke    VBD ROOT     4
        .        .   punct    4
    """)
    assert names(find_people(doc)) == ["Tanaka Moreau"]


def test_a_hyphenated_qualifier_of_a_title_is_part_of_the_role_not_the_name():
    doc = parsed("""
        Prime     NNP compound 1
        Minister  NNP compound 5
        -         HYPH punct   3
        designate NN  compound 5 B-PERSON
        Aiko      NNP compound 5 I-PERSON
        Tanaka    NNP nsubj    6 I-PERSON
        spoke     VBD ROOT     6
        .         .   punct    6
    """)
    tanaka = the(find_people(doc), "Aiko Tanaka")
    assert tanaka.roles == [RoleRecord(title="Prime Minister-designate")]


def test_a_weekday_before_a_title_is_not_part_of_the_office():
    doc = parsed("""
        On        IN  prep     5
        Sunday    NNP pobj     0 B-DATE
        President NNP compound 4
        Jean      NNP compound 4 B-PERSON
        Moreau    NNP nsubj    5 I-PERSON
        spoke     VBD ROOT     5
        .         .   punct    5
    """)
    assert the(find_people(doc), "Jean Moreau").roles == [RoleRecord(title="President")]


# --- people the NER misses or cuts short --------------------------------------------------------------------------
def test_a_name_runs_on_through_particles_even_into_a_place_name():
    doc = parsed("""
        He        PRP nsubj    1
        called    VBD ROOT     1
        Mexican   JJ  amod     3 B-NORP
        president NN  compound 7
        Luis      NNP compound 7 B-PERSON
        de        NNP compound 7 I-PERSON
        la        NNP compound 7 I-PERSON
        Madrid    NNP dobj     1 B-GPE
        .         .   punct    1
    """)
    person = the(find_people(doc), "Luis de la Madrid")
    assert person.country == "Mexico"


def test_a_name_after_a_lower_case_office_is_found_when_the_ner_misses_it():
    doc = parsed("""
        He        PRP nsubj    1
        met       VBD ROOT     1
        Kenyan    JJ  amod     3 B-NORP
        president NN  compound 5
        Otieno    NNP compound 5
        Kamau     NNP dobj     1
        .         .   punct    1
    """)
    kamau = the(find_people(doc), "Otieno Kamau")
    assert kamau.roles == [RoleRecord(title="President", country="Kenya")]


def test_holders_listed_after_a_plural_office_with_their_countries_are_people():
    doc = parsed("""
        Presidents NNS dep  0
        Otieno     NNP dep  0
        Kamau      NNP dep  0
        of         IN  dep  0
        Kenya      NNP dep  0 B-GPE
        and        CC  dep  0
        Jean       NNP dep  0 B-ORG
        Moreau     NNP dep  0 I-ORG
        of         IN  dep  0 I-ORG
        Benin      NNP dep  0 B-GPE
        signed     VBD dep  0
        .          .   dep  0
    """)
    people = find_people(doc)
    assert names(people) == ["Otieno Kamau", "Jean Moreau"]
    assert the(people, "Otieno Kamau").roles == [RoleRecord(title="President", country="Kenya")]
    assert the(people, "Jean Moreau").country == "Benin"


def test_one_word_before_of_a_country_is_not_a_listed_person():
    doc = parsed("""
        Storms NNS dep  0
        hit    VBD dep  0
        Cuba   NNP dep  0 B-GPE
        and    CC  dep  0
        Gulf   NNP dep  0
        of     IN  dep  0
        Mexico NNP dep  0 B-GPE
        .      .   dep  0
    """)
    assert names(find_people(doc)) == []


def test_a_title_then_a_name_of_a_country_gives_that_country():
    doc = parsed("""
        King   NNP compound 1
        Hamad  NNP nsubj    5 B-PERSON
        of     IN  prep     1
        Saudi  NNP compound 4 B-GPE
        Arabia NNP pobj     2 I-GPE
        left   VBD ROOT     5
        .      .   punct    5
    """)
    hamad = the(find_people(doc), "Hamad")
    assert hamad.country == "Saudi Arabia"
    assert hamad.roles == [RoleRecord(title="King", country="Saudi Arabia")]


def test_abbreviated_titles_get_the_norm_of_a_title_the_tagger_reads():
    import spacy

    from extraction.runtime.nlp import norm_abbreviated_titles

    vocab = spacy.blank("en").vocab
    norm_abbreviated_titles(vocab)
    assert vocab["PM"].norm_ == "premier" and vocab["FM"].norm_ == "minister"
    assert vocab["pm"].norm_ == "pm"  # "5 pm" stays a time
