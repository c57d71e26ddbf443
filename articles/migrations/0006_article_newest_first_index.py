"""PostgreSQL only: an index in the article list's own order (newest first, undated last), so that a page of the
list (on the site and in the API) is read from the index instead of sorting every article: page 20 of 100,000
articles 379 ms -> see docs/benchmarks.md. SQLite cannot index NULLS LAST."""

from django.db import migrations

from config.migration_operations import postgres_only

FORWARD = (
    "CREATE INDEX IF NOT EXISTS articles_newest_first ON articles_article (published_on DESC NULLS LAST, id DESC)"
)
BACKWARD = "DROP INDEX IF EXISTS articles_newest_first"


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_article_url")]
    operations = [postgres_only(FORWARD, BACKWARD)]
