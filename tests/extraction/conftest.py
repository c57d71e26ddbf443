"""What the extraction specifications share: an invented article, parsed as ingest parses it, with questions
about its events (tests.extraction.articles; its `extract` reads a hand-built Doc instead)."""

from datetime import date

import pytest

from extraction.runtime.nlp import parse_selectively
from tests.extraction.articles import PUBLISHED, Article, read


@pytest.fixture
def article(nlp_model):
    def extract(text: str, published: date | None = PUBLISHED) -> Article:
        [doc] = parse_selectively(nlp_model, [text], batch_size=1)  # as ingest parses
        return read(doc, published)

    return extract
