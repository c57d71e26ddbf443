"""The JSON log formatter: one parseable object per line, with the request's path and status when known."""

import json
import logging
import sys

from django.test import RequestFactory

from config.logging import JsonFormatter, json_logging


def record(name="parley.test", msg="hello %s", args=("world",), level=logging.INFO, **extra) -> logging.LogRecord:
    entry = logging.LogRecord(name, level, __file__, 1, msg, args, None)
    entry.__dict__.update(extra)
    return entry


def formatted(entry: logging.LogRecord) -> dict:
    line = JsonFormatter().format(entry)
    assert "\n" not in line
    return json.loads(line)


def test_a_plain_record_gives_time_level_logger_and_message():
    entry = formatted(record())

    assert entry["level"] == "INFO"
    assert entry["logger"] == "parley.test"
    assert entry["message"] == "hello world"
    assert entry["time"].endswith("+00:00")


def test_a_django_request_record_gives_method_path_and_status():
    request = RequestFactory().get("/events/", {"q": "talks"})

    entry = formatted(
        record("django.request", "Not Found: %s", ("/events/",), logging.WARNING, request=request, status_code=404)
    )

    assert entry["method"] == "GET"
    assert entry["path"] == "/events/"
    assert entry["status"] == 404


def test_a_multiline_exception_stays_on_one_line():
    try:
        raise ValueError("line one\nline two")
    except ValueError:
        entry = record(level=logging.ERROR, exc_info=sys.exc_info())

    assert "ValueError: line one\nline two" in formatted(entry)["exception"]


def test_a_gunicorn_access_record_gives_the_request_fields():
    atoms = {
        "m": "GET",
        "U": "/officials/",
        "q": 'q=J\\"avad',
        "s": "200",
        "B": 5120,
        "M": 12,
        "r": 'GET /officials/?q=J\\"avad HTTP/1.1',
        "h": "127.0.0.1",
        "a": "locust",
        "f": "-",
    }

    entry = formatted(record("gunicorn.access", '%(h)s "%(r)s" %(s)s', atoms))

    assert entry["path"] == "/officials/"
    assert entry["query"] == 'q=J"avad'
    assert entry["status"] == 200
    assert entry["duration_ms"] == 12
    assert "referer" not in entry


def test_unprintable_values_do_not_break_a_line():
    entry = formatted(record(msg="%s", args=(object(),), status_code=b"\xff"))

    assert entry["message"].startswith("<object object")


def test_json_logging_routes_everything_to_one_stdout_handler():
    config = json_logging("WARNING")

    assert config["root"] == {"handlers": ["stdout"], "level": "WARNING"}
    assert config["formatters"]["json"]["()"] == "config.logging.JsonFormatter"
    assert not config["loggers"]["gunicorn.access"]["propagate"]


def test_a_message_whose_arguments_do_not_fit_still_logs():
    assert formatted(record(msg="%s and %s", args=("one",)))["message"] == "%s and %s"


def test_the_development_settings_print_a_django_log_line_once():
    """Under debug Django gives its logger a console handler of its own; the root's must not print the line again."""
    import subprocess
    from pathlib import Path

    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.utils.autoreload').info('Watching for file changes')"
    )
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.local", "DJANGO_DEBUG": "1"}
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stderr.count("Watching for file changes") == 1
