"""Loading the spaCy pipeline once per process, with only the components extraction uses."""

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("parley_line_breaks", before="parser")
    # ingest refuses files over INGEST_MAX_FILE_BYTES; whatever it accepts, spaCy must take
    nlp.max_length = max(nlp.max_length, max_characters())
    return nlp


def max_characters() -> int:
    """The ingest limit when Django is configured (worker processes and scripts may not be): 1 MB otherwise."""
    from django.conf import settings

    limit = settings.INGEST_MAX_FILE_BYTES if settings.configured else 1_000_000
    return limit + 1
