"""Migration operations shared by the apps."""

from django.db import migrations


def postgres_only(forward: str, backward: str) -> migrations.RunPython:
    """SQL that only PostgreSQL runs (extensions, GIN and expression indexes, triggers); a no-op on SQLite."""

    def run(sql: str):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                schema_editor.execute(sql)

        return operation

    return migrations.RunPython(run(forward), run(backward))
