"""Django settings: one table of defaults, each overridable by an environment variable.

Every key of :data:`DEFAULTS` is read from the environment first. ``LIQA_ENV=production``
switches to :data:`PRODUCTION_DEFAULTS` (HTTPS only, secure cookies, HSTS, SMTP) so that
``liqa manage check --deploy`` finds no issue. Document a new key in
``docs/reference/web.md`` in the same change that adds it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from liqa.web.runtime import database_url_problem

DEFAULTS: dict[str, str] = {
    "LIQA_DATA_DIR": "./var",
    "DATABASE_URL": "",
    "LIQA_SECRET_KEY": "",
    "LIQA_DEBUG": "0",
    "LIQA_ALLOWED_HOSTS": "127.0.0.1,localhost,[::1]",
    "LIQA_BASE_URL": "http://127.0.0.1:8000",
    "LIQA_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    "LIQA_EMAIL_HOST": "localhost",
    "LIQA_EMAIL_PORT": "25",
    "LIQA_EMAIL_USER": "",
    "LIQA_EMAIL_PASSWORD": "",
    "LIQA_EMAIL_USE_TLS": "0",
    "LIQA_EMAIL_TIMEOUT": "10",
    "LIQA_FROM_EMAIL": "liqa <noreply@localhost>",
    "LIQA_TASK_BACKEND": "database",
    "LIQA_MAGIC_LINK_MINUTES": "30",
    "LIQA_MAGIC_LINKS_PER_HOUR": "5",
    "LIQA_SCHEDULER_SECONDS": "20",
    "LIQA_RUN_STALE_SECONDS": "60",
    "LIQA_FOLLOW_UP_MONTHS": "1,3,6",
    "LIQA_ENV": "development",
    "LIQA_SSL_REDIRECT": "0",
    "LIQA_PROXY_SSL_HEADER": "",
    "LIQA_SECURE_COOKIES": "0",
    "LIQA_HSTS_SECONDS": "0",
    "LIQA_HSTS_INCLUDE_SUBDOMAINS": "1",
    "LIQA_HSTS_PRELOAD": "1",
    "LIQA_MAX_UPLOAD_MB": "10",
    "LIQA_LOG_LEVEL": "INFO",
    "LIQA_WARM_SECONDS": "120",
    "LIQA_EMBEDDINGS_AHEAD": "background",
}
"""Every setting of the web app with its default (all values are strings, as in the env)."""

PRODUCTION_DEFAULTS: dict[str, str] = {
    "LIQA_SSL_REDIRECT": "1",
    "LIQA_SECURE_COOKIES": "1",
    "LIQA_HSTS_SECONDS": "31536000",
    "LIQA_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}
"""The defaults that change with ``LIQA_ENV=production`` (the environment still wins)."""


def setting(name: str) -> str:
    """The value of ``name``: from the environment, else the (production) default."""
    if name in os.environ:
        return os.environ[name]
    if name in PRODUCTION_DEFAULTS and os.environ.get("LIQA_ENV") == "production":
        return PRODUCTION_DEFAULTS[name]
    return DEFAULTS[name]


def _number[N: (int, float)](name: str, kind: type[N]) -> N:
    """The setting ``name`` as a number; a ``ValueError`` naming the variable otherwise."""
    text = setting(name)
    try:
        return kind(text)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise ValueError(f"{name} must be {what}, not {text!r}") from None


def _flag(name: str) -> bool:
    return setting(name).strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(setting("LIQA_DATA_DIR")).expanduser().resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    if setting("LIQA_SECRET_KEY"):
        return setting("LIQA_SECRET_KEY")
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def _database() -> dict[str, Any]:
    url = setting("DATABASE_URL").strip()
    problem = database_url_problem(url)  # the CLI says it before Django starts (runtime)
    if problem is not None:
        raise ImproperlyConfigured(problem)
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=60))
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "liqa.sqlite3"),
        # Workers and the server write from several threads/processes: wait, don't fail.
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
    }


def _tasks() -> dict[str, Any]:
    if setting("LIQA_TASK_BACKEND") == "immediate":
        return {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = _secret_key()
DEBUG = _flag("LIQA_DEBUG")
ALLOWED_HOSTS = [host.strip() for host in setting("LIQA_ALLOWED_HOSTS").split(",") if host]
# without LIQA_BASE_URL, `liqa serve` and `liqa demo` set it to the address they serve and
# record it in the data directory (liqa.web.runtime.follow_served), where `liqa worker` and
# `liqa manage` read it (runtime.follow_recorded); the default is for when nothing serves
BASE_URL = setting("LIQA_BASE_URL").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "liqa.web.events",
    "liqa.web.accounts",
    "liqa.web.scheduling",
    "liqa.web.agendas",
    "liqa.web.api",
    "liqa.web.audit",
    "liqa.web.backup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "liqa.web.audit.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "liqa.web.urls"
WSGI_APPLICATION = "liqa.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "liqa.web.templating.environment",
            "context_processors": ["liqa.web.templating.csrf_once"],  # one token per page
        },
    },
    {
        # Django's admin keeps its own DTL templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]

DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
TASKS = _tasks()

LANGUAGE_CODE = "en"
LANGUAGES = [("ar", "العربية"), ("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR.parent / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"

# Django's database sessions and ModelBackend, the session's row and its user each read
# with one plain statement on PostgreSQL
SESSION_ENGINE = "liqa.web.accounts.lookups"
AUTHENTICATION_BACKENDS = ["liqa.web.accounts.lookups.ModelBackend"]

LOGIN_URL = "accounts:signin"
LOGIN_REDIRECT_URL = "home"

# --- Security: cookies, HTTPS, headers, content security policy (docs/reference/web.md)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Django's default; the token is also in every form
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = _flag("LIQA_SECURE_COOKIES")
CSRF_COOKIE_SECURE = _flag("LIQA_SECURE_COOKIES")
SECURE_SSL_REDIRECT = _flag("LIQA_SSL_REDIRECT")
SECURE_HSTS_SECONDS = _number("LIQA_HSTS_SECONDS", int)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("LIQA_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = _flag("LIQA_HSTS_PRELOAD")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"  # secret links never leak to other sites
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


def _proxy_ssl_header() -> tuple[str, str] | None:
    """``X-Forwarded-Proto`` -> ``("HTTP_X_FORWARDED_PROTO", "https")`` (empty: no proxy)."""
    header = setting("LIQA_PROXY_SSL_HEADER").strip()
    if not header:
        return None
    return "HTTP_" + header.upper().replace("-", "_"), "https"


SECURE_PROXY_SSL_HEADER = _proxy_ssl_header()
CSRF_TRUSTED_ORIGINS = [BASE_URL] if BASE_URL.startswith(("http://", "https://")) else []

# No inline script or style anywhere: every page's code and style are static files.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# --- Uploads: small forms in memory, files spooled to disk, mission files and sheets capped
LIQA_MAX_UPLOAD_MB = _number("LIQA_MAX_UPLOAD_MB", float)
LIQA_MAX_UPLOAD_BYTES = int(LIQA_MAX_UPLOAD_MB * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # 2.5 MB of form fields (files not counted)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads go to a temporary file
DATA_UPLOAD_MAX_NUMBER_FILES = 20


def _mailers() -> dict[str, Any]:
    backend = setting("LIQA_EMAIL_BACKEND")
    options: dict[str, Any] = {}
    if backend.endswith("smtp.EmailBackend"):
        options = {
            "host": setting("LIQA_EMAIL_HOST"),
            "port": _number("LIQA_EMAIL_PORT", int),
            "username": setting("LIQA_EMAIL_USER"),
            "password": setting("LIQA_EMAIL_PASSWORD"),
            "use_tls": _flag("LIQA_EMAIL_USE_TLS"),
            # a mail host that accepts the connection and never answers must not hold the
            # organizer's Publish request (and its worker) forever: the message is then
            # recorded as failed, to send again
            "timeout": _number("LIQA_EMAIL_TIMEOUT", float),
        }
    return {"default": {"BACKEND": backend, "OPTIONS": options}}


MAILERS = _mailers()
DEFAULT_FROM_EMAIL = setting("LIQA_FROM_EMAIL")

LIQA_MAGIC_LINK_MINUTES = _number("LIQA_MAGIC_LINK_MINUTES", int)
LIQA_MAGIC_LINKS_PER_HOUR = _number("LIQA_MAGIC_LINKS_PER_HOUR", int)
LIQA_SCHEDULER_SECONDS = _number("LIQA_SCHEDULER_SECONDS", float)
LIQA_RUN_STALE_SECONDS = _number("LIQA_RUN_STALE_SECONDS", float)
LIQA_WARM_SECONDS = _number("LIQA_WARM_SECONDS", float)
"""``liqa serve --production``: time spent building the kept agendas before serving."""
LIQA_EMBEDDINGS_AHEAD = setting("LIQA_EMBEDDINGS_AHEAD")
"""Profiles embedded after an import or edit commits: ``background``, ``inline`` or ``off``
(:mod:`liqa.web.agendas.meaning`)."""
LIQA_FOLLOW_UP_MONTHS = tuple(int(m) for m in setting("LIQA_FOLLOW_UP_MONTHS").split(",") if m)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "liqa.web.accounts.lookups.TokenAuthentication",  # DRF's, one plain statement
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "liqa API",
    "DESCRIPTION": "Events, organizations, people, requests, schedules and outcomes.",
    "VERSION": "1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",  # the default
        "liqa.web.api.schema.document_errors",  # 400/401/403/404/415 on every operation
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "liqa.web.logfilters.RedactPersonalData"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    # The handler redacts every record it writes (e-mail addresses, secrets in URLs); the
    # loggers where Django writes request paths also redact at the source, so no handler
    # (an error tracker, the test's log capture) ever receives a secret link.
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "liqa": {"level": setting("LIQA_LOG_LEVEL")},
        "django": {"handlers": [], "level": "WARNING"},
        "django.request": {"filters": ["redact"]},
        "django.security.csrf": {"filters": ["redact"]},
        "django.server": {
            "handlers": ["console"],
            "level": "INFO",
            "propagate": False,
            "filters": ["redact"],
        },
    },
}
