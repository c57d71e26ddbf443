"""Settings for a public server: debug off, a real secret key, HTTPS-only cookies and HSTS, JSON logs."""

import os

from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str
from config.logging import json_logging
from config.settings.base import *  # noqa: F403
from config.settings.base import SECRET_KEY, STORAGES

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set to a random string of 32+ characters in production")
# The base default (localhost) would answer 400 to every real visitor; make the operator name the hosts.
if not os.environ.get("DJANGO_ALLOWED_HOSTS", "").strip():
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must name the site's host(s) in production")
# Only needed when a form posts from another origin than the host it is served on (e.g. an admin subdomain).
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# The proxy in front must set this header itself, never pass on a client's; gunicorn listens on loopback only.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# Load balancers probe over plain HTTP; a redirect would read as "unhealthy".
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Login throttling is not optional on a public server, whatever AXES_ENABLED says.
AXES_ENABLED = True

# Hashed file names let whitenoise serve static files with far-future cache headers; needs `collectstatic`.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGGING = json_logging(env_str("DJANGO_LOG_LEVEL", "INFO"))
