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


def sqlite_only(forward: list[str], backward: list[str]) -> migrations.RunPython:
    """Statements that only SQLite runs (FTS5 tables, triggers), one at a time as its driver requires; a no-op on
    PostgreSQL."""

    def run(statements: list[str]):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "sqlite":
                for statement in statements:
                    schema_editor.execute(statement)

        return operation

    return migrations.RunPython(run(forward), run(backward))
