"""The table of the "shared" cache (config.settings.base.CACHES): download quotas and slots that every server
process sees alike. Django makes such a table with `createcachetable`; a migration makes it wherever the schema
is made (servers, tests, the load test), so no deployment step can be forgotten."""

from django.conf import settings
from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", settings.SHARED_CACHE_TABLE, database=schema_editor.connection.alias)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(settings.SHARED_CACHE_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [
        ("entities", "0009_alias_curated_key_index"),
    ]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
