"""The configured spaCy pipeline: Django settings are read here and passed to the extraction layer."""

from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:  # spaCy is imported only when there is something to parse
    from spacy.language import Language


def pipeline_options() -> tuple[str, int]:
    """The model to load and the longest text it must take (ingest refuses larger files)."""
    return settings.SPACY_MODEL, settings.INGEST_MAX_FILE_BYTES + 1


def configured_nlp() -> "Language":
    """The pipeline named by SPACY_MODEL, loaded once per process."""
    from extraction.runtime.nlp import load_nlp

    model, max_characters = pipeline_options()
    return load_nlp(model, max_characters=max_characters)
