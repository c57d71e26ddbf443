"""The surname skeleton now keeps the first vowel's class (Hassan is not Hussein): recompute stored ones."""

from django.db import migrations


def recompute(apps, schema_editor):
    from extraction.names import surname_skeleton

    ActorAlias = apps.get_model("entities", "ActorAlias")
    for alias in ActorAlias.objects.iterator():
        surname = surname_skeleton(alias.name)
        if surname != alias.surname:
            alias.surname = surname
            alias.save(update_fields=["surname"])


class Migration(migrations.Migration):
    dependencies = [("entities", "0003_alias_surname")]
    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
