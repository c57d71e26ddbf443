"""Settings for a developer's machine and `make run`: debug on unless DJANGO_DEBUG says otherwise."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from config.settings.base import *  # noqa: F403
from config.settings.base import DEBUG, SECRET_KEY

if not SECRET_KEY:
    if not DEBUG:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off")
    # Only reachable with debug on, which production settings never allow.
    SECRET_KEY = "local-development-only-key-not-for-production"  # noqa: S105
