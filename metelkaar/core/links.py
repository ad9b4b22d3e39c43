"""Absolute links for e-mails, which are read outside the site."""

from django.conf import settings


def site_url() -> str:
    """The address people use to reach this site (setting ``SITE_URL``), without a slash."""
    return settings.SITE_URL.rstrip("/")
