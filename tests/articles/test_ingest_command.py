"""`manage.py ingest`: the summary it prints, its exit status, and the same result with several workers."""

import os
import shutil
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article
from entities.ingest import articles_ingest

ARTICLE = "Harbour talks resume\n\nThe two port authorities met again on Monday to settle the customs dispute.\n"
ARTICLE_FIELDS = ["title", "outlet", "author", "published_on", "published_precision", "sections", "body"]


def run_command(*args) -> tuple[str, CommandError | None]:
    out = StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=StringIO())
    except CommandError as exc:
        return out.getvalue(), exc
    return out.getvalue(), None


@pytest.fixture
def stored_file(write, blank_nlp):
    """A file whose article is already stored, so the command has nothing to parse (no model needed)."""
    path = write("corpus/stored.txt", ARTICLE)
    articles_ingest(paths=[path], nlp=blank_nlp)
    return path


@pytest.mark.django_db
def test_failures_are_listed_after_the_summary_and_exit_non_zero(stored_file, write):
    empty = write("corpus/empty.txt", "  \n")
    output, error = run_command(stored_file.parent)
    assert output.splitlines()[-2:] == [
        "2 seen, 0 created, 1 unchanged, 0 duplicate, 1 failed",
        f"failed: {empty}: empty file",
    ]
    assert str(error) == "1 failed; see the lines above"


@pytest.mark.django_db
def test_plain_progress_lines_when_output_is_not_a_terminal(stored_file, write):
    empty = write("corpus/empty.txt", "")
    output, _ = run_command(stored_file.parent)
    assert output.splitlines()[:2] == [f"failed    {empty}: empty file", f"unchanged {stored_file}"]


class Terminal(StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
def test_a_progress_bar_replaces_the_lines_on_a_terminal(stored_file, capsys):
    out = Terminal()
    call_command("ingest", str(stored_file), stdout=out)
    assert out.getvalue() == "1 seen, 0 created, 1 unchanged, 0 duplicate, 0 failed\n"
    assert "1/1" in capsys.readouterr().out


@pytest.mark.django_db
def test_missing_path_exits_non_zero(tmp_path):
    output, error = run_command(tmp_path / "nowhere")
    assert "0 seen, 0 created, 0 unchanged, 0 duplicate, 1 failed" in output
    assert f"failed: {tmp_path / 'nowhere'}: no such file or folder" in output
    assert error is not None


@pytest.mark.django_db
def test_folder_without_articles_exits_non_zero(tmp_path):
    output, error = run_command(tmp_path)
    assert "no article files (.txt, .html, .htm) in this folder" in output
    assert error is not None


@pytest.mark.django_db
def test_nothing_new_exits_zero_and_creates_nothing(stored_file):
    output, error = run_command(stored_file)
    assert error is None
    assert output.splitlines()[-1] == "1 seen, 0 created, 1 unchanged, 0 duplicate, 0 failed"
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_default_path_comes_from_settings(stored_file, settings):
    settings.INGEST_DEFAULT_PATH = str(stored_file.parent)
    output, error = run_command()
    assert (error, output.splitlines()[-1]) == (None, "1 seen, 0 created, 1 unchanged, 0 duplicate, 0 failed")


def test_workers_below_one_are_refused():
    with pytest.raises(CommandError, match="--workers must be 1 or more"):
        call_command("ingest", "--workers", "0")


def run_manage(database_url: str, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", "ingest", str(tmp_path)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_unreachable_database_is_one_clear_line(tmp_path):
    result = run_manage(f"sqlite:///{tmp_path}/no/such/folder/kb.sqlite3", tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "CommandError: the database cannot be reached: OperationalError: unable to open database file" in (
        result.stderr
    )


def test_unmigrated_database_is_one_clear_line(tmp_path):
    result = run_manage(f"sqlite:///{tmp_path}/fresh.sqlite3", tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "CommandError: the database is not migrated: run `python manage.py migrate` first" in result.stderr


@pytest.mark.model
@pytest.mark.django_db
def test_seeds_ingest_and_a_second_run_changes_nothing(seeds_dir, nlp_model):
    first, error = run_command(seeds_dir)
    assert (error, first.splitlines()[-1]) == (None, "5 seen, 5 created, 0 unchanged, 0 duplicate, 0 failed")
    before = list(Article.objects.order_by("id").values())
    second, error = run_command(seeds_dir)
    assert (error, second.splitlines()[-1]) == (None, "5 seen, 0 created, 5 unchanged, 0 duplicate, 0 failed")
    assert list(Article.objects.order_by("id").values()) == before


@pytest.mark.model
@pytest.mark.django_db(transaction=True)
def test_two_workers_store_the_same_as_one(seeds_dir, tmp_path, nlp_model):
    corpus = shutil.copytree(seeds_dir, tmp_path / "corpus")
    shutil.copy(next(seeds_dir.glob("000_*.txt")), corpus / "copy of 000.txt")

    def articles():
        return list(Article.objects.order_by("source_name").values("source_name", *ARTICLE_FIELDS))

    one = articles_ingest(paths=[corpus], workers=1, batch_size=2)
    stored_by_one = articles()
    Article.objects.all().delete()
    two = articles_ingest(paths=[corpus], workers=2, batch_size=2)

    assert (two.seen, two.created, two.duplicates, two.failures) == (one.seen, one.created, one.duplicates, [])
    assert articles() == stored_by_one
