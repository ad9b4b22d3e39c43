"""Making and revoking API tokens, and recording each use of one in the audit log."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from metelkaar.api.models import ApiToken
from metelkaar.people.models import Organisation
from metelkaar.privacy.models import AuditEvent
from metelkaar.privacy.services.audit import audit_record

PERMISSION = "api.manage_tokens"


def require_perm(user, perm: str, obj) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(perm)


def api_token_create(*, organisation: Organisation, name: str, scope: str,
                     by) -> tuple[ApiToken, str]:
    """A new token and its key; the key is not stored and can be shown only now."""
    require_perm(by, PERMISSION, organisation)
    with transaction.atomic():
        token, key = ApiToken.objects.create_key(
            organisation=organisation, name=name, scope=scope, created_by=by
        )
        audit_record(
            action=AuditEvent.Action.API_TOKEN_CREATED, actor=by, organisation=organisation,
            object_type="api.ApiToken", object_ref=token.public_id,
            detail={"name": token.name, "scope": token.scope},
        )
    return token, key


def api_token_revoke(*, token: ApiToken, by) -> ApiToken:
    """Revoke ``token`` for good: every request with it answers 401 from now on."""
    require_perm(by, PERMISSION, token.organisation)
    with transaction.atomic():
        changed = ApiToken.objects.filter(pk=token.pk, revoked=False).update(
            revoked=True, revoked_at=timezone.now(), revoked_by=by
        )
        if changed:
            audit_record(
                action=AuditEvent.Action.API_TOKEN_REVOKED, actor=by,
                organisation=token.organisation, object_type="api.ApiToken",
                object_ref=token.public_id, detail={"name": token.name},
            )
    token.refresh_from_db()
    return token


def api_token_used(*, token: ApiToken, method: str, path: str, status: int) -> None:
    """Record one request made with ``token``: its last use, and an audit event."""
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    audit_record(
        action=AuditEvent.Action.API_USED, actor=token.created_by,
        organisation=token.organisation, object_type="api.ApiToken",
        object_ref=token.public_id,
        detail={"token": token.name, "method": method, "path": path[:200], "status": status},
    )
