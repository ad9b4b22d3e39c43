"""Activities of the group, project and help programme kinds.

* Language café (kind ``group``): :class:`GroupSeries` → :class:`GroupSession`
  → :class:`SessionRsvp` (people without an account, attendance at the door).
* Home projects (kind ``project``): :class:`HomeProject` → :class:`ProjectDate`
  → :class:`ProjectSignup`, plus two confirmations and :class:`ProjectEvaluation`.
* Neighbour help board (kind ``help``): :class:`HelpPost` (request or offer),
  :class:`HelpConversation` and :class:`HelpMessage` relayed through the
  platform, and :class:`HelpPairLink` when recurring help becomes a buddy pair.

Public pages only ever show a rough area (street or postcode area); the exact
address of a home project is kept for the coordinator only.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.programmes.models import Enrolment, Programme


class Background(models.TextChoices):
    NEWCOMER = "newcomer", _("I am new in the Netherlands")
    RESIDENT = "resident", _("I have lived here a long time")


# --- Language café ---------------------------------------------------------


class GroupSeries(models.Model):
    """A recurring group activity such as a language café."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="group_series")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    place = models.CharField(_("place"), max_length=200)
    weekday = models.PositiveSmallIntegerField(_("day of the week"))
    start_time = models.TimeField(_("start time"))
    capacity = models.PositiveSmallIntegerField(_("places per session"), default=30)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=Q(weekday__lte=6), name="series_weekday_valid"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="series_capacity_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class GroupSession(models.Model):
    """One meeting of a series, with its own date, place and capacity."""

    series = models.ForeignKey(GroupSeries, on_delete=models.CASCADE, related_name="sessions")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200)
    capacity = models.PositiveSmallIntegerField(_("places"))

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="session_capacity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.date:%Y-%m-%d}"


class SessionRsvp(models.Model):
    """Someone who says they will come (no account), and whether they came."""

    class Status(models.TextChoices):
        GOING = "going", _("Coming")
        WAITING = "waiting", _("On the waiting list")

    session = models.ForeignKey(GroupSession, on_delete=models.CASCADE, related_name="rsvps")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"), blank=True)
    # Identifies a returning visitor within the series: the e-mail, else the name.
    visitor_key = models.CharField(max_length=260)
    speaks = models.JSONField(default=list, blank=True)
    practises = models.JSONField(default=list, blank=True)
    background = models.CharField(max_length=10, choices=Background.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.GOING)
    attended = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self) -> str:
        return self.name


# --- Home projects ---------------------------------------------------------


class HomeProject(models.Model):
    """A home that volunteers help do up, requested by a professional for a resident."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for volunteers")
        DONE = "done", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="home_projects")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    area = models.CharField(_("area (street or postcode area)"), max_length=100)
    address_private = models.CharField(
        _("exact address (only for coordinators)"), max_length=200, blank=True
    )
    description = models.TextField(_("description"), blank=True, max_length=2000)
    tasks = models.JSONField(default=list, blank=True)
    materials = models.TextField(_("materials"), blank=True, max_length=1000)
    professional_name = models.CharField(_("name of the professional"), max_length=200)
    professional_email = models.EmailField(_("e-mail of the professional"))
    resident_name = models.CharField(_("first name of the resident"), max_length=100)
    resident_email = models.EmailField(_("e-mail of the resident"), blank=True)
    language = models.CharField(max_length=10, default="nl")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    professional_confirmed_at = models.DateTimeField(null=True, blank=True)
    resident_confirmed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class ProjectDate(models.Model):
    """A day on which volunteers work on a project; capacity counts people."""

    project = models.ForeignKey(HomeProject, on_delete=models.CASCADE, related_name="dates")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    capacity = models.PositiveSmallIntegerField(_("number of volunteers needed"))

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="project_date_capacity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.date:%Y-%m-%d}"


class ProjectSignup(models.Model):
    """A volunteer, or a small group, signed up for one project date."""

    project_date = models.ForeignKey(ProjectDate, on_delete=models.CASCADE, related_name="signups")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address"))
    group_size = models.PositiveSmallIntegerField(_("number of people"), default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(group_size__gte=1) & Q(group_size__lte=10),
                name="signup_group_size_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.group_size})"


class ProjectEvaluation(models.Model):
    """A short evaluation after completion, one per role."""

    class Role(models.TextChoices):
        PROFESSIONAL = "professional", _("Professional")
        RESIDENT = "resident", _("Resident")

    project = models.ForeignKey(HomeProject, on_delete=models.CASCADE, related_name="evaluations")
    role = models.CharField(max_length=20, choices=Role.choices)
    rating = models.PositiveSmallIntegerField(_("rating"))
    went_well = models.TextField(_("what went well"), blank=True, max_length=2000)
    could_be_better = models.TextField(_("what could be better"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "role"], name="one_evaluation_per_role"),
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="rating_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} – {self.role}"


# --- Neighbour help board --------------------------------------------------


class HelpPost(models.Model):
    """A request for help or an offer of help by a resident without an account."""

    class Kind(models.TextChoices):
        REQUEST = "request", _("I would like help")
        OFFER = "offer", _("I can help")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        EXPIRED = "expired", _("Expired")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="help_posts")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    tag = models.CharField(_("what"), max_length=20)
    description = models.TextField(_("a few words"), blank=True, max_length=1000)
    name = models.CharField(_("first name"), max_length=100)
    email = models.EmailField(_("e-mail address"))
    area = models.CharField(_("street or postcode area"), max_length=100)
    pc4 = models.CharField(max_length=4, blank=True)
    window_start = models.DateField(_("from"))
    window_end = models.DateField(_("until"))
    expires_on = models.DateField(_("visible until"))
    language = models.CharField(max_length=10, default="nl")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["programme", "status", "expires_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(window_start__lte=F("window_end")), name="help_window_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.tag}"


class HelpConversation(models.Model):
    """Messages between a poster and one responder, relayed by e-mail.

    Neither e-mail address is shown until both have chosen to share details.
    ``completed_at`` is set when the poster closes the post saying this
    responder helped: the count of such exchanges finds recurring help.
    """

    post = models.ForeignKey(HelpPost, on_delete=models.CASCADE, related_name="conversations")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    responder_name = models.CharField(_("your first name"), max_length=100)
    responder_email = models.EmailField(_("your e-mail address"))
    poster_shares = models.BooleanField(default=False)
    responder_shares = models.BooleanField(default=False)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.responder_name} on {self.post_id}"

    @property
    def details_shared(self) -> bool:
        return self.poster_shares and self.responder_shares


class HelpMessage(models.Model):
    class Sender(models.TextChoices):
        POSTER = "poster", _("Poster")
        RESPONDER = "responder", _("Responder")

    conversation = models.ForeignKey(
        HelpConversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.CharField(max_length=10, choices=Sender.choices)
    body = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.sender}: {self.body[:40]}"


class HelpPairLink(models.Model):
    """Two neighbours whose recurring help was turned into buddy enrolments."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="help_pair_links"
    )
    email_a = models.EmailField()
    email_b = models.EmailField()
    buddy_programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    enrolment_a = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    enrolment_b = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    match_created = models.BooleanField(default=False)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "email_a", "email_b", "buddy_programme"],
                name="one_link_per_pair",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email_a} & {self.email_b}"
