"""Settings for Metelkaar, read from the environment.

Every setting that differs between a laptop demo and production comes from an
environment variable, parsed strictly: a malformed value stops start-up with a
clear message instead of being silently ignored.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("METELKAAR_DATA_DIR", BASE_DIR.parent / "var"))


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def envchoice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name) or default
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return url


def envurl(name: str, schemes: tuple[str, ...], example: str) -> str:
    """A URL with one of ``schemes``, or "" when unset; quoted back without its password."""
    value = os.environ.get(name, "").strip()
    if not value:
        return ""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in schemes or not (parts.hostname or parts.path):
        raise ImproperlyConfigured(
            f"{name} must be a URL like {example}, not {_without_password(value)!r}"
        )
    return value


def _database(default: str) -> dict:
    url = os.environ.get("DATABASE_URL", "").strip() or default
    try:
        config = dj_database_url.parse(url, conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0))
    except (ValueError, KeyError):
        raise ImproperlyConfigured(
            "DATABASE_URL must be a URL like postgres://user:password@host:5432/metelkaar, "
            f"not {_without_password(url)!r}"
        ) from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(
            f"DATABASE_URL names no database engine Metelkaar knows: {_without_password(url)!r}"
        )
    return config


def _secret_key() -> str:
    """Use SECRET_KEY, or a key generated once and kept in the data folder."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


DEBUG = envbool("DEBUG", False)
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
# The address people use to reach this site, for links in e-mails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# How many days the link in a match e-mail opens the participant's match page
# (no password needed); after that the page offers a fresh link by e-mail.
MATCH_LINK_VALID_DAYS = envint("MATCH_LINK_VALID_DAYS", 30)

INSTALLED_APPS = [
    # Metelkaar first, so its templates and translations take precedence.
    "metelkaar.core",
    "metelkaar.core.notifications",
    "metelkaar.people",
    "metelkaar.programmes",
    "metelkaar.matches",
    "metelkaar.proposals",
    "metelkaar.activities",
    "metelkaar.bridges",
    "metelkaar.demo",
    "metelkaar.privacy",
    "metelkaar.impact",
    "metelkaar.partners",
    "metelkaar.imports",
    "metelkaar.api",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Libraries
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # recovery codes
    "formtools",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "rest_framework_api_key",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from our own static files
]

MIDDLEWARE = [
    "metelkaar.core.requestlog.RequestLogMiddleware",  # first: it times the whole request
    "metelkaar.core.health.ProbeMiddleware",  # /healthz, /readyz: before host checks
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "metelkaar.core.languages.LanguageMiddleware",
    # Before the middleware below that answer early (two-step, lockout, throttle).
    "metelkaar.core.middleware.PrivateCacheMiddleware",
    "metelkaar.core.twofactor.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "metelkaar.core.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
    "metelkaar.core.throttle.PublicFormThrottleMiddleware",
]

ROOT_URLCONF = "metelkaar.urls"
WSGI_APPLICATION = "metelkaar.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "metelkaar.core.context_processors.roles",
                "metelkaar.core.context_processors.languages",
            ],
            # {% icon "name" %} and {{ name|bdi }} in every template.
            "builtins": ["metelkaar.core.templatetags.icons", "metelkaar.core.templatetags.bidi"],
        },
    },
]

# Every field through one template: {{ form.name.as_field_group }} (core/templates/core/field.html).
FORM_RENDERER = "metelkaar.core.forms.FormRenderer"

DATABASES = {"default": _database(f"sqlite:///{DATA_DIR / 'metelkaar.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20,
         "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "metelkaar.core.auth.LockoutBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login protection: lock a user name + address pair out after repeated failures,
# and require a second factor (TOTP) for coordinators and org admins.
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # the login form field, though users log in by e-mail
AXES_USERNAME_CALLABLE = "metelkaar.core.lockout.lockout_username"  # in lower case
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = 1 if envbool("BEHIND_PROXY", False) else None
STAFF_2FA_REQUIRED = envbool("STAFF_2FA_REQUIRED", True)
# Forms sent without an account, per network address and window (0 = no limit).
PUBLIC_FORM_LIMIT = envint("PUBLIC_FORM_LIMIT", 200)
PUBLIC_FORM_WINDOW_MINUTES = envint("PUBLIC_FORM_WINDOW_MINUTES", 10)
OTP_TOTP_ISSUER = "Metelkaar"

LANGUAGE_CODE = "nl"
# Participant and public pages come in all eight; staff pages in the first two only
# (metelkaar.core.languages). Review state per language: docs/translating.md.
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("ti", _("Tigrinya")),
    ("fa", _("Persian")),
    ("uk", _("Ukrainian")),
    ("tr", _("Turkish")),
    ("so", _("Somali")),
]
STAFF_LANGUAGES = ("nl", "en")
# Paths of pages only staff open: shown in STAFF_LANGUAGES whatever the visitor chose.
STAFF_PATH_PREFIXES = (
    "/coordinator/", "/staff/", "/coach/", "/impact/", "/admin/",
    "/partners/",  # a partner school's contact, through a signed link
    "/accounts/2fa/",  # two-step login: for staff, optional for participants with an account
    "/api/",  # the REST API answers (and words its errors) in the staff languages
)
FORMAT_MODULE_PATH = ["metelkaar.core.formats"]  # dates for ti and so, which Django lacks
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or DATA_DIR / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if envbool("STATIC_MANIFEST", False)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = envbool("WHITENOISE_USE_FINDERS", True)
# Files browsers ask for at the site's root: /favicon.ico.
WHITENOISE_ROOT = BASE_DIR / "core" / "root"
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "media/"

# Without a mail server: one file per message in EMAIL_FILE_PATH, removed on erasure
# and after 90 days (metelkaar.core.notifications.mail_copies).
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "metelkaar.core.notifications.mail_copies.EmailBackend"
)
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Metelkaar <noreply@localhost>")

TASKS = {
    "default": {
        # django-tasks-db's backend, carrying the request id into the tasks a request queues.
        "BACKEND": os.environ.get("TASKS_BACKEND", "metelkaar.core.tasks_backend.DatabaseBackend"),
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
HTTPS = envbool("HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_PROXY", False) else None
)

# ---------------------------------------------------------------------------
# Running for many organisations (issue 16; docs/operations.md): a shared cache,
# a worker fleet, health checks, logs and metrics. Kept together in this block.
# ---------------------------------------------------------------------------
# With REDIS_URL every server process shares one cache: the public-form limit, the
# login lockout and any other per-visitor count hold across processes and machines.
# Without it (make demo, the tests) each process has its own local-memory cache.
REDIS_URL = envurl("REDIS_URL", ("redis", "rediss", "unix"), "redis://127.0.0.1:6379/0")
if REDIS_URL:
    if not os.environ.get("SECRET_KEY"):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when REDIS_URL is set: every server of one deployment "
            "needs the same key"
        )
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "metelkaar"),
            # A Redis that hangs costs a request one second, not a worker thread.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    AXES_HANDLER = "metelkaar.core.lockout.SharedCacheAxesHandler"
    AXES_CACHE = "default"
# The lockout's log lines name a pseudonym instead of the e-mail address typed.
AXES_CLIENT_STR_CALLABLE = "metelkaar.core.lockout.client_str"

# /readyz is unready when the oldest task waiting for a worker is older than this.
READYZ_MAX_TASK_AGE_SECONDS = envint("READYZ_MAX_TASK_AGE", 600)
# A task whose worker died is queued again up to this many attempts, then marked failed.
TASK_MAX_ATTEMPTS = envint("TASK_MAX_ATTEMPTS", 3)
# Every db_worker sweeps the e-mail outbox this often (seconds; 0: only `daily` does).
DELIVERY_SWEEP_SECONDS = envint("DELIVERY_SWEEP_SECONDS", 300)
# /metrics for Prometheus: staff accounts, or "Authorization: Bearer <METRICS_TOKEN>".
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
# "json": one JSON line per request and per task (with its request id); "text" for people.
LOG_FORMAT = envchoice("LOG_FORMAT", "text", ("text", "json"))
LOG_LEVEL = envchoice(
    "LOG_LEVEL", "WARNING", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "metelkaar.core.requestlog.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # The per-request and per-task lines, at INFO, whatever LOG_LEVEL says.
        "metelkaar.requests": {"level": "INFO" if LOG_FORMAT == "json" else LOG_LEVEL},
        "metelkaar.tasks": {"level": "INFO" if LOG_FORMAT == "json" else LOG_LEVEL},
    },
}
# --- end of the block for running for many organisations --------------------

# ---------------------------------------------------------------------------
# The REST API (issue 17; metelkaar/api/, README "API"). JSON in and out, errors as
# problem details (RFC 9457), API tokens or the session of a signed-in coordinator.
# ---------------------------------------------------------------------------
# Requests per minute per API token (per account or address without one), on the shared cache.
API_RATE_LIMIT = envint("API_RATE_LIMIT", 120)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "metelkaar.api.auth.TokenAuthentication",
        "metelkaar.api.auth.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["metelkaar.api.auth.ScopePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["metelkaar.api.auth.TokenRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "metelkaar.api.pagination.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "metelkaar.api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Metelkaar API",
    "DESCRIPTION": "Programmes, enrolments, people, matches, contacts and reports of one "
                   "organisation. Send an API token as `Authorization: Bearer <token>`.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "metelkaar.api.schema.add_problem_responses",
    ],
    # One name per choice set that several fields share (drf-spectacular warns otherwise).
    "ENUM_NAME_OVERRIDES": {
        "EnrolmentSideEnum": "metelkaar.programmes.models.Enrolment.Side",
        "MatchSideEnum": "metelkaar.api.v1.match_steps.SIDES",
        "KlikSideEnum": "metelkaar.api.v1.match_steps.KLIK_SIDES",
        "ClosureReasonEnum": "metelkaar.matches.models.Match.ClosureReason",
    },
}
# --- end of the REST API block ----------------------------------------------
