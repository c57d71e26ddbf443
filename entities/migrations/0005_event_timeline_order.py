"""PostgreSQL only: an index in the timeline's own order (newest first, undated last), so that a page of the
timeline is read from the index instead of sorting every event. SQLite cannot index NULLS LAST."""

from django.db import migrations

from config.migration_operations import postgres_only

FORWARD = (
    "CREATE INDEX IF NOT EXISTS entities_event_timeline_order "
    "ON entities_event (date_start DESC NULLS LAST, id DESC)"
)
BACKWARD = "DROP INDEX IF EXISTS entities_event_timeline_order"


class Migration(migrations.Migration):
    dependencies = [("entities", "0004_recompute_surnames")]
    operations = [postgres_only(FORWARD, BACKWARD)]
