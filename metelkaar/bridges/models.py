"""Bridge persons (cultuurverbinders), the requests of organisations, and hours.

A bridge person is an :class:`~metelkaar.programmes.models.Enrolment` of a
person in a programme of kind ``bridge`` plus a :class:`BridgeProfile`.
Organisations outside Metelkaar (a school, the municipality, a housing
corporation, a care provider) ask for one through a public form; such a
:class:`Requester` has no account. The coordinator assigns a bridge person to
a :class:`BridgeRequest` (an :class:`Assignment`); the bridge person accepts
or declines and afterwards logs :class:`HoursLog` rows.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.people.models import Organisation
from metelkaar.programmes.models import Enrolment, Programme

MAX_HOURS_PER_MONTH = 200


class BridgeProfile(models.Model):
    """What a bridge person brings besides the profile of the person.

    Languages and weekly availability are the person's own (``Person.languages``,
    ``Person.availability``); cultures, paid or volunteer work and the monthly
    maximum belong to this role only.
    """

    class Engagement(models.TextChoices):
        VOLUNTEER = "volunteer", _("Volunteer")
        PAID = "paid", _("Paid")

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="bridge_profile"
    )
    cultures = models.JSONField(_("cultures and regions known"), default=list, blank=True)
    engagement = models.CharField(
        _("paid or volunteer"), max_length=10, choices=Engagement.choices,
        default=Engagement.VOLUNTEER,
    )
    max_hours_per_month = models.PositiveSmallIntegerField(_("maximum hours per month"), default=16)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(max_hours_per_month__gte=1)
                & Q(max_hours_per_month__lte=MAX_HOURS_PER_MONTH),
                name="bridge_profile_max_hours_range",
            ),
        ]

    def __str__(self) -> str:
        return f"bridge profile of enrolment {self.enrolment_id}"


class Requester(models.Model):
    """An organisation that asks for bridge persons; known by name, no account.

    Requesters belong to the tenant that runs the programme, so one school
    asking two welfare organisations is two rows that never meet. Contact
    details are kept per request: several people of one school may ask.
    """

    class Kind(models.TextChoices):
        SCHOOL = "school", _("School")
        MUNICIPALITY = "municipality", _("Municipality")
        HOUSING = "housing", _("Housing corporation")
        CARE = "care", _("Care provider")
        OTHER = "other", _("Other organisation")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="bridge_requesters"
    )
    name = models.CharField(_("name of the organisation"), max_length=200)
    kind = models.CharField(_("kind of organisation"), max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "organisation", name="unique_requester_name_per_org"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class BridgeRequest(models.Model):
    """A request for a bridge person: what, when, which language, context.

    ``submitted → assigned → accepted → done``; a bridge person who declines
    sends it back to ``submitted``; the coordinator can decline a request
    (``declined``) and the requester or coordinator can cancel it
    (``cancelled``) while nobody has started.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ASSIGNED = "assigned", _("Assigned")
        ACCEPTED = "accepted", _("Accepted")
        DONE = "done", _("Done")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    class Urgency(models.TextChoices):
        NORMAL = "normal", _("Within a few weeks")
        SOON = "soon", _("Within a week")
        URGENT = "urgent", _("Within two days")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="bridge_requests"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    requester = models.ForeignKey(Requester, on_delete=models.PROTECT, related_name="requests")
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("e-mail address"))
    contact_phone = models.CharField(_("phone number"), max_length=30, blank=True)
    what = models.CharField(_("what is it about"), max_length=200)
    context = models.TextField(_("context"), max_length=2000, blank=True)
    languages = models.JSONField(_("languages needed"), default=list)
    cultures = models.JSONField(_("culture or region"), default=list, blank=True)
    slots = models.JSONField(_("preferred times"), default=list, blank=True)  # ["0-morning", …]
    wanted_by = models.DateField(_("needed before"), null=True, blank=True)
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    language = models.CharField(max_length=10, default="nl")  # of the requester's e-mails

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    first_assigned_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)  # declined or cancelled
    close_reason = models.CharField(max_length=500, blank=True)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["submitted", "assigned", "accepted", "done",
                                        "declined", "cancelled"]),
                name="bridge_request_status_known",
            ),
        ]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self) -> str:
        return self.what

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.SUBMITTED, self.Status.ASSIGNED)


class Assignment(models.Model):
    """A bridge person assigned to a request; open until accepted or declined."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    request = models.ForeignKey(
        BridgeRequest, on_delete=models.CASCADE, related_name="assignments"
    )
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="bridge_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    decline_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["request"], condition=Q(declined_at__isnull=True),
                name="one_live_assignment_per_request",
            ),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(declined_at__isnull=True),
                name="assignment_not_accepted_and_declined",
            ),
        ]

    def __str__(self) -> str:
        return f"assignment {self.pk} of request {self.request_id}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.declined_at is None


class HoursLog(models.Model):
    """Hours a bridge person worked on an accepted assignment, on one day."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="hours")
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    note = models.CharField(_("note"), max_length=500, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0) & Q(hours__lte=24), name="hours_log_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hours} h on {self.date}"
