"""Request handling of our own: a database outage answers 503 with a friendly page; the client's real address."""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Seconds a client or load balancer should wait before trying again.
RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    """Turn a lost or refused database connection raised by a view into 503 Service Unavailable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("database unavailable: %s", exception, extra={"request": request, "status_code": 503})
        return database_unavailable_response()


def database_unavailable_response() -> HttpResponse:
    """The 503 page; rendered without a request context, whose processors might query the database again."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def client_ip(request) -> str | None:
    """The visitor's address for login throttling: behind our own proxy REMOTE_ADDR is the proxy's, the same for all.

    Only a request that came from a trusted proxy has its X-Forwarded-For believed, and then only the last entry:
    the address the proxy itself saw (nginx's $proxy_add_x_forwarded_for appends it; earlier ones are the client's
    word). Anyone else's header is ignored, so it cannot be used to dodge a lockout.
    Kept by hand, not django-ipware through axes: ipware trusts by counting or listing the proxies named inside the
    header, never REMOTE_ADDR, and answers None for the one-entry header a single nginx sends (ipware 7.0.1, tried).
    """
    remote = request.META.get("REMOTE_ADDR")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if remote in settings.TRUSTED_PROXIES and forwarded.strip():
        return forwarded.split(",")[-1].strip() or remote
    return remote
