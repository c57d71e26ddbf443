"""Settings for the test suite: fast hashing, a fixed key, the database from DATABASE_URL."""

import os

os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-suite-only-key")

from config.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# django-axes needs a request in authenticate(); Django's test client.login() passes none. The axes tests turn it on.
AXES_ENABLED = False

# Serve static files from the apps and static/ as they are, never from a collected STATIC_ROOT that another
# process may be rewriting (collectstatic) while the browser tests run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
