"""Settings for canbo: one file, read from the environment through typed helpers."""

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from canbo.env import envbool, envint, envlist, envsecret, envstr
from canbo.province_data import LAI_CHAU_NAME

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(envstr("CANBO_VAR_DIR", str(PROJECT_DIR / "var")))

DEBUG = envbool("DEBUG", False)
PRODUCTION = envbool("CANBO_PRODUCTION", False)
# The fallback key is only for local demo/test runs; production must set SECRET_KEY.
DEMO_SECRET_KEY = "canbo-demo-only-insecure-key"
SECRET_KEY = envsecret("SECRET_KEY", None if PRODUCTION else DEMO_SECRET_KEY)
_LOCAL_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", [] if PRODUCTION else _LOCAL_HOSTS)
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # serves the API docs (Swagger UI) from our own static files, not a CDN (CSP)
    "canbo.core",
    "canbo.org",
    "canbo.people",
    "canbo.work",
    "canbo.cadre",
    "canbo.integration",
    "canbo.evaluation",
    "canbo.feedback",
    "canbo.agency",
    "canbo.oversight",
    "canbo.reports",
    "canbo.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compress what comes back through every layer below: pages, JSON and the static files
    # WhiteNoise serves (a weak mobile link in the mountains pays for every byte).
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "canbo.core.middleware.NulRefusalMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "canbo.core.middleware.SecurityHeadersMiddleware",
    "canbo.core.middleware.LoginRequiredMiddleware",
    "canbo.integration.middleware.ApiLogMiddleware",
]

ROOT_URLCONF = "canbo.urls"
WSGI_APPLICATION = "canbo.wsgi.application"

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
                "canbo.core.context.navigation",
            ],
        },
    },
]


def _database() -> dict:
    url = envstr("DATABASE_URL", "")
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        # Writers take the lock when their transaction begins and wait for each other (up
        # to the timeout) instead of failing with "database is locked" mid-way.
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "canbo.sqlite3",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": envint("SQLITE_TIMEOUT", 20)},
        }
    try:
        return dj_database_url.parse(url, conn_max_age=envint("DB_CONN_MAX_AGE", 60))
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not valid: {exc}") from None


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Processes that score a large recompute on PostgreSQL (canbo.work.recompute.shares);
# 1 turns it off.
# Background work (an import batch, a recompute) silent this long is taken as interrupted.
STALE_JOB_MINUTES = envint("STALE_JOB_MINUTES", 10)
RECOMPUTE_WORKERS = envint("RECOMPUTE_WORKERS", min(os.cpu_count() or 1, 4))
# Failed logins lock an account from one client address after LOGIN_MAX_FAILURES, and from
# everywhere after LOGIN_ACCOUNT_MAX_FAILURES, within LOGIN_LOCKOUT_MINUTES (canbo.core.lockout).
# The public address printed in the citizens' rating QR codes (no trailing slash).
PUBLIC_URL = envstr("CANBO_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# The public rating page: attempts per client address per 10 minutes, per token per hour.
RATING_LIMIT_PER_ADDRESS = envint("RATING_LIMIT_PER_ADDRESS", 20)
RATING_LIMIT_PER_TOKEN = envint("RATING_LIMIT_PER_TOKEN", 30)
# A phone number left on the rating page is kept this many days, then deleted (personal data
# kept no longer than its purpose, the answer, needs: a choice, see the README).
CITIZEN_CONTACT_DAYS = envint("CITIZEN_CONTACT_DAYS", 90)
LOGIN_MAX_FAILURES = envint("LOGIN_MAX_FAILURES", 5)
LOGIN_ACCOUNT_MAX_FAILURES = envint("LOGIN_ACCOUNT_MAX_FAILURES", 50)
LOGIN_LOCKOUT_MINUTES = envint("LOGIN_LOCKOUT_MINUTES", 15)
# The client address is REMOTE_ADDR unless a proxy header is named here explicitly
# (e.g. X-Forwarded-For), read through CANBO_TRUSTED_PROXIES proxies (canbo.core.clientip).
CLIENT_IP_HEADER = envstr("CANBO_CLIENT_IP_HEADER", "")
TRUSTED_PROXIES = envint("CANBO_TRUSTED_PROXIES", 1)

LANGUAGE_CODE = "vi"
# Each language named in itself (Tiếng Việt, English), as Django's own table spells it.
LANGUAGES = [(code, LANG_INFO[code]["name_local"]) for code in ("vi", "en")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Production serves what `canbo collectstatic` wrote: hashed names cached for a year and
# pre-compressed copies. The demo and the tests read the source files directly.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
MEDIA_ROOT = VAR_DIR / "media"

TASKS = {
    "default": {
        "BACKEND": envstr("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", PRODUCTION)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# HSTS: one year in production; 0 (off) elsewhere so a local http demo keeps working.
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", PRODUCTION)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", PRODUCTION)
# The health probe of a load balancer may speak plain http inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Trust X-Forwarded-Proto (or the header named here) only when a proxy in front sets it.
_PROXY_SSL_HEADER = envstr("CANBO_PROXY_SSL_HEADER", "")
if _PROXY_SSL_HEADER:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _PROXY_SSL_HEADER.upper().replace("-", "_"), "https")
# Content-Security-Policy sent on every page (canbo.core.middleware.SecurityHeadersMiddleware):
# no inline script anywhere; a few templates carry a <style> block.
CONTENT_SECURITY_POLICY = envstr(
    "CANBO_CSP",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'",
)

# E-mail: off unless EMAIL_HOST is set; then every in-app notification is also mailed to the
# user's address (canbo.evaluation.notify). The password is read with envsecret (or
# EMAIL_HOST_PASSWORD_FILE) and never logged.
EMAIL_HOST = envstr("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = (
    envsecret("EMAIL_HOST_PASSWORD", "")
    if (os.environ.get("EMAIL_HOST_PASSWORD") or os.environ.get("EMAIL_HOST_PASSWORD_FILE"))
    else ""
)
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "canbo@localhost")
EMAIL_BACKEND = envstr(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.dummy.EmailBackend",
)
NOTIFY_BY_EMAIL = envbool("NOTIFY_BY_EMAIL", bool(EMAIL_HOST))
# The address the app is reached at, for links in e-mails (e.g. https://canbo.laichau.gov.vn).
SITE_URL = envstr("SITE_URL", "")

# Electronic code (mã định danh) of the province; Lai Châu's is not known here.
PROVINCE_CODE = envstr("PROVINCE_CODE", "000.00.00.H29")
PROVINCE_NAME = envstr("PROVINCE_NAME", LAI_CHAU_NAME)

# Webhooks go to connected systems on the internet; loopback, link-local (cloud metadata) and
# private addresses are refused unless this is set (a province-internal network, the tests).
WEBHOOK_ALLOW_PRIVATE = envbool("CANBO_WEBHOOK_ALLOW_PRIVATE", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}


def _refuse_unsafe_production() -> None:
    """Refuse to start in production on a setting that would expose the province's data."""
    problems = []
    if DEBUG:
        problems.append("DEBUG must be false")
    if SECRET_KEY == DEMO_SECRET_KEY:
        problems.append("SECRET_KEY is the demo key")
    elif len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        problems.append("SECRET_KEY must be at least 50 characters with at least 5 distinct ones")
    if not ALLOWED_HOSTS:
        problems.append("ALLOWED_HOSTS must name the site's host(s)")
    if problems:
        raise ImproperlyConfigured(
            "CANBO_PRODUCTION=true refuses to start: " + "; ".join(problems) + "."
        )


if PRODUCTION:
    _refuse_unsafe_production()
