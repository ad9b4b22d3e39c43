"""Privacy records: the audit log, erasures, and per-programme retention settings.

None of these rows holds a name, e-mail address or other contact detail: an
audit event points at an account and a person by foreign key (which the
erasure anonymises) and at other objects by a non-identifying reference.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.people.models import Organisation, Person
from metelkaar.programmes.models import Programme

DEFAULT_RETENTION_MONTHS = 24


class AuditEvent(models.Model):
    """Who viewed or changed special-category data, exported or erased data, changed
    the two-step login of an account, or made, revoked or used an API token, and when."""

    class Action(models.TextChoices):
        SENSITIVE_VIEWED = "sensitive_viewed", _("Viewed sensitive data")
        SENSITIVE_CHANGED = "sensitive_changed", _("Changed sensitive data")
        CONSENT_WITHDRAWN = "consent_withdrawn", _("Withdrew a consent")
        EXPORTED = "exported", _("Downloaded personal data")
        ERASED = "erased", _("Erased personal data")
        RETENTION_APPLIED = "retention_applied", _("Anonymised after the retention period")
        TWOFACTOR_ENROLLED = "twofactor_enrolled", _("Turned on two-step login")
        TWOFACTOR_REPLACED = "twofactor_replaced", _("Set up a new two-step login app")
        TWOFACTOR_REMOVED = "twofactor_removed", _("Turned off two-step login")
        TWOFACTOR_RESET = "twofactor_reset", _("Reset the two-step login of an account")
        RECOVERY_CODES_ISSUED = "recovery_codes_issued", _("Made new recovery codes")
        RECOVERY_CODE_USED = "recovery_code_used", _("Logged in with a recovery code")
        API_TOKEN_CREATED = "api_token_created", _("Made an API token")
        API_TOKEN_REVOKED = "api_token_revoked", _("Revoked an API token")
        API_USED = "api_used", _("Used the API with a token")

    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(max_length=30, choices=Action.choices)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The account an event is about when it is not the actor's own (a two-step login reset).
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    # "people.SensitiveProfile", "export.json", …: what was touched, never its content.
    object_type = models.CharField(max_length=60, blank=True)
    object_ref = models.CharField(max_length=60, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["organisation", "at"])]

    def __str__(self) -> str:
        return f"{self.action} at {self.at:%Y-%m-%d %H:%M}"


class ErasureRecord(models.Model):
    """Evidence that a person's data was erased, under a random reference.

    The person row itself stays, anonymised, so counts in reports still add up;
    ``reference`` is what an organisation quotes when asked about the erasure.
    """

    class Reason(models.TextChoices):
        PERSON = "person", _("Asked by the person")
        COORDINATOR = "coordinator", _("Done by a coordinator")
        RETENTION = "retention", _("Retention period passed")

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    person = models.OneToOneField(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="erasure"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(default=timezone.now)
    # Rows touched per model ("matches.ContactMoment": 3): numbers only.
    counts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"erasure {self.reference}"


class ProgrammePrivacySettings(models.Model):
    """How long a programme keeps personal data after a match or enrolment ends."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="privacy_settings"
    )
    retention_months = models.PositiveSmallIntegerField(
        _("months to keep personal data after the end"), default=DEFAULT_RETENTION_MONTHS,
        help_text=_("After this period the personal data of closed matches and withdrawn "
                    "enrolments is anonymised."),
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(retention_months__gte=1) & Q(retention_months__lte=120),
                name="retention_months_range",
            ),
        ]

    def __str__(self) -> str:
        return f"privacy settings of {self.programme}"
