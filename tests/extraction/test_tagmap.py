"""The tag mapper gives exactly the attribute ruler's coarse tags, and leaves the ruler alone when it cannot."""

import pytest
import spacy
from spacy.tokens import Doc

from extraction.runtime.tagmap import TagMapper, UnsupportedPattern, replace_attribute_ruler

WORDS = ["There", "is", "a", "summit", "\n", "and", "she", "will", "visit", "Oslo"]
TAGS = ["EX", "VBZ", "DT", "NN", "_SP", "CC", "PRP", "MD", "VB", "NNP"]
DEPS = ["expl", "ROOT", "det", "attr", "dep", "cc", "nsubj", "aux", "conj", "dobj"]
HEADS = [1, 1, 3, 1, 3, 1, 8, 8, 1, 8]


def blank_with_ruler(patterns: list[dict]):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp


def tagged_doc(nlp, *, parsed: bool) -> Doc:
    extra = {"deps": DEPS, "heads": HEADS} if parsed else {}
    return Doc(nlp.vocab, words=WORDS, spaces=[True] * len(WORDS), tags=TAGS, **extra)


RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"TAG": {"IN": ["VB", "VBZ"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": "is"}]], "attrs": {"POS": "AUX", "LEMMA": "be"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^the(re|se)$"}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"LOWER": "she"}]], "attrs": {"POS": "PRON"}},
]


def annotations(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.tag_, t.pos_, t.dep_) for t in doc]


@pytest.mark.parametrize("parsed", [False, True], ids=["before the parser", "after the parser"])
def test_the_mapper_sets_what_the_ruler_sets(parsed):
    nlp = blank_with_ruler(RULES)
    by_ruler = nlp.get_pipe("attribute_ruler")(tagged_doc(nlp, parsed=parsed))
    by_mapper = TagMapper.from_ruler(nlp.get_pipe("attribute_ruler"))(tagged_doc(nlp, parsed=parsed))
    assert annotations(by_mapper) == annotations(by_ruler)


def test_a_later_pattern_wins_over_an_earlier_one_as_in_the_ruler():
    nlp = blank_with_ruler(RULES)
    doc = TagMapper.from_ruler(nlp.get_pipe("attribute_ruler"))(tagged_doc(nlp, parsed=False))
    assert doc[1].pos_ == "AUX"  # "is": the word rule comes after the tag rule
    assert doc[8].pos_ == "VERB"
    assert doc[4].pos_ == "SPACE"


def test_multi_token_patterns_apply_where_the_parse_allows_them():
    nlp = blank_with_ruler(RULES)
    mapper = TagMapper.from_ruler(nlp.get_pipe("attribute_ruler"))
    assert mapper(tagged_doc(nlp, parsed=True))[1].pos_ == "VERB"  # "There is": existential, after a parse
    assert mapper(tagged_doc(nlp, parsed=False))[1].pos_ == "AUX"  # no dependencies yet: the word rule


def test_a_pattern_on_an_attribute_it_cannot_test_keeps_the_ruler():
    nlp = blank_with_ruler([*RULES, {"patterns": [[{"ORTH": "Oslo"}]], "attrs": {"POS": "PROPN"}}])
    with pytest.raises(UnsupportedPattern):
        TagMapper.from_ruler(nlp.get_pipe("attribute_ruler"))
    assert replace_attribute_ruler(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]


def test_the_ruler_is_replaced_in_place():
    nlp = blank_with_ruler(RULES)
    assert replace_attribute_ruler(nlp) is True
    assert nlp.pipe_names == ["parley_tag_mapper"]


@pytest.mark.model
def test_on_the_trained_pipeline_every_token_gets_the_rulers_tags(nlp_model):
    """The loaded pipeline has the mapper; a fresh copy of the model with its ruler agrees token for token."""
    assert "parley_tag_mapper" in nlp_model.pipe_names
    assert "attribute_ruler" not in nlp_model.pipe_names
    reference = spacy.load(nlp_model.meta["lang"] + "_" + nlp_model.meta["name"], exclude=["lemmatizer"])
    text = (
        "There is no doubt that the ministers will meet again. The talks, which were held in Cairo, ended late.\n"
        "Nobody has said whether she'd go; something must be done, but they haven't decided. Let's see!"
    )
    assert annotations(nlp_model(text)) == annotations(reference(text))
