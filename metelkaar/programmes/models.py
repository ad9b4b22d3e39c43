"""Programmes (maatjesprojecten) and the enrolments of people in them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.matching.types import DEFAULT_WEIGHTS as ENGINE_WEIGHTS
from metelkaar.people.models import Household, Neighbourhood, Organisation, Person

#: A programme's weights start from the engine's (one source for the web side,
#: the command line and the benchmark).
DEFAULT_WEIGHTS: dict[str, float] = dict(ENGINE_WEIGHTS)


class Programme(models.Model):
    """One programme of an organisation, of one kind, with its own rules."""

    class Kind(models.TextChoices):
        BUDDY = "buddy", _("Confidential buddies")
        FAMILY = "family", _("Family to family")
        MENTOR = "mentor", _("Mentoring pupils")
        TANDEM = "tandem", _("Language tandem")
        BRIDGE = "bridge", _("Bridge persons")
        GROUP = "group", _("Group activity")
        PROJECT = "project", _("Home projects")
        HELP = "help", _("Neighbour help")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="programmes"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    side_a_label = models.CharField(_("name of side A"), max_length=100, blank=True)
    side_b_label = models.CharField(_("name of side B"), max_length=100, blank=True)

    term_months = models.PositiveSmallIntegerField(_("term in months"), null=True, blank=True)
    contact_norm_per_month = models.PositiveSmallIntegerField(
        _("contacts per month (norm)"), null=True, blank=True
    )
    requires_intake = models.BooleanField(_("intake talk required"), default=True)
    requires_screening = models.BooleanField(
        _("certificate of conduct (VOG) required"), default=False
    )
    screening_side = models.CharField(
        _("who needs a VOG"),
        max_length=5,
        blank=True,
        choices=[("", _("Everyone")), ("a", _("Side A")), ("b", _("Side B"))],
        help_text=_("In a mentor programme only the mentors need a certificate of conduct."),
    )
    requires_training = models.BooleanField(_("training required"), default=False)
    uses_sensitive_data = models.BooleanField(
        _("asks for sensitive data (with consent)"), default=False
    )
    criteria_weights = models.JSONField(default=dict, blank=True)
    min_score = models.FloatField(default=0.0)
    max_status_gap = models.PositiveSmallIntegerField(
        _("largest difference in education or work level"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for no limit. Levels go from 1 (primary school) to 5 (university): "
            "with 1, people at most one step apart are proposed, so they meet as equals."
        ),
    )
    cooling_off_days = models.PositiveSmallIntegerField(default=14)
    is_open = models.BooleanField(_("open for sign-up"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_two_sided(self) -> bool:
        return self.kind != self.Kind.TANDEM

    def needs_screening(self, side: str) -> bool:
        return self.requires_screening and self.screening_side in ("", side)

    def weights(self) -> dict[str, float]:
        return {**DEFAULT_WEIGHTS, **(self.criteria_weights or {})}

    def side_label(self, side: str) -> str:
        if side == Enrolment.Side.A:
            return self.side_a_label or str(_("Side A"))
        if side == Enrolment.Side.B:
            return self.side_b_label or str(_("Side B"))
        return str(_("Participant"))


class Enrolment(models.Model):
    """A person (or household) in a programme, on one side, with intake status."""

    class Side(models.TextChoices):
        A = "a", _("Side A")
        B = "b", _("Side B")
        POOL = "pool", _("Pool")

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        INTAKE = "intake", _("Intake")
        SCREENED = "screened", _("Screened")
        TRAINED = "trained", _("Trained")
        WAITING = "waiting", _("Waiting for a match")
        MATCHED = "matched", _("Matched")
        FINISHED = "finished", _("Finished")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="enrolments")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="enrolments")
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    side = models.CharField(_("side"), max_length=5, choices=Side.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPLIED
    )
    motivation = models.TextField(_("motivation"), blank=True, max_length=2000)
    intake_notes = models.TextField(_("intake notes"), blank=True)
    waiting_since = models.DateTimeField(null=True, blank=True)
    status_changed_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person"],
                condition=~Q(status__in=["finished", "withdrawn"]),
                name="one_open_enrolment_per_programme",
            ),
        ]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self) -> str:
        return f"{self.person} in {self.programme}"

    @property
    def side_name(self) -> str:
        return self.programme.side_label(self.side)


class EnrolmentStatusChange(models.Model):
    """Who moved an enrolment from one status to another, and when."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=Enrolment.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Enrolment.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"

    @property
    def note_display(self) -> str:
        """The note in the reader's language: the product's own notes are codes."""
        label = SYSTEM_NOTES.get(self.note)
        return str(label) if label is not None else self.note


#: Notes the product writes itself on a status change, and how a reader sees them.
SYSTEM_NOTES = {
    "sign-up": _("signed up on the public form"),
    "import": _("imported from a spreadsheet"),
    "neighbour help": _("through the neighbour help board"),
    "bridge person added": _("added as a bridge person"),
    "proposal approved": _("proposal approved"),
    "proposal declined": _("proposal declined"),
    "no klik": _("no klik after the first meeting"),
    "match closed": _("match closed"),
}


class Screening(models.Model):
    """A screening step: intake talk or certificate of conduct (VOG).

    A VOG is valid for three years from its date (``valid_until``).
    """

    class Kind(models.TextChoices):
        INTAKE = "intake", _("Intake talk")
        VOG = "vog", _("Certificate of conduct (VOG)")

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="screenings")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    date = models.DateField(default=timezone.localdate)
    valid_until = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("date")),
                name="screening_valid_after_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.date}"


class TrainingSession(models.Model):
    """A training or intervision meeting for volunteers of a programme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="training_sessions"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendances"
    )
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendances")
    present = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="one_attendance"),
        ]

    def __str__(self) -> str:
        return f"attendance {self.enrolment_id} at {self.session_id}"
