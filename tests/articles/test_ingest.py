"""The ingest service on the real pipeline code (an untrained English pipeline stands in for the model)."""

import datetime
import shutil

import pytest
from spacy.language import Language

from articles.cleaning import clean_article
from articles.models import Article, content_hash
from entities.ingest import IngestSummary, Outcome, articles_ingest

pytestmark = pytest.mark.django_db

ARTICLE = "Harbour talks resume\n\nThe two port authorities met again on Monday to settle the customs dispute.\n"
OTHER = "River treaty signed\n\nThe water ministers signed the river treaty on Friday after two years of talks.\n"


@Language.component("fail_on_marker")
def fail_on_marker(doc):
    """Makes extraction of a batch fail when one of its texts contains the marker word."""
    if "EXPLODE" in doc.text:
        raise ValueError("parser broke on this text")
    return doc


@pytest.fixture(scope="module")
def failing_nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("flat_parse")
    nlp.add_pipe("fail_on_marker")
    return nlp


@pytest.fixture
def ingest(blank_nlp):
    def _ingest(*paths, **kwargs):
        kwargs.setdefault("nlp", blank_nlp)
        return articles_ingest(paths=paths, **kwargs)

    return _ingest


@pytest.fixture
def seeds_copy(tmp_path, seeds_dir):
    return shutil.copytree(seeds_dir, tmp_path / "seeds")


def snapshot() -> list[dict]:
    return list(Article.objects.order_by("id").values())


def test_seeds_are_stored_with_cleaned_text_and_metadata(ingest, seeds_dir):
    summary = ingest(seeds_dir)
    assert (summary.seen, summary.created, summary.failures) == (5, 5, [])
    article = Article.objects.get(source_name__startswith="003_")
    assert (article.author, article.outlet) == ("M K Bhadrakumar", "Indian Punchline")
    assert (article.published_on, article.published_precision) == (datetime.date(2017, 11, 8), "day")
    source = next(seeds_dir.glob("003_*.txt"))
    assert article.original_text == source.read_text(encoding="utf-8")
    assert article.body == clean_article(article.original_text).body
    assert article.content_hash == content_hash(article.original_text)
    assert article.source_path == str(source.resolve())


def test_second_run_creates_nothing_and_changes_nothing(ingest, seeds_dir):
    ingest(seeds_dir)
    before = snapshot()
    again = ingest(seeds_dir)
    assert (again.seen, again.created, again.unchanged, again.duplicates, again.failed) == (5, 0, 5, 0, 0)
    assert snapshot() == before


def test_a_re_saved_copy_of_a_stored_file_is_unchanged(ingest, write, tmp_path):
    ingest(write("first/a.txt", ARTICLE))
    summary = ingest(write("second/a copy.txt", ARTICLE.replace("\n", "\r\n") + "\n\n"))
    assert (summary.created, summary.unchanged) == (0, 1)
    assert Article.objects.count() == 1


def test_same_text_twice_in_one_run_is_a_duplicate(ingest, write, tmp_path):
    write("a.txt", ARTICLE)
    write("b.txt", ARTICLE)
    summary = ingest(tmp_path)
    assert (summary.created, summary.duplicates) == (1, 1)
    assert Article.objects.get().source_name == "a.txt"


def test_bad_inputs_fail_with_reasons_and_earlier_articles_survive(ingest, write, tmp_path, seeds_dir, settings):
    ingest(seeds_dir)
    stored = snapshot()
    settings.INGEST_MAX_FILE_BYTES = 10_000
    write("bad/empty.txt", "")
    write("bad/binary.txt", b"\x00\x01\x02\x03")
    write("bad/huge.txt", "x " * 10_000)
    write("bad/only chrome.txt", "Related Articles\n\nLeave a Reply\n\nBack to top button\n")
    write("bad/good.txt", OTHER)
    (tmp_path / "bad" / "loop.txt").symlink_to(tmp_path / "bad" / "loop.txt")
    (tmp_path / "nothing here").mkdir()

    summary = ingest(seeds_dir, tmp_path / "bad", tmp_path / "missing", tmp_path / "nothing here")

    reasons = {path.rsplit("/", 1)[-1]: reason for path, reason in summary.failures}
    assert reasons == {
        "binary.txt": "binary data, not text (contains NUL bytes)",
        "empty.txt": "empty file",
        "huge.txt": "file too large: 20,000 bytes (the limit is 10,000)",
        "loop.txt": "symbolic link loop",
        "only chrome.txt": "no article text left once the page's boilerplate is removed",
        "missing": "no such file or folder",
        "nothing here": "no article files (.txt, .html, .htm) in this folder",
    }
    assert (summary.seen, summary.created, summary.unchanged) == (11, 1, 5)
    assert snapshot()[:5] == stored
    assert Article.objects.filter(title="River treaty signed").exists()


def test_a_failure_while_storing_loses_only_that_article(ingest, write, tmp_path, monkeypatch):
    from entities import ingest as ingest_module

    real_store = ingest_module.article_store_extraction

    def store_or_fail(*, article, extraction):
        if "River treaty" in article.title:
            raise RuntimeError("knowledge base said no")
        real_store(article=article, extraction=extraction)

    monkeypatch.setattr(ingest_module, "article_store_extraction", store_or_fail)
    write("a.txt", ARTICLE)
    write("b.txt", OTHER)
    write("c.txt", ARTICLE.replace("Monday", "Tuesday"))

    summary = ingest(tmp_path)

    assert summary.failures == [(str(tmp_path / "b.txt"), "could not be stored: RuntimeError: knowledge base said no")]
    assert sorted(Article.objects.values_list("source_name", flat=True)) == ["a.txt", "c.txt"]


def test_an_extraction_failure_costs_only_its_article(ingest, write, tmp_path, failing_nlp):
    write("a.txt", ARTICLE)
    write("b.txt", OTHER.replace("Friday", "Friday EXPLODE"))
    write("c.txt", ARTICLE.replace("Monday", "Tuesday"))

    summary = ingest(tmp_path, nlp=failing_nlp, batch_size=3)

    assert summary.failures == [(str(tmp_path / "b.txt"), "extraction failed: ValueError: parser broke on this text")]
    assert summary.created == 2


def test_batches_never_exceed_the_batch_size(ingest, seeds_dir, monkeypatch):
    from extraction import pipeline

    sizes = []
    real_extract = pipeline.extract_texts

    def counting(nlp, items, **kwargs):
        items = list(items)
        sizes.append(len(items))
        return real_extract(nlp, items, **kwargs)

    monkeypatch.setattr(pipeline, "extract_texts", counting)
    ingest(seeds_dir, batch_size=2)
    assert sizes == [2, 2, 1]


def test_untitled_text_is_titled_by_its_file_name(ingest, write):
    body = "The minister met the ambassador on Monday and the two discussed the new trade agreement at length.\n"
    ingest(write("minister meeting.txt", body))
    assert Article.objects.get().title == "minister meeting"


def test_an_overlong_headline_is_cut_to_fit(ingest, write):
    title = " ".join(["Talks"] * 29) + " " + "x" * 400
    ingest(write("long.txt", f"{title}\n\nThe talks went on for a long time and ended without a deal.\n"))
    stored = Article.objects.get().title
    assert len(stored) == 500
    assert stored.endswith("…")


def test_progress_is_told_every_file_as_it_is_settled(ingest, write, tmp_path):
    write("a.txt", ARTICLE)
    write("b.txt", ARTICLE)
    write("c.txt", "")
    told = []
    ingest(tmp_path, progress=lambda path, outcome, reason: told.append((path.name, outcome, reason)))
    assert sorted(told) == [
        ("a.txt", Outcome.CREATED, ""),
        ("b.txt", Outcome.DUPLICATE, ""),
        ("c.txt", Outcome.FAILED, "empty file"),
    ]


def test_html_pages_are_ingested_with_their_metadata(ingest, write):
    page = """<html><head><title>Talks in Oslo</title><meta name="author" content="Jane Roe">
    <meta property="og:site_name" content="Example Post"><meta name="date" content="2021-03-04"></head>
    <body><article><h1>Talks in Oslo</h1>
    <p>The foreign minister met her counterpart in Oslo on Tuesday to discuss fishing rights and the border.</p>
    <p>Both sides said the talks were useful and agreed to meet again next year in Helsinki.</p>
    </article></body></html>"""
    ingest(write("oslo.html", page))
    article = Article.objects.get()
    assert (article.title, article.author, article.outlet) == ("Talks in Oslo", "Jane Roe", "Example Post")
    assert article.published_on == datetime.date(2021, 3, 4)
    assert article.body.startswith("The foreign minister met her counterpart")


def test_summary_reads_as_one_line():
    summary = IngestSummary(seen=7, created=2, unchanged=3, duplicates=1, failures=[("x.txt", "empty file")])
    assert str(summary) == "7 seen, 2 created, 3 unchanged, 1 duplicate, 1 failed"
