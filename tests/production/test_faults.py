"""The database going away mid-service: pages answer 503 with a friendly page, the health check says so in JSON."""

import socket
from contextlib import contextmanager

import pytest
from django.db import OperationalError, connection
from django.test import Client

from config.middleware import RETRY_AFTER_SECONDS
from tests.factories import UserFactory

pytestmark = pytest.mark.urls("tests.production.urls")


def closed_port() -> int:
    """A loopback port nothing listens on: bound by us for a moment, then released."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def unreachable_database():
    """A real outage: the next query must open a new connection, and the settings point where no database is.

    The live connection is set aside rather than closed, so SQLite's in-memory test database survives and
    the test ends with the database as it found it.
    """
    saved_connection, saved_settings = connection.connection, dict(connection.settings_dict)
    connection.connection = None
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/nonexistent-directory/parley.sqlite3"
    else:
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    try:
        yield
    finally:
        if connection.connection is not None:  # a connection opened despite the outage; don't leak it
            connection.connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved_settings)
        connection.connection = saved_connection


@pytest.fixture
def database_down(transactional_db):
    with unreachable_database():
        yield


def test_database_down_fixture_really_fails_to_connect(database_down):
    with pytest.raises(OperationalError):
        connection.ensure_connection()


def test_page_that_queries_answers_503_with_retry_after_when_database_is_down(database_down):
    response = Client().get("/test/count-users/")

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    assert "briefly unavailable" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_admin_page_of_logged_in_curator_answers_503_when_database_is_down(transactional_db):
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    with unreachable_database():
        response = client.get("/admin/")

    assert response.status_code == 503


def test_page_that_queries_answers_200_when_database_is_up(db):
    UserFactory()

    response = Client().get("/test/count-users/")

    assert response.status_code == 200
    assert response.content == b"1"


def test_healthz_reports_ok_when_database_answers(db):
    response = Client().get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_json_when_database_is_down(database_down):
    response = Client().get("/healthz")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json()["database"] == "unreachable"


def test_healthz_needs_no_login_and_writes_nothing(db, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):  # the SELECT 1; no session, no axes row, no write
        response = Client().get("/healthz")

    assert response.status_code == 200
    assert "sessionid" not in response.cookies


def test_healthz_refuses_writes(db):
    assert Client().post("/healthz").status_code == 405


def test_unexpected_error_renders_the_plain_500_page_not_a_traceback(db):
    response = Client(raise_request_exception=False).get("/test/explode/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "RuntimeError" not in response.content.decode()


def test_non_database_errors_are_left_to_djangos_500_handling(db):
    with pytest.raises(RuntimeError):
        Client().get("/test/explode/")
