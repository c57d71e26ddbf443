"""Ingest parses only the sentences that can hold an event; what it extracts is what a full parse gives."""

from datetime import date

import pytest

from extraction.pipeline import extract_article, extract_texts
from extraction.runtime.nlp import parse_selectively

pytestmark = pytest.mark.model

TEXT = (
    "The harvest was good this year in the northern provinces.\n"
    "Kenyan Foreign Minister Ruth Njeri arrived in Addis Ababa on Monday for a two-day visit. "
    "Rain is expected across the region. "
    "Njeri met Ethiopian Prime Minister Dawit Bekele and discussed the dam."
)
PUBLISHED = date(2021, 3, 17)


def test_sentences_without_a_trigger_keep_their_boundaries_and_get_no_real_parse(nlp_model):
    [doc] = parse_selectively(nlp_model, [TEXT], batch_size=4)
    sentences = list(doc.sents)
    assert [s.text.split()[0] for s in sentences] == ["The", "Kenyan", "Rain", "Njeri"]
    assert {t.dep_ for t in sentences[0][1:]} == {"dep"}  # flat: not worth a parse
    assert "nsubj" in {t.dep_ for t in sentences[3]}  # a meeting: parsed


def test_the_pipeline_is_restored_after_a_selective_batch(nlp_model):
    names = list(nlp_model.pipe_names)
    list(parse_selectively(nlp_model, [TEXT], batch_size=4))
    assert nlp_model.pipe_names == names


def test_selective_and_full_parses_extract_the_same_events(nlp_model):
    [fast] = extract_texts(nlp_model, [(TEXT, PUBLISHED)])
    full = extract_article(nlp_model(TEXT), published=PUBLISHED)

    def summary(extraction):
        names = {p.key: p.name for p in extraction.people}
        return sorted(
            (
                e.kind,
                tuple(sorted(names[p.person] for p in e.participants if p.person is not None)),
                e.host_country,
                e.date.start,
            )
            for e in extraction.events
        )

    assert summary(fast) == summary(full)
    assert ("meeting", ("Dawit Bekele", "Ruth Njeri"), "Ethiopia", date(2021, 3, 15)) in summary(fast)


def test_sentences_with_nothing_to_name_get_no_tags_or_entities(nlp_model):
    text = "Kenyan President William Otieno spoke in Nairobi. it rained all day and the roads were closed."
    [doc] = parse_selectively(nlp_model, [text], batch_size=1)
    first, second = doc.sents
    assert {t.tag_ for t in first} - {""} and [e.text for e in first.ents if e.label_ == "PERSON"] == ["William Otieno"]
    assert {t.tag_ for t in second} == {""} and not second.ents


def test_a_full_stop_before_a_capitalised_word_ends_a_sentence_but_not_after_a_short_title(nlp_model):
    text = (
        "Leaders of Kenya and Uganda gathered in Nairobi on November 6-7. Kenyan President William Otieno "
        "attended. Gen. Moses Okello was there too."
    )
    [doc] = parse_selectively(nlp_model, [text], batch_size=1)
    starts = [s[0].text for s in doc.sents]
    assert "Kenyan" in starts
    assert "Moses" not in starts
