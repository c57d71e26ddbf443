"""PostgreSQL only: pg_trgm and trigram GIN indexes for the officials search over aliases."""

from django.db import migrations

from config.migration_operations import postgres_only

FORWARD = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS entities_actoralias_key_trgm ON entities_actoralias USING gin (key gin_trgm_ops);
CREATE INDEX IF NOT EXISTS entities_actoralias_name_trgm ON entities_actoralias USING gin (upper(name) gin_trgm_ops);
"""

BACKWARD = """
DROP INDEX IF EXISTS entities_actoralias_key_trgm;
DROP INDEX IF EXISTS entities_actoralias_name_trgm;
"""


class Migration(migrations.Migration):
    dependencies = [("entities", "0001_initial")]
    operations = [postgres_only(FORWARD, BACKWARD)]
