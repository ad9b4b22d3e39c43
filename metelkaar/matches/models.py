"""Matches (koppelingen) and what happens in them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.people.models import Person
from metelkaar.programmes.models import Enrolment, Programme


class Match(models.Model):
    """Two enrolments paired in a programme, with a lifecycle."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        INTRODUCED = "introduced", _("Introduced")
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        CLOSING = "closing", _("Closing")
        CLOSED = "closed", _("Closed")
        DECLINED = "declined", _("Declined")
        NO_CLICK = "no_click", _("No click")

    class ClosureReason(models.TextChoices):
        TERM_COMPLETED = "term_completed", _("Term completed")
        MOVED_AWAY = "moved_away", _("Moved away")
        NO_TIME = "no_time", _("No time")
        NO_CLICK = "no_click", _("No click")
        CONFLICT = "conflict", _("Conflict")
        OTHER = "other", _("Other")

    class Ending(models.TextChoices):
        PLANNED = "planned", _("Planned ending")
        EARLY = "early", _("Early ending")

    LIVE = (Status.PROPOSED, Status.INTRODUCED, Status.ACTIVE, Status.PAUSED, Status.CLOSING)
    RUNNING = (Status.ACTIVE, Status.PAUSED, Status.CLOSING)

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="matches")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrolment_a = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    enrolment_b = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coached_matches",
    )
    score = models.FloatField(null=True, blank=True)
    explanation = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateField(null=True, blank=True)
    ended_at = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(
        max_length=20, choices=ClosureReason.choices, blank=True
    )
    # Who approved the proposal and follows the intro; the coach follows the match after.
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="coordinated_matches",
    )
    accepted_a_at = models.DateTimeField(null=True, blank=True)
    accepted_b_at = models.DateTimeField(null=True, blank=True)
    # The "klik" after the intro meeting: None = not said yet.
    klik_a = models.BooleanField(null=True, blank=True)
    klik_b = models.BooleanField(null=True, blank=True)
    klik_coordinator = models.BooleanField(null=True, blank=True)
    planned_end = models.DateField(null=True, blank=True)
    closing_talk_on = models.DateField(null=True, blank=True)
    ending = models.CharField(max_length=10, choices=Ending.choices, blank=True)
    closure_note = models.TextField(blank=True, max_length=2000)

    class Meta:
        verbose_name_plural = _("matches")
        constraints = [
            models.CheckConstraint(
                condition=~Q(enrolment_a=models.F("enrolment_b")), name="match_two_enrolments"
            ),
        ]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self) -> str:
        return f"match {self.public_id}"

    def side_of(self, enrolment_id: int) -> str | None:
        """``"a"`` or ``"b"`` for an enrolment of this match, else ``None``."""
        if enrolment_id == self.enrolment_a_id:
            return "a"
        if enrolment_id == self.enrolment_b_id:
            return "b"
        return None

    def enrolment_on(self, side: str) -> Enrolment:
        return self.enrolment_a if side == "a" else self.enrolment_b

    def other_side(self, side: str) -> str:
        return "b" if side == "a" else "a"


class ContactMoment(models.Model):
    """A logged meeting of a match: when, what, how long, who helped whom."""

    class Activity(models.TextChoices):
        COFFEE = "coffee", _("Coffee")
        WALK = "walk", _("Walk")
        COOKING = "cooking", _("Cooking")
        LANGUAGE = "language", _("Language practice")
        PAPERWORK = "paperwork", _("Paperwork")
        DIY = "diy", _("DIY")
        OUTING = "outing", _("Outing")
        OTHER = "other", _("Other")

    class Direction(models.TextChoices):
        A_HELPED_B = "a_helped_b", _("A helped B")
        B_HELPED_A = "b_helped_a", _("B helped A")
        TOGETHER = "together", _("Together")

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="contacts")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    date = models.DateField(_("date"), default=timezone.localdate)
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    activity = models.CharField(_("activity"), max_length=20, choices=Activity.choices)
    direction = models.CharField(_("who helped whom"), max_length=20, choices=Direction.choices)
    logged_by = models.ForeignKey(
        Enrolment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_by_other = models.BooleanField(default=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The other side's view of who helped whom, when it differs; blank = agrees.
    other_direction = models.CharField(max_length=20, choices=Direction.choices, blank=True)
    note = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["match", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1) & Q(duration_minutes__lte=24 * 60),
                name="contact_duration_plausible",
            ),
        ]

    def __str__(self) -> str:
        return f"contact of match {self.match_id} on {self.date}"



class MatchEvent(models.Model):
    """One step in a match's history: who did what, when, and why."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=30)
    from_status = models.CharField(max_length=20, choices=Match.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Match.Status.choices, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A participant who took the step themselves through their e-mail link
    # (they may have no account, so ``by`` can be empty).
    by_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    via_link = models.BooleanField(default=False)
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True, max_length=2000)
    # The participant's answer or klik, recorded by ``by`` (a coordinator) for them,
    # after a phone call for instance; the side is in ``action``.
    on_behalf = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.action} on match {self.match_id}"


class MatchSeat(models.Model):
    """A person's place in a live match of a programme.

    A seat exists exactly while the match is live (proposed and approved,
    introduced, active, paused or closing); it is created and removed in the
    same transaction as the status change. The unique constraint makes the
    database refuse a second live match for the same person in one programme,
    even when two coordinators approve at the same moment.
    """

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="seats")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person"], name="one_live_match_per_person_per_programme"
            ),
            models.UniqueConstraint(fields=["enrolment"], name="one_live_match_per_enrolment"),
        ]

    def __str__(self) -> str:
        return f"seat of person {self.person_id} in match {self.match_id}"



class IntroMeeting(models.Model):
    """The kennismaking: the first meeting of the pair, with the coordinator."""

    match = models.OneToOneField(Match, on_delete=models.CASCADE, related_name="intro")
    starts_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    place = models.CharField(_("place"), max_length=200)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    planned_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"intro of match {self.match_id}"


class Agreement(models.Model):
    """What the pair agreed at the start: how often, how long, what each hopes for."""

    match = models.OneToOneField(Match, on_delete=models.CASCADE, related_name="agreement")
    meetings_per_month = models.PositiveSmallIntegerField(_("meetings per month"), default=2)
    term_months = models.PositiveSmallIntegerField(_("term in months"), default=12)
    hopes_a = models.TextField(_("what the first person hopes to give and get"), blank=True,
                               max_length=2000)
    hopes_b = models.TextField(_("what the second person hopes to give and get"), blank=True,
                               max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(meetings_per_month__gte=1) & Q(meetings_per_month__lte=31)
                & Q(term_months__gte=1) & Q(term_months__lte=60),
                name="agreement_plausible",
            ),
        ]

    def __str__(self) -> str:
        return f"agreement of match {self.match_id}"



class CheckIn(models.Model):
    """A short questionnaire to one participant of a match (evaluatie).

    Scores run from 1 (not at all) to 5 (very much). ``autonomy_problem`` is
    asked as "my buddy decides things for me", so a high score is a concern.
    """

    class Moment(models.TextChoices):
        FIRST_MEETING = "first", _("After the first meeting")
        ONE_MONTH = "month1", _("After one month")
        PERIODIC = "periodic", _("Every two months")
        CLOSURE = "closure", _("At closure")

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="checkins")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    moment = models.CharField(max_length=10, choices=Moment.choices)
    due_on = models.DateField()
    sent_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    klik = models.PositiveSmallIntegerField(null=True, blank=True)
    looking_forward = models.PositiveSmallIntegerField(null=True, blank=True)
    equality = models.PositiveSmallIntegerField(null=True, blank=True)
    autonomy_problem = models.PositiveSmallIntegerField(null=True, blank=True)
    mutual_help = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["match", "enrolment", "moment", "due_on"], name="one_checkin_per_moment"
            ),
            models.CheckConstraint(
                condition=(Q(klik__isnull=True) | Q(klik__gte=1, klik__lte=5))
                & (Q(looking_forward__isnull=True)
                   | Q(looking_forward__gte=1, looking_forward__lte=5))
                & (Q(equality__isnull=True) | Q(equality__gte=1, equality__lte=5))
                & (Q(autonomy_problem__isnull=True)
                   | Q(autonomy_problem__gte=1, autonomy_problem__lte=5))
                & (Q(mutual_help__isnull=True) | Q(mutual_help__gte=1, mutual_help__lte=5)),
                name="checkin_scores_1_to_5",
            ),
        ]
        indexes = [models.Index(fields=["match", "answered_at"])]

    def __str__(self) -> str:
        return f"check-in {self.moment} of match {self.match_id}"



class Signal(models.Model):
    """Something about a match a coach should look at, until resolved with a note.

    The reason is rendered from ``rule`` and ``params`` at display time so it
    reads in the viewer's language. ``key`` tells apart signals of one rule
    about different people (an enrolment id, or empty for the match).
    """

    class Rule(models.TextChoices):
        BELOW_NORM = "below_norm", _("Below the contact norm")
        NO_CONTACT = "no_contact", _("No contact")
        ONE_SIDED = "one_sided", _("One-sided help")
        LOW_KLIK = "low_klik", _("Low klik")
        INEQUALITY = "inequality", _("Inequality")
        AUTHORITY = "authority", _("Buddy decides for the other")
        CHECKIN_OVERDUE = "checkin_overdue", _("Check-in overdue")
        TERM_ENDING = "term_ending", _("Term ending")
        INACTIVE = "inactive", _("Participant inactive")
        COACH_FOLLOWUP = "coach_followup", _("Coach follow-up missed")
        VOG_EXPIRES = "vog_expires", _("Certificate of conduct expires")

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="signals")
    rule = models.CharField(max_length=20, choices=Rule.choices)
    key = models.CharField(max_length=20, blank=True, default="")
    params = models.JSONField(default=dict, blank=True)
    raised_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution_note = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["-raised_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["match", "rule", "key"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_signal_per_rule",
            ),
        ]
        indexes = [models.Index(fields=["match", "resolved_at"])]

    def __str__(self) -> str:
        return f"{self.rule} on match {self.match_id}"



class CoachContact(models.Model):
    """A follow-up contact of the coach with one or both participants."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone call")
        VISIT = "visit", _("Visit")
        MESSAGE = "message", _("Message or e-mail")

    class With(models.TextChoices):
        A = "a", _("First person")
        B = "b", _("Second person")
        BOTH = "both", _("Both")

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="coach_contacts")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("kind of contact"), max_length=10, choices=Kind.choices)
    with_whom = models.CharField(_("with whom"), max_length=5, choices=With.choices)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["match", "date"])]

    def __str__(self) -> str:
        return f"coach contact with match {self.match_id} on {self.date}"



class ProgrammeMatchSettings(models.Model):
    """Match follow-up settings of a programme, created with defaults on first use.

    Kept in this app so the programmes app stays as it is; read them with
    :func:`metelkaar.matches.selectors.match_settings_for`.
    """

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="match_settings"
    )
    checkin_first_month_days = models.PositiveSmallIntegerField(
        _("days to the one-month check-in"), default=30
    )
    checkin_interval_days = models.PositiveSmallIntegerField(
        _("days between later check-ins"), default=61
    )
    checkin_link_valid_days = models.PositiveSmallIntegerField(
        _("days a check-in link stays valid"), default=21
    )
    checkin_overdue_days = models.PositiveSmallIntegerField(
        _("days before an unanswered check-in is overdue"), default=14
    )
    coach_first_month_contacts = models.PositiveSmallIntegerField(
        _("coach follow-ups in the first month"), default=2
    )
    coach_interval_days = models.PositiveSmallIntegerField(
        _("days between later coach follow-ups"), default=31
    )
    no_contact_days = models.PositiveSmallIntegerField(
        _("days without contact before a signal"), default=21
    )
    inactive_days = models.PositiveSmallIntegerField(
        _("days without any action before a participant counts as inactive"), default=45
    )

    def __str__(self) -> str:
        return f"match settings of {self.programme}"
