"""Views that belong to the site rather than an app: the load balancer's health check."""

import logging
import threading

from django.db import Error as DatabaseError
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# A load balancer gives up on a probe after a few seconds: answer well before, whatever the database does.
HEALTH_DEADLINE_SECONDS = 1.5

# One probe at a time per process: while one waits on a hung database, later checks answer 503 at once instead of
# piling up threads.
_probe_running = threading.Lock()


@never_cache
@require_safe
def healthz(request):
    """200 when the process serves and the database answers a read in time, 503 otherwise; no auth, no writes.

    The read runs in a thread of its own, on its own connection: a database that hangs (rather than refusing)
    would otherwise hold this request, and the worker, for as long as the socket stays open.
    """
    if not _probe_running.acquire(blocking=False):
        return _unavailable("timeout", "the previous check is still waiting for the database")
    answer: dict[str, str] = {}
    thread = threading.Thread(target=_probe, args=(answer,), name="healthz-probe", daemon=True)
    thread.start()
    thread.join(HEALTH_DEADLINE_SECONDS)
    if thread.is_alive():
        return _unavailable("timeout", f"no answer within {HEALTH_DEADLINE_SECONDS} s")
    if "error" in answer:
        return _unavailable("unreachable", "the database refused the connection or the read")
    return JsonResponse({"status": "ok", "database": "ok"})


def _probe(answer: dict[str, str]) -> None:
    """SELECT 1 on a connection of this thread, closed afterwards; releases the one-probe lock when done."""
    try:
        database_ping()
    except DatabaseError as exc:  # logged, not shown: the check is public and the message names hosts
        logger.warning("health check: database unavailable: %s", exc)
        answer["error"] = str(exc)
    finally:
        connections.close_all()
        _probe_running.release()


def database_ping() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _unavailable(database: str, detail: str) -> JsonResponse:
    return JsonResponse({"status": "unavailable", "database": database, "detail": detail}, status=503)
