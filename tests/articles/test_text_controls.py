"""A NUL character or a bidi override in a file never reaches the stored text, on either database."""

import pytest

from articles.models import Article
from entities.ingest import articles_ingest

pytestmark = pytest.mark.django_db

RLO, PDF = "\u202e", "\u202c"


def test_a_utf16_file_with_a_nul_character_is_stored_without_it(write, blank_nlp):
    text = "Harbour talks resume\n\nThe port authorities\x00 met again on Monday to settle the dispute.\n"
    path = write("nul.txt", text.encode("utf-16"))

    summary = articles_ingest(paths=[path], nlp=blank_nlp)

    assert (summary.created, summary.failed) == (1, 0)
    article = Article.objects.get()
    assert "\x00" not in article.body and "\x00" not in article.original_text
    assert "port authorities met again" in article.body


def test_bidi_overrides_do_not_reach_the_stored_text(write, blank_nlp):
    path = write("rlo.txt", f"Harbour talks\n\nPresident {RLO}avliS anA{PDF} met the port authorities on Monday.\n")

    articles_ingest(paths=[path], nlp=blank_nlp)

    assert RLO not in Article.objects.get().body and PDF not in Article.objects.get().body
