"""Logs a machine can parse: one JSON object per line, for Django's loggers and gunicorn's access log alike."""

import json
import logging
from datetime import UTC, datetime
from typing import Any

# gunicorn's access-log atoms worth keeping, by the field name they get in the JSON line.
GUNICORN_ACCESS_FIELDS = {
    "method": "m",
    "path": "U",
    "query": "q",
    "status": "s",
    "bytes": "B",
    "duration_ms": "M",
    "remote_addr": "h",
    "user_agent": "a",
    "referer": "f",
}


class JsonFormatter(logging.Formatter):
    """time, level, logger, message, then the request's method, path and status where the record carries them."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": message(record),
        }
        entry.update(request_fields(record))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def message(record: logging.LogRecord) -> str:
    """The formatted message; a call whose arguments don't fit its format still logs its raw text."""
    try:
        return record.getMessage()
    except (TypeError, ValueError, KeyError):
        return str(record.msg)


def request_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The HTTP facts a record carries: Django's `request`/`status_code` extras, or gunicorn's access atoms."""
    if record.name == "gunicorn.access" and isinstance(record.args, dict):
        return gunicorn_access_fields(record.args)
    fields: dict[str, Any] = {}
    request = getattr(record, "request", None)
    if hasattr(request, "path"):  # django.server passes a socket here, not an HttpRequest
        fields["method"] = request.method
        fields["path"] = request.path
    status = getattr(record, "status_code", None)
    if status is not None:
        fields["status"] = status
    return fields


def gunicorn_access_fields(atoms: dict[str, Any]) -> dict[str, Any]:
    """gunicorn escapes double quotes in atoms for its text format; JSON does its own escaping, so undo it."""
    fields = {}
    for name, atom in GUNICORN_ACCESS_FIELDS.items():
        value = atoms.get(atom)
        if value in (None, "-", ""):
            continue
        fields[name] = value.replace('\\"', '"') if isinstance(value, str) else value
    if str(fields.get("status", "")).isdigit():
        fields["status"] = int(fields["status"])
    return fields


def json_logging(level: str = "INFO") -> dict[str, Any]:
    """A dictConfig that sends every logger to stdout as JSON lines; used by production settings and gunicorn."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "config.logging.JsonFormatter"}},
        "handlers": {
            "stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            # gunicorn gives its own loggers handlers; stop them propagating, or each line would print twice.
            "gunicorn.error": {"handlers": ["stdout"], "level": level, "propagate": False},
            "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        },
    }
