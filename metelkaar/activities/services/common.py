"""Helpers shared by the activity services: the signed links (made in ``signing``)."""

from metelkaar.activities.signing import (  # noqa: F401 (the services' vocabulary)
    TOKEN_MAX_AGE,
    InvalidLink,
    absolute,
    token_make,
    token_read,
)
