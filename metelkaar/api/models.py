"""API tokens: a named, scoped, revocable key of one organisation, stored hashed."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework_api_key.models import AbstractAPIKey

from metelkaar.people.models import Organisation


class ApiToken(AbstractAPIKey):
    """A key an organisation admin made for another system (a dashboard, a CRM).

    Only a hash of the key is stored (``hashed_key``; the package's ``prefix``
    finds the row); the key itself is shown once, when it is made. A request
    with the token acts as the admin who made it, limited to the token's
    organisation and ``scope``; it stops working when revoked or when that admin
    no longer coordinates the organisation.
    """

    class Scope(models.TextChoices):
        READ = "read", _("Read")
        WRITE = "write", _("Read and write")
        REPORTS = "reports", _("Reports only")

    name = models.CharField(_("name"), max_length=50)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="api_tokens"
    )
    scope = models.CharField(_("what it may do"), max_length=10, choices=Scope.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(AbstractAPIKey.Meta):
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created", "pk"]

    def __str__(self) -> str:
        return self.name
