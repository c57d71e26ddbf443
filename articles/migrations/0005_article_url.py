"""An article's published address (#17), for citations and exports.

Adding a NOT NULL column makes Django rebuild articles_article on SQLite, which drops the full-text triggers
with the old table (see 0003_sqlite_fts): they are made again here, and the index rebuilt.
"""

import importlib

from django.db import migrations, models

from config.migration_operations import sqlite_only

fts = importlib.import_module("articles.migrations.0003_sqlite_fts")
TRIGGERS_AGAIN = fts.BACKWARD[:3] + fts.FORWARD[1:]


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_feeds_and_fetched_pages")]

    operations = [
        sqlite_only([], TRIGGERS_AGAIN),  # undone last: after RemoveField rebuilt the table once more
        migrations.AddField(
            model_name="article",
            name="url",
            field=models.URLField(
                blank=True, help_text="Where the article was published: what a citation links to", max_length=2000
            ),
        ),
        sqlite_only(TRIGGERS_AGAIN, []),
    ]
