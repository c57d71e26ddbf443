"""`manage.py follow URL [--outlet NAME] [--every MINUTES]`: follow an RSS or Atom feed, or an outlet's sitemap."""

from django.core.management.base import BaseCommand, CommandError

from articles.following import FollowError, feed_follow


class Command(BaseCommand):
    help = "Follow a feed (RSS, Atom) or a sitemap; `manage.py poll_feeds` then polls it. Again: updates it."

    def add_arguments(self, parser):
        parser.add_argument("url", metavar="URL", help="the feed's or sitemap's address (http or https)")
        parser.add_argument("--outlet", default="", help="the outlet name given to its articles")
        parser.add_argument("--every", type=int, metavar="MINUTES", help="minutes between two polls (default 30)")

    def handle(self, *args, url: str, outlet: str, every: int | None, **options) -> None:
        if every is not None and every < 1:
            raise CommandError("--every must be 1 minute or more")
        try:
            feed, created = feed_follow(url=url, outlet=outlet, every_minutes=every)
        except FollowError as exc:
            raise CommandError(str(exc)) from None
        verb = "following" if created else "already followed, updated:"
        outlet_text = f" as {feed.outlet!r}" if feed.outlet else ""
        self.stdout.write(f"{verb} {feed.url}{outlet_text}, every {feed.interval_minutes} minutes")
        self.stdout.write("poll it now with: manage.py poll_feeds")
