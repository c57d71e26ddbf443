"""The hand-built Docs that rule tests read are what the parser would have left."""

import pytest

from tests.extraction.docs import parsed, table

MEETING = """
    General  NNP      compound 1 B-PERSON
    Otieno   NNP      nsubj    2 I-PERSON
    met      VBD      ROOT     2
    Minister NNP      compound 4
    Tanaka   NNP      dobj     2 B-PERSON
    .        .        punct    2
    He       PRP      nsubj    7
    left     VBD      ROOT     7
    .        .        punct    7
"""


def test_a_table_gives_words_tags_tree_and_entities():
    doc = parsed(MEETING)
    assert doc.text == "General Otieno met Minister Tanaka. He left."
    assert [t.pos_ for t in doc[:3]] == ["PROPN", "PROPN", "VERB"]
    assert doc[1].head.text == "met" and doc[1].dep_ == "nsubj"
    assert [(e.text, e.label_) for e in doc.ents] == [("General Otieno", "PERSON"), ("Tanaka", "PERSON")]


def test_sentences_come_from_the_trees():
    doc = parsed(MEETING)
    assert [s.text for s in doc.sents] == ["General Otieno met Minister Tanaka.", "He left."]
    assert doc.has_annotation("DEP") and doc.has_annotation("SENT_START")


def test_a_coarse_tag_can_be_given_after_the_fine_one():
    doc = parsed("""
        She   PRP     nsubj 2
        is    VBZ/AUX aux   2
        going VBG     ROOT  2
    """)
    assert doc[1].pos_ == "AUX" and doc[1].tag_ == "VBZ"


def test_a_table_reads_back_into_the_same_doc():
    doc = parsed(MEETING)
    again = parsed(table(doc))
    assert [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in again] == [
        (t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc
    ]


def test_an_unparsed_sentence_is_a_flat_untagged_tree():
    doc = parsed("""
        Rain  NN  ROOT  0
        fell  VBD dep   0
        .     .   dep   0
        It    _   ROOT  3
        ended _   dep   3
    """)
    assert [s.text for s in doc.sents] == ["Rain fell.", "It ended"]
    assert doc[4].tag_ == "" and doc[4].pos_ == ""


def test_a_text_gives_the_spacing_of_the_words():
    table = """
        Lee  NNP   compound 3 B-PERSON
        Min  NNP   compound 3 I-PERSON
        -    HYPH  punct    3 I-PERSON
        ho   NNP   ROOT     3 I-PERSON
    """
    doc = parsed(table, text="Lee Min-ho")
    assert doc.text == "Lee Min-ho" and [t.whitespace_ for t in doc] == [" ", "", "", ""]
    assert parsed(table).text == "Lee Min - ho"  # without the text, every word but punctuation is spaced
    with pytest.raises(ValueError, match="not next in the text"):
        parsed(table, text="Lee Min-jun")
