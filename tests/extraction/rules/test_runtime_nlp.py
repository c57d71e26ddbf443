"""The rules of selective parsing that need no trained model: where sentences end, which sentences are worth
tagging or parsing, and the flat trees of the others (extraction.runtime.nlp, extraction.triggers).

How they work together on the trained pipeline is specified in tests/extraction/test_selective_parse.py.
"""

import spacy

from extraction.runtime.nlp import line_breaks, sentence_ends, worth_analysing, write_trees
from extraction.triggers import may_hold_event
from tests.extraction.docs import parsed

STOP_WORDS = spacy.blank("en").Defaults.stop_words


def words_of(text: str):
    """The words of `text`, as the tokenizer splits them, with no sentence boundary yet."""
    return spacy.blank("en").make_doc(text)


def test_a_full_stop_before_a_capitalised_word_ends_a_sentence_but_not_after_a_short_title():
    doc = sentence_ends(
        words_of(
            "Leaders of Kenya and Uganda gathered in Nairobi on November 6-7. Kenyan President William Otieno "
            "attended. Gen. Moses Okello was there too."
        )
    )
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Kenyan" in starts
    assert "Moses" not in starts


def test_a_line_break_ends_a_sentence():
    doc = line_breaks(words_of("Talks in Cairo\nKenyan President William Otieno arrived on Monday."))
    assert [t.text for t in doc[1:] if t.is_sent_start] == ["Kenyan"]


def test_only_sentences_that_may_name_someone_or_report_an_event_are_worth_analysing():
    doc = parsed("""
        The       _  ROOT  0
        harvest   _  dep   0
        was       _  dep   0
        good      _  dep   0
        .         _  dep   0
        it        _  ROOT  5
        rained    _  dep   5
        .         _  dep   5
        Rain      _  ROOT  8
        is        _  dep   8
        expected  _  dep   8
        .         _  dep   8
        the       _  ROOT  12
        talks     _  dep   12
        ended     _  dep   12
        .         _  dep   12
        Njeri     _  ROOT  16
        left      _  dep   16
        .         _  dep   16
    """)
    assert [worth_analysing(s, stop_words=STOP_WORDS) for s in doc.sents] == [False, False, True, True, True]


def test_only_a_trigger_word_with_someone_or_somewhere_named_needs_a_parse():
    doc = parsed("""
        Kenyan    NNP  ROOT  0   B-NORP
        officials NNS  dep   0
        met       VBD  dep   0
        .         .    dep   0
        Rain      NN   ROOT  4
        met       VBD  dep   4
        the       DT   dep   4
        hills     NNS  dep   4
        .         .    dep   4
        She       PRP  ROOT  9
        met       VBD  dep   9
        them      PRP  dep   9
        .         .    dep   9
        Njeri     NNP  ROOT  13  B-PERSON
        slept     VBD  dep   13
        .         .    dep   13
    """)
    assert [may_hold_event(s) for s in doc.sents] == [True, False, True, False]


def test_unparsed_sentences_get_flat_trees_and_parsed_ones_keep_theirs():
    doc = parsed("""
        Rain      NN   ROOT  0
        fell      VBD  dep   0
        .         .    dep   0
        Njeri     NNP  ROOT  3   B-PERSON
        met       VBD  dep   3
        Bekele    NNP  dep   3   B-PERSON
        .         .    dep   3
    """)
    sentence = parsed("""
        Njeri     NNP  nsubj  1  B-PERSON
        met       VBD  ROOT   1
        Bekele    NNP  dobj   1  B-PERSON
        .         .    punct  1
    """)
    write_trees(doc, [(3, sentence)])
    assert [(t.dep_, t.head.i) for t in doc] == [
        ("ROOT", 0), ("dep", 0), ("dep", 0),
        ("nsubj", 4), ("ROOT", 4), ("dobj", 4), ("punct", 4),
    ]  # fmt: skip
    assert [s.text for s in doc.sents] == ["Rain fell.", "Njeri met Bekele."]
