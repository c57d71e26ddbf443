"""`manage.py poll_feeds [--all]`: poll every due feed once and extract what it brings (from cron, or by hand)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from entities.following import feeds_follow_up
from entities.ingest import IngestError, database_problem


class Command(BaseCommand):
    help = "Poll each feed that is due (every active feed with --all) once; new articles are stored and extracted."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", dest="everything", help="ignore the polling intervals")

    def handle(self, *args, everything: bool, **options) -> None:
        if problem := database_problem():
            raise CommandError(problem)
        try:
            result = feeds_follow_up(everything=everything)
        except IngestError as exc:
            raise CommandError(str(exc)) from None
        except DatabaseError as exc:  # what was stored before stays; the next run goes on from there
            raise CommandError(
                f"poll stopped: the database failed ({str(exc).strip().splitlines()[0][:200]})"
            ) from None
        failed = 0
        for poll in result.polls:
            self.stdout.write(f"{poll.feed.url}: {poll}")
            for what, reason in poll.failures:
                self.stdout.write(f"  failed: {what}: {reason}")
            failed += poll.outcome == "failed" or bool(poll.failures)
        self.stdout.write(f"{len(result.polls)} feeds polled; {result.extracted}")
        for article, reason in result.extracted.failures:
            self.stdout.write(f"  failed: {article}: {reason}")
        if failed or result.extracted.failures:
            raise CommandError(f"{failed} feeds with failures; see the lines above")
