"""From parsed text to an ArticleExtraction: the one entry point of the pure extraction layer."""

from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from extraction.records import ArticleExtraction
from extraction.runtime.bounds import Bound, bounded

if TYPE_CHECKING:
    from extraction.runtime.nlp import CuratedNames


def extract_article(doc: Doc, *, published: date | None) -> ArticleExtraction:
    """People and events of one parsed article; `published` anchors relative dates."""
    from extraction.events import find_events
    from extraction.people import find_people

    if not (doc.has_annotation("DEP") and doc.has_annotation("SENT_START")):
        raise ValueError("the spaCy pipeline must have a parser: extraction reads sentences and dependencies")
    people = find_people(doc)
    events = find_events(doc, people, published=published)
    return ArticleExtraction(people=people, events=events)


def extract_texts(
    nlp: Language, items: Iterable[tuple[str, date | None]], *, batch_size: int = 32
) -> Iterator[ArticleExtraction]:
    """Parse texts in batches and extract each; order is kept. Works in any process: no database."""
    from extraction.runtime.nlp import parse_selectively

    pairs = ((text, published) for text, published in items)
    for doc, published in parse_selectively(nlp, pairs, as_tuples=True, batch_size=batch_size):
        yield extract_article(doc, published=published)


# --- worker processes: each loads the pipeline once, then extracts what it is sent ---
_worker_nlp: Language | None = None


def worker_init(model: str, max_characters: int, names: "CuratedNames | None" = None) -> None:
    """Pool initializer: load the spaCy pipeline in this worker process, recognising the curated names."""
    global _worker_nlp
    from extraction.runtime.nlp import load_nlp, use_curated_names

    _worker_nlp = load_nlp(model, max_characters=max_characters)
    if names is not None:
        use_curated_names(_worker_nlp, names)


def worker_extract(batch: list[tuple[str, date | None]], bound: Bound) -> list[ArticleExtraction]:
    """Pool task: extract a batch of (body, publication date) pairs within `bound` (OverBound when it cannot)."""
    assert _worker_nlp is not None, "worker_init was not run"
    with bounded(bound):
        return list(extract_texts(_worker_nlp, batch, batch_size=max(1, len(batch))))
