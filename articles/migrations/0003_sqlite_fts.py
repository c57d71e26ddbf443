"""SQLite only: an FTS5 index of the articles (title, outlet, author, body) kept in step by triggers.

External content (content='articles_article'): the text is stored once, in the articles table; FTS5 keeps only its
index and reads the text from there for snippets. Triggers rather than application code, so that every writer keeps
the index right. Porter stemming over unicode61 with accents folded: "meetings" finds "meeting", "met" does not,
"Zürich" finds "Zurich". A later migration that makes Django rebuild articles_article on SQLite (altering a column)
drops these triggers with the old table: tests/articles/test_search_specs.py checks they exist after migrating.
"""

from django.db import migrations

from config.migration_operations import sqlite_only

COLUMNS = "title, outlet, author, body"
NEW = "new.id, new.title, new.outlet, new.author, new.body"
OLD = "old.id, old.title, old.outlet, old.author, old.body"
DELETE_OLD = f"INSERT INTO articles_article_fts(articles_article_fts, rowid, {COLUMNS}) VALUES ('delete', {OLD});"
INSERT_NEW = f"INSERT INTO articles_article_fts(rowid, {COLUMNS}) VALUES ({NEW});"

FORWARD = [
    f"""CREATE VIRTUAL TABLE articles_article_fts USING fts5(
        {COLUMNS}, content='articles_article', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
    )""",
    f"CREATE TRIGGER articles_article_fts_insert AFTER INSERT ON articles_article BEGIN {INSERT_NEW} END",
    f"CREATE TRIGGER articles_article_fts_delete AFTER DELETE ON articles_article BEGIN {DELETE_OLD} END",
    f"""CREATE TRIGGER articles_article_fts_update AFTER UPDATE OF {COLUMNS} ON articles_article
        BEGIN {DELETE_OLD} {INSERT_NEW} END""",
    "INSERT INTO articles_article_fts(articles_article_fts) VALUES ('rebuild')",
]

BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_article_fts_update",
    "DROP TRIGGER IF EXISTS articles_article_fts_delete",
    "DROP TRIGGER IF EXISTS articles_article_fts_insert",
    "DROP TABLE IF EXISTS articles_article_fts",
]


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_postgres_search")]
    operations = [sqlite_only(FORWARD, BACKWARD)]
