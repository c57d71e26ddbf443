"""The production settings pass Django's deployment checklist and refuse to start half-configured."""

import gc
import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# 50 characters of several kinds, as `check --deploy` wants (security.W009); a test value, never a real key.
SECRET_KEY = "k3Q-vW9_zR2pLx7TnB4mYc8HdF1sJ6gA0eKuP5oXiN-tE3rVbZ"
# Variables a developer's shell may hold that would loosen production and make a check warn.
LOOSENING_VARIABLES = (
    "DJANGO_SECURE_SSL_REDIRECT",
    "DJANGO_HSTS_SECONDS",
    "DJANGO_DEBUG",
    "AXES_ENABLED",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by browser tests for Playwright; check --deploy rightly errors on it
)


def production_env(**overrides: str | None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in LOOSENING_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="parley.example.org",
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings():
    assert len(SECRET_KEY) == 50

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


@pytest.mark.parametrize("key", [None, "", "too-short-to-be-a-real-key"])
def test_production_refuses_to_start_without_a_real_secret_key(key):
    result = manage("check", env=production_env(DJANGO_SECRET_KEY=key))

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", env=production_env(DJANGO_ALLOWED_HOSTS=None))

    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_settings_log_json_lines():
    code = "import logging; logging.getLogger('parley.check').warning('hello %s', 'world')"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=BASE_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert {"level": "WARNING", "logger": "parley.check", "message": "hello world"}.items() <= lines[-1].items()


def test_gunicorn_config_binds_loopback_and_reads_workers_from_the_environment(monkeypatch):
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    monkeypatch.setenv("WEB_CONCURRENCY", "3")

    conf = runpy.run_path(str(BASE_DIR / "config" / "gunicorn.conf.py"))

    assert conf["bind"] == "127.0.0.1:8000"
    assert conf["workers"] == 3
    assert conf["accesslog"] == "-"
    assert conf["wsgi_app"] == "config.wsgi:application"
    assert conf["logconfig_dict"]["loggers"]["gunicorn.access"]["handlers"] == ["stdout"]


def test_gunicorn_workers_freeze_what_the_loaded_application_holds():
    conf = runpy.run_path(str(BASE_DIR / "config" / "gunicorn.conf.py"))
    try:
        conf["post_worker_init"](worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


# Run inside a production-settings process: Django's test client, an in-memory database with no tables.
PRODUCTION_REQUESTS = """
import django
django.setup()
from django.conf import settings
from django.test import Client
client = Client(HTTP_HOST="parley.example.org")
https = {"HTTP_X_FORWARDED_PROTO": "https"}
print("axes", settings.AXES_ENABLED, "debug", settings.DEBUG)
print("plain-home", client.get("/").status_code)
print("plain-healthz", client.get("/healthz").status_code)
secure = client.get("/healthz", **https)
print("hsts", "max-age=31536000" in secure.get("Strict-Transport-Security", ""))
print("csp", "script-src 'self'" in secure.get("Content-Security-Policy", ""))
"""


def test_production_keeps_throttling_and_https_whatever_the_environment_says():
    env = production_env(DATABASE_URL="sqlite://:memory:")
    env.update(AXES_ENABLED="0", DJANGO_DEBUG="1")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", PRODUCTION_REQUESTS], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )

    facts = dict(line.split(" ", 1) for line in result.stdout.splitlines() if not line.startswith("{"))
    assert result.returncode == 0, result.stderr
    assert facts["axes"] == "True debug False"
    assert facts["plain-home"] == "301"  # plain HTTP is sent to HTTPS...
    assert facts["plain-healthz"] == "200"  # ...except the load balancer's probe
    assert facts["hsts"] == "True"
    assert facts["csp"] == "True"
