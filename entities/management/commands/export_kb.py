"""`manage.py export_kb --output FILE`: the knowledge base as JSON (format: shared/gold/README.md)."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from entities.export import knowledge_base_export


class Command(BaseCommand):
    help = "Write the knowledge base (actors and events) as one JSON document."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", default="-", help="File to write; '-' for standard output")

    def handle(self, *args, output: str, **options):
        data = knowledge_base_export()
        text = json.dumps(data, ensure_ascii=False, indent=1)
        if output == "-":
            sys.stdout.write(text + "\n")
            return
        path = Path(output)
        try:
            path.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from exc
        self.stdout.write(f"exported {len(data['actors'])} actors and {len(data['events'])} events to {path}")
