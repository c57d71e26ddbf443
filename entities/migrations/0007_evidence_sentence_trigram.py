"""PostgreSQL only: a trigram index on evidence sentences, so that the timeline's "evidence text" filter (a
case-insensitive substring, UPPER(sentence) LIKE UPPER('%...%')) reads the index instead of every sentence."""

from django.db import migrations

from config.migration_operations import postgres_only

FORWARD = (
    "CREATE INDEX IF NOT EXISTS entities_evidence_sentence_trgm "
    "ON entities_evidence USING gin (UPPER(sentence::text) gin_trgm_ops)"
)
BACKWARD = "DROP INDEX IF EXISTS entities_evidence_sentence_trgm"


class Migration(migrations.Migration):
    dependencies = [("entities", "0006_participation_country_index")]
    operations = [postgres_only(FORWARD, BACKWARD)]
