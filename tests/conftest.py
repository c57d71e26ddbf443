"""Fixtures shared by the whole suite."""

import pytest


@pytest.fixture(scope="session")
def nlp_model():
    """The trained spaCy pipeline named by settings.SPACY_MODEL; only tests marked `model` use it."""
    from entities.extraction.nlp import load_nlp

    return load_nlp()
