"""A database that hangs instead of refusing: /healthz still answers 503 within 2 s, the settings bound every wait,
and the CSV export asks the database before its first byte.

The hang is real on PostgreSQL: a TCP proxy on 127.0.0.1, written here, that accepts connections and then stops
passing bytes on. Every loop in it is bounded in time.
"""

import socket
import threading
import time
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import Client

from config import views as site_views
from tests.production.test_faults import unreachable_database

pytestmark = pytest.mark.urls("tests.production.urls")

HEALTHZ_BOUND_SECONDS = 2.0
PROXY_LIFETIME_SECONDS = 30  # no pump outlives this, whatever a test does
TICK = 0.05


class PausedProxy:
    """Forwards 127.0.0.1:<port> to the database; while paused it keeps accepting and reading, but passes nothing."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.flowing = threading.Event()
        self.flowing.set()
        self.stopped = threading.Event()
        self.deadline = time.monotonic() + PROXY_LIFETIME_SECONDS
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(TICK)
        self.port = self.listener.getsockname()[1]
        self.threads = [threading.Thread(target=self._accept, daemon=True)]
        self.threads[0].start()

    def _alive(self) -> bool:
        return not self.stopped.is_set() and time.monotonic() < self.deadline

    def _accept(self) -> None:
        while self._alive():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            upstream = socket.create_connection(self.target, timeout=5)
            for source, sink in ((client, upstream), (upstream, client)):
                pump = threading.Thread(target=self._pump, args=(source, sink), daemon=True)
                self.threads.append(pump)
                pump.start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        source.settimeout(TICK)
        try:
            while self._alive():
                try:
                    data = source.recv(65536)
                except TimeoutError:
                    continue
                if not data:
                    break
                while not self.flowing.wait(TICK):  # paused: hold the bytes
                    if not self._alive():
                        return
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                sock.close()

    def close(self) -> None:
        self.stopped.set()
        for thread in self.threads:
            thread.join(PROXY_LIFETIME_SECONDS)
        self.listener.close()


@contextmanager
def database_through(proxy: PausedProxy):
    """New connections of every thread go through the proxy (the settings dict is shared by all threads)."""
    saved = dict(connection.settings_dict)
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(proxy.port))
    try:
        yield
    finally:
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def wait_for_probe_to_finish(seconds: float = 10) -> None:
    assert site_views._probe_running.acquire(timeout=seconds), "the health probe never finished"
    site_views._probe_running.release()


def timed_healthz():
    started = time.monotonic()
    response = Client().get("/healthz")
    return response, time.monotonic() - started


@pytest.fixture
def postgres_proxy(db):
    if connection.vendor != "postgresql":
        pytest.skip("a TCP proxy needs a database behind TCP (PostgreSQL)")
    proxy = PausedProxy(
        (connection.settings_dict["HOST"] or "127.0.0.1", int(connection.settings_dict["PORT"] or 5432))
    )
    try:
        with database_through(proxy):
            yield proxy
    finally:
        proxy.flowing.set()
        wait_for_probe_to_finish()
        proxy.close()


def test_healthz_answers_503_within_2_s_through_a_paused_proxy_and_200_once_it_flows(postgres_proxy):
    response, _ = timed_healthz()
    assert response.status_code == 200  # the proxy works

    postgres_proxy.flowing.clear()
    response, elapsed = timed_healthz()

    assert response.status_code == 503
    assert response.json()["database"] == "timeout"
    assert elapsed < HEALTHZ_BOUND_SECONDS

    postgres_proxy.flowing.set()
    wait_for_probe_to_finish()
    assert timed_healthz()[0].status_code == 200


@pytest.fixture
def hung_ping(db, monkeypatch):
    """The same hang on any database: the ping blocks until released (bounded, so a failing test ends)."""
    release = threading.Event()
    monkeypatch.setattr(site_views, "database_ping", lambda: release.wait(PROXY_LIFETIME_SECONDS))
    yield release
    release.set()
    wait_for_probe_to_finish()


def test_healthz_answers_503_within_2_s_when_the_read_hangs(hung_ping):
    response, elapsed = timed_healthz()

    assert (response.status_code, response.json()["database"]) == (503, "timeout")
    assert elapsed < HEALTHZ_BOUND_SECONDS


def test_a_check_while_one_still_hangs_answers_503_at_once_without_another_thread(hung_ping, monkeypatch):
    monkeypatch.setattr(site_views, "HEALTH_DEADLINE_SECONDS", 0.2)  # the first check only has to start the hang
    timed_healthz()
    threads = threading.active_count()

    response, elapsed = timed_healthz()

    assert response.status_code == 503 and elapsed < 0.5
    assert threading.active_count() == threads


def test_every_postgresql_connection_bounds_its_connect_statement_and_lock_waits(db):
    if connection.vendor != "postgresql":
        pytest.skip("statement and lock timeouts are PostgreSQL settings")
    options = connection.settings_dict["OPTIONS"]
    assert options["connect_timeout"] == 3
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("20s",)
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone() == ("5s",)


def test_postgresql_connections_compile_no_query_just_in_time(db):
    """JIT compiling took 2 s for one article search whose plan cost a disabled scan had inflated."""
    if connection.vendor != "postgresql":
        pytest.skip("JIT is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def test_csv_export_answers_503_not_a_cut_200_when_the_database_is_down(transactional_db):
    client = Client()
    assert client.get("/events/export.csv").status_code == 200  # what the filters read is cached now, as in service

    with unreachable_database():
        response = client.get("/events/export.csv")

    assert response.status_code == 503
    assert not response.streaming
