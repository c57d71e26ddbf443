"""Loading the spaCy pipeline once per process, with only the components extraction uses."""

from functools import cache

import spacy
from spacy.language import Language

# The lemmatizer is not read by extraction; the rest are (tagger for name checks, parser for events).
UNUSED_COMPONENTS = ("lemmatizer",)


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
    return nlp
