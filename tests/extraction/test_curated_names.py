"""Names curators vouch for are recognised before the statistical NER: a blank pipeline shows what the recogniser
marks, with no trained model."""

import spacy

from extraction.runtime.nlp import CURATED_NAMES_PIPE, CuratedNames, CuratedNamesRecognizer, use_curated_names


def people(nlp, text: str) -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == "PERSON"]


def blank_with(*names: str):
    nlp = spacy.blank("en")
    use_curated_names(nlp, CuratedNames(version="1", people=names))
    return nlp


def test_a_vouched_name_is_marked_a_person_wherever_it_is_written():
    nlp = blank_with("Precious Sibanda", "Jean-Yves Dromard")
    assert people(nlp, "Talks with Precious Sibanda and Jean-Yves Dromard ended.") == [
        "Precious Sibanda",
        "Jean-Yves Dromard",
    ]


def test_the_longest_vouched_name_wins_and_a_match_ends_on_a_word_boundary():
    nlp = blank_with("Precious Sibanda", "Precious Sibanda Moyo")
    assert people(nlp, "Precious Sibanda Moyo spoke.") == ["Precious Sibanda Moyo"]
    assert people(nlp, "Precious Sibandas spoke.") == []


def test_a_lone_word_is_never_a_pattern():
    """'Malik' vouched for one man would claim every other Malik of every text."""
    nlp = blank_with("Malik", "Farid Malik")
    assert people(nlp, "Malik met Nadia Rehana Malik.") == []


def test_the_recogniser_is_rebuilt_only_when_the_register_changes():
    nlp = blank_with("Precious Sibanda")
    recognizer = nlp.get_pipe(CURATED_NAMES_PIPE)
    use_curated_names(nlp, CuratedNames(version="1", people=("Precious Sibanda",)))
    assert nlp.get_pipe(CURATED_NAMES_PIPE) is recognizer
    use_curated_names(nlp, CuratedNames(version="2", people=("Bright Moyo",)))
    assert people(nlp, "Precious Sibanda met Bright Moyo.") == ["Bright Moyo"]
    use_curated_names(nlp, CuratedNames(version="3"))
    assert CURATED_NAMES_PIPE not in nlp.pipe_names


def test_a_hundred_thousand_names_are_held_and_matched_exactly():
    recognizer = CuratedNamesRecognizer()
    recognizer.set_names(f"Given{i % 50} Family{i}" for i in range(100_000))  # 2,000 names per given name
    nlp = spacy.blank("en")
    doc = recognizer(nlp("Given49 Family99999 met Given5 Family6 and Given5 Family55."))
    assert [e.text for e in doc.ents] == ["Given49 Family99999", "Given5 Family55"]
