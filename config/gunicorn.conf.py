"""gunicorn settings for `make serve`: loopback by default, workers from the environment, JSON access log on stdout.

gunicorn executes this file itself; the project root is put on sys.path so the one environment reader is used.
"""

import gc
import multiprocessing
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gunicorn.http import wsgi as gunicorn_wsgi

from config.env import env_int, env_str
from config.logging import json_logging

wsgi_app = "config.wsgi:application"
# Loopback unless told otherwise: a reverse proxy on the same host terminates TLS and forwards here.
bind = env_str("GUNICORN_BIND", "127.0.0.1:8000")
# gunicorn's usual rule of thumb for synchronous workers; WEB_CONCURRENCY is the conventional override.
workers = env_int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = env_int("GUNICORN_THREADS", 1)
timeout = env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak (a large spaCy doc, a fat queryset) can't grow without bound.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = 200
# Worker heartbeats on tmpfs: a container's overlay disk can stall them and get healthy workers killed.
worker_tmp_dir = "/dev/shm" if Path("/dev/shm").is_dir() else None  # noqa: S108

# Access log to stdout, one JSON object a line (config.logging reads gunicorn's atoms, not this text).
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms'
logconfig_dict = json_logging(env_str("DJANGO_LOG_LEVEL", "INFO"))

# gunicorn's runtime control socket sits at one path per user, so a second instance (the load test) would collide;
# signals (HUP to reload, TERM to stop) and the process manager already cover what it offers.
control_socket_disable = True


def _without_server_header(default_headers):
    """gunicorn's response headers less `Server: gunicorn`: naming the software only helps someone probing for it."""

    def headers(self) -> list[str]:
        return [line for line in default_headers(self) if not line.lower().startswith("server:")]

    return headers


# gunicorn has no setting for this header; its responses are built by this one method.
_response = gunicorn_wsgi.Response
if not getattr(_response.default_headers, "parley_no_server", False):
    _response.default_headers = _without_server_header(_response.default_headers)
    _response.default_headers.parley_no_server = True


def post_worker_init(worker) -> None:
    """The worker has loaded the application: what it holds now (modules, settings, URL patterns) lives as long as
    the worker. Frozen out of the garbage collector's sight, it is not traversed again by every full collection,
    which otherwise stalls a request for 25-45 ms (about 90,000 objects) a few times in every 200 requests."""
    gc.freeze()
