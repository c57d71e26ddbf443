"""People in an article: NER spans cleaned of titles, non-people rejected, short forms resolved."""

from datetime import date

from spacy.tokens import Doc

from entities.extraction.records import PersonRecord


def find_people(doc: Doc, *, published: date | None) -> list[PersonRecord]:
    return []
