"""Loading the spaCy pipeline once per process, and parsing only the sentences that can hold an event.

The dependency parser is the costliest component and events are the only readers of its trees, so
ingest tags and tags entities in every sentence (sentence boundaries from the statistical `senter`)
and parses just the sentences with a trigger word; the others get a flat tree that keeps their
boundaries. A pipeline without `senter` falls back to parsing whole documents.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache

import numpy
import spacy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

from entities.extraction.pos import replace_attribute_ruler

# The lemmatizer is not read by extraction; the rest are (tagger for name checks, parser for events).
UNUSED_COMPONENTS = ("lemmatizer",)


@Language.component("parley_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: web pages put headings on lines of their own, without a full stop."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@cache
def load_nlp(model: str | None = None) -> Language:
    """The pipeline named by settings.SPACY_MODEL (or `model`), loaded once per process."""
    if model is None:
        from django.conf import settings

        model = settings.SPACY_MODEL
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed (set SPACY_MODEL or pip install the package): {exc}"
        ) from exc
    replace_attribute_ruler(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("parley_line_breaks", before="parser")
    if "senter" in nlp.component_names and "parser" in nlp.pipe_names:
        # sentence boundaries without the parser, then the same line-break rule after them
        nlp.add_pipe("parley_line_breaks", name="parley_line_breaks_after_senter", after="senter")
        nlp.disable_pipe("parley_line_breaks_after_senter")
    # ingest refuses files over INGEST_MAX_FILE_BYTES; whatever it accepts, spaCy must take
    nlp.max_length = max(nlp.max_length, max_characters())
    return nlp


def max_characters() -> int:
    """The ingest limit when Django is configured (worker processes and scripts may not be): 1 MB otherwise."""
    from django.conf import settings

    limit = settings.INGEST_MAX_FILE_BYTES if settings.configured else 1_000_000
    return limit + 1


def parse_selectively(nlp: Language, texts: Iterable, *, batch_size: int, as_tuples: bool = False) -> Iterator:
    """Like nlp.pipe, but the parser only reads sentences that `wanted(sentence)` says can hold an event."""
    from entities.extraction.triggers import may_hold_event

    if "senter" not in nlp.component_names or "parser" not in nlp.pipe_names:
        yield from nlp.pipe(texts, as_tuples=as_tuples, batch_size=batch_size)
        return
    with sentences_without_parser(nlp):
        batch: list = []
        for item in nlp.pipe(texts, as_tuples=as_tuples, batch_size=batch_size):
            batch.append(item)
            if len(batch) >= batch_size:
                yield from parse_batch(nlp, batch, as_tuples, may_hold_event)
                batch = []
        yield from parse_batch(nlp, batch, as_tuples, may_hold_event)


@contextmanager
def sentences_without_parser(nlp: Language) -> Iterator[None]:
    """Swap the parser for the sentence recogniser while a batch is tagged; the pipeline is restored after."""
    swaps = [("parser", "senter"), ("parley_line_breaks", "parley_line_breaks_after_senter")]
    for off, on in swaps:
        nlp.disable_pipe(off)
        nlp.enable_pipe(on)
    try:
        yield
    finally:
        for off, on in swaps:
            nlp.disable_pipe(on)
            nlp.enable_pipe(off)


def parse_batch(nlp: Language, batch: list, as_tuples: bool, wanted) -> list:
    docs = [item[0] if as_tuples else item for item in batch]
    chosen = [(doc, sentence) for doc in docs for sentence in doc.sents if wanted(sentence)]
    parsed = list(nlp.get_pipe("parser").pipe([sentence.as_doc() for _, sentence in chosen]))
    trees: dict[int, list] = {}
    for (doc, sentence), sentence_doc in zip(chosen, parsed, strict=True):
        trees.setdefault(id(doc), []).append((sentence, sentence_doc))
    for doc in docs:
        write_trees(doc, trees.get(id(doc), []))
    return batch


def write_trees(doc: Doc, parsed: list) -> None:
    """Parsed sentences get their trees; every other sentence a flat one rooted at its first token."""
    heads = numpy.zeros(len(doc), dtype="int64")
    deps = numpy.full(len(doc), doc.vocab.strings.add("dep"), dtype="uint64")
    root = doc.vocab.strings.add("ROOT")
    for sentence in doc.sents:
        heads[sentence.start : sentence.end] = numpy.arange(sentence.start, sentence.end) * -1 + sentence.start
        deps[sentence.start] = root
    for sentence, sentence_doc in parsed:
        for token in sentence_doc:
            heads[sentence.start + token.i] = token.head.i - token.i
            deps[sentence.start + token.i] = doc.vocab.strings.add(token.dep_)
    array = numpy.stack([heads.astype("uint64"), deps], axis=1)
    doc.from_array([HEAD, DEP], array)
