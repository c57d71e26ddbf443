"""PostgreSQL only: keep Article.search_vector filled by a trigger (title A, outlet/author B, body C) with a GIN index.

A trigger rather than application code so that every writer, bulk inserts included, keeps the vector right.
"""

from django.db import migrations

from config.migration_operations import postgres_only

FORWARD = """
CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
      setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
   || setweight(to_tsvector('english', coalesce(NEW.outlet, '') || ' ' || coalesce(NEW.author, '')), 'B')
   || setweight(to_tsvector('english', coalesce(NEW.body, '')), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS articles_article_search_vector_trg ON articles_article;
CREATE TRIGGER articles_article_search_vector_trg
  BEFORE INSERT OR UPDATE OF title, outlet, author, body ON articles_article
  FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();
UPDATE articles_article SET title = title;
CREATE INDEX IF NOT EXISTS articles_article_search_gin ON articles_article USING gin (search_vector);
"""

BACKWARD = """
DROP INDEX IF EXISTS articles_article_search_gin;
DROP TRIGGER IF EXISTS articles_article_search_vector_trg ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_vector();
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]
    operations = [postgres_only(FORWARD, BACKWARD)]
