"""The signed token in a consent link: made by the e-mail, read by the confirm page."""

from __future__ import annotations

from django.core import signing

from metelkaar.imports.models import ConsentRequest

SALT = "metelkaar.imports.consent"
#: A consent link works for 60 days; after that the coordinator sends a new one.
MAX_AGE = 60 * 24 * 3600


def consent_token(request: ConsentRequest) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(request.public_id))


def consent_request_for(token: str) -> ConsentRequest | None:
    """The request a token names, or ``None`` when it is forged, expired or gone."""
    try:
        public_id = signing.TimestampSigner(salt=SALT).unsign(token, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return (
        ConsentRequest.objects.select_related("person", "enrolment__programme__organisation")
        .filter(public_id=public_id).first()
    )
