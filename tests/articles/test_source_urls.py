"""Sources an analyst can cite: an article's published address, from the page, a header line or the command line."""

import pytest

from articles.cleaning import clean_article
from articles.models import Article
from articles.readers import html_to_text
from entities.ingest import articles_ingest
from tests.articles.test_ingest_command import run_command

PAGE = b"""<html><head><title>Harbour pact signed in Port Vela</title>
<link rel="canonical" href="https://news.example.org/2021/harbour-pact"></head>
<body><article><h1>Harbour pact signed in Port Vela</h1>
<p>The transport minister of Norland met the harbour master of Port Vela on Monday to sign the new harbour pact,
officials said after the talks ended late in the evening.</p>
<p>Both sides said the agreement would cut waiting times for ships by half within a year of its signing.</p>
</article></body></html>"""
TEXT = "Harbour talks resume\n{header}\n\nThe two port authorities met again on Monday to settle the customs dispute.\n"


def test_an_html_pages_canonical_link_is_its_url():
    assert clean_article(html_to_text(PAGE)).url == "https://news.example.org/2021/harbour-pact"


@pytest.mark.parametrize("label", ["URL", "Source", "Link", "url"])
def test_a_url_header_line_gives_the_url_and_leaves_the_text(label):
    cleaned = clean_article(TEXT.format(header=f"{label}: https://wire.example.com/story?id=7"))
    assert cleaned.url == "https://wire.example.com/story?id=7"
    assert "example.com" not in cleaned.body
    assert cleaned.outlet == ""


def test_a_source_line_naming_an_outlet_is_still_the_outlet():
    cleaned = clean_article(TEXT.format(header="Source: The Example Herald"))
    assert (cleaned.outlet, cleaned.url) == ("The Example Herald", "")


@pytest.mark.django_db
def test_ingest_stores_the_files_url(write, blank_nlp):
    path = write("a.txt", TEXT.format(header="URL: https://wire.example.com/harbour"))
    articles_ingest(paths=[path], nlp=blank_nlp)
    assert Article.objects.get().url == "https://wire.example.com/harbour"


@pytest.mark.django_db
def test_a_url_given_for_the_file_wins_over_its_header(write, blank_nlp):
    path = write("a.txt", TEXT.format(header="URL: https://wire.example.com/harbour"))
    articles_ingest(paths=[path], nlp=blank_nlp, url="https://mirror.example.net/harbour")
    assert Article.objects.get().url == "https://mirror.example.net/harbour"


@pytest.mark.django_db
def test_a_malformed_url_line_is_dropped_with_a_warning_and_the_article_kept(write, blank_nlp):
    path = write("a.txt", TEXT.format(header="URL: https://no_such_host"))
    summary = articles_ingest(paths=[path], nlp=blank_nlp)
    assert (summary.created, Article.objects.get().url) == (1, "")
    assert summary.warnings == [(str(path), "source URL 'https://no_such_host' dropped (not a web address)")]


@pytest.mark.django_db
def test_the_url_option_needs_exactly_one_file(write):
    first = write("corpus/a.txt", TEXT.format(header=""))
    write("corpus/b.txt", TEXT.format(header="Date: 2021-03-09"))
    _, error = run_command(first.parent, "--url", "https://example.org/a")
    assert str(error) == "--url needs exactly one file (not a folder or several paths)"
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_the_url_option_refuses_what_is_not_a_web_address(write):
    path = write("a.txt", TEXT.format(header=""))
    _, error = run_command(path, "--url", "javascript:alert(1)")
    assert str(error) == "--url is not an http(s) address: 'javascript:alert(1)'"
