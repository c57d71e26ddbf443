"""Fixtures for the article tests: the sample corpus, a blank spaCy pipeline, files written on demand."""

from pathlib import Path

import numpy
import pytest
import spacy
from django.conf import settings
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

SEEDS = Path(settings.BASE_DIR) / "data" / "seeds"
SENTENCE_ENDS = {".", "!", "?"}
ROOT, DEP_LABEL = "ROOT", "dep"


@Language.component("flat_parse")
def flat_parse(doc: Doc) -> Doc:
    """A stand-in parser: sentences end at . ! ?, and every word hangs from its sentence's first word.

    Extraction walks the dependency tree, so docs need one; spaCy's sentencizer alone leaves a doc whose
    tree must not be walked.
    """
    heads, start = [], 0
    for token in doc:
        if token.i and doc[token.i - 1].text in SENTENCE_ENDS:
            start = token.i
        heads.append((start - token.i, ROOT if token.i == start else DEP_LABEL))
    if heads:
        labels = [(offset, doc.vocab.strings.add(label)) for offset, label in heads]
        doc.from_array([HEAD, DEP], numpy.array(labels, dtype="int64").astype("uint64"))
    return doc


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    """The real extraction code on an untrained English pipeline: results of the same shape, no model to load."""
    nlp = spacy.blank("en")
    nlp.add_pipe("flat_parse")
    return nlp


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path (text as UTF-8, or bytes as given) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
