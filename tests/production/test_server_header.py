"""gunicorn, with our configuration, answers without a `Server` header: it names the software to anyone probing."""

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.production.test_faults import closed_port

ROOT = Path(__file__).resolve().parents[2]
START_SECONDS = 15
TINY_APP = """
def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
"""


def first_response(port: int) -> http.client.HTTPResponse:
    """The first answer from 127.0.0.1:port, polling until the server listens (bounded)."""
    deadline = time.monotonic() + START_SECONDS
    while True:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            connection.request("GET", "/")
            response = connection.getresponse()
            response.read()
            return response
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
        finally:
            connection.close()


def test_gunicorn_sends_no_server_header(tmp_path):
    (tmp_path / "tiny_wsgi.py").write_text(TINY_APP)
    port = closed_port()
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1", "PYTHONPATH": str(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py", "tiny_wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        response = first_response(port)
    finally:
        server.terminate()
        server.wait(START_SECONDS)

    assert response.status == 200
    assert response.getheader("Server") is None
