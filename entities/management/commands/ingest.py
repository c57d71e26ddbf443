"""`manage.py ingest [PATH ...] [--workers N | --enqueue]`: store new articles from files and folders, then say
what happened."""

import shutil
import sys
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from articles.models import Article
from articles.readers import count_article_files
from entities import queue
from entities.ingest import (
    IngestError,
    IngestInterrupted,
    IngestStopped,
    IngestSummary,
    Outcome,
    articles_enqueue,
    articles_ingest,
    database_problem,
)

# What a shell reports for a program ended by SIGINT (128 + 2), so scripts can tell an interrupt from a failure.
INTERRUPTED_EXIT_STATUS = 130


class Command(BaseCommand):
    help = "Ingest article files (.txt, .html) from files and folders; re-running on the same files changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: INGEST_DEFAULT_PATH)")
        parser.add_argument("--workers", type=int, default=1, help="processes that run spaCy (default 1)")
        parser.add_argument("--url", default="", help="the published address of the one file given (for citations)")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="store the articles and leave their extraction to queue workers (PARLEY_QUEUE=procrastinate)",
        )

    def handle(self, *args, paths: list[str], workers: int, url: str, enqueue: bool, **options) -> None:
        if workers < 1:
            raise CommandError("--workers must be 1 or more")
        if url:
            _check_single_file_url(paths, url)
        if enqueue and not queue.configured():
            raise CommandError("--enqueue needs a job queue: set PARLEY_QUEUE=procrastinate (PostgreSQL only)")
        if enqueue and workers > 1:
            raise CommandError("--enqueue runs no spaCy here: start queue workers instead of --workers")
        if problem := database_problem():
            raise CommandError(problem)
        paths = paths or [settings.INGEST_DEFAULT_PATH]
        try:
            with self._progress(paths) as progress:
                if enqueue:
                    summary = articles_enqueue(paths=paths, progress=progress, url=url)
                else:
                    summary = articles_ingest(paths=paths, workers=workers, progress=progress, url=url)
        except IngestInterrupted as exc:  # Ctrl-C: what was stored stays; say how far the run got
            self._report(exc.summary, ending="interrupted: ")
            raise SystemExit(INTERRUPTED_EXIT_STATUS) from None
        except IngestStopped as exc:
            self._report(exc.summary, ending="")
            raise CommandError(str(exc)) from None
        except IngestError as exc:
            raise CommandError(str(exc)) from None
        self._report(summary)

    def _progress(self, paths: list[str]) -> "_Progress":
        if self.stdout.isatty():
            return _Bar(total=count_article_files(paths))
        return _Lines(self.stdout)

    def _report(self, summary: IngestSummary, ending: str | None = None) -> None:
        """The summary, warnings and failures; `ending` (a prefix for the summary) when the run did not finish."""
        self.stdout.write(f"{ending or ''}{summary}")
        if summary.jobs:
            self.stdout.write(f"{summary.jobs} extraction jobs queued for the workers")
        for path, message in summary.warnings:
            self.stdout.write(f"warning: {path}: {message}")
        for path, reason in summary.failures:
            self.stdout.write(f"failed: {path}: {reason}")
        if summary.failures and ending is None:
            raise CommandError(f"{summary.failed} failed; see the lines above")


def _check_single_file_url(paths: list[str], url: str) -> None:
    """`--url` names where one article was published: it cannot stand for a folder or several files."""
    if len(paths) != 1 or not Path(paths[0]).is_file():
        raise CommandError("--url needs exactly one file (not a folder or several paths)")
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise CommandError(f"--url is not an http(s) address: {url[:100]!r}") from None
    if len(url) > Article._meta.get_field("url").max_length:
        raise CommandError("--url is too long")


class _Progress:
    """Told about each file as it is settled; a context manager so a bar is always closed."""

    def __call__(self, path, outcome: Outcome, reason: str) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        return None


class _Bar(_Progress):
    def __init__(self, *, total: int) -> None:
        from tqdm import tqdm

        width = shutil.get_terminal_size().columns  # 80 where the terminal does not say
        self.bar = tqdm(total=total, unit="file", ncols=width, file=sys.stdout)

    def __call__(self, path, outcome: Outcome, reason: str) -> None:
        self.bar.set_postfix_str(path.name[-40:], refresh=False)
        self.bar.update(1)

    def __exit__(self, *exc_info) -> None:
        self.bar.close()


class _Lines(_Progress):
    """One plain line per file, for logs and pipes."""

    def __init__(self, stdout) -> None:
        self.stdout = stdout

    def __call__(self, path, outcome: Outcome, reason: str) -> None:
        self.stdout.write(f"{outcome:<9} {path}" + (f": {reason}" if reason else ""))
