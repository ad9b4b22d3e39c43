"""The staff home: what waits for a coordinator, coach or org admin, with counts and links.

:func:`staff_inbox` gathers the tasks of every staff role the user has, each
from one or two queries of its app's selectors, so the page costs the same
number of queries with 3 or 3,000 sign-ups (``tests/core/test_staff_home.py``
pins it). A task shows its count, the first few things to do and a link to the
page where they are handled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from metelkaar.matches import selectors as matches
from metelkaar.matches.models import Signal
from metelkaar.people.selectors import STAFF_ROLES, user_roles
from metelkaar.privacy.models import AuditEvent
from metelkaar.privacy.selectors import organisations_administered_by
from metelkaar.programmes import selectors as programmes
from metelkaar.proposals import selectors as proposals

#: How many things a task lists before "show all".
SHOWN = 5
#: How far ahead the home looks for introductions and expiring VOGs.
INTRO_DAYS = 7
VOG_DAYS = 60
AUDIT_DAYS = 7


@dataclass(frozen=True)
class Item:
    label: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Task:
    key: str
    icon: str
    count: int
    title: str  # the count in words, with ``%(n)s`` for the number: "%(n)s new sign-ups"
    empty: str  # what the card says when there is nothing to do
    url: str = ""
    link_text: str = ""
    items: tuple[Item, ...] = ()
    chips: tuple[Item, ...] = field(default=())

    @property
    def text(self) -> str:
        return self.title % {"n": self.count}

    @property
    def heading(self) -> SafeString:
        """The title with its number set apart, for the card."""
        number = format_html('<span class="task-count">{}</span>', self.count)
        return mark_safe(conditional_escape(self.title) % {"n": number})


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    tasks: tuple[Task, ...]


def _pair(match) -> str:
    return f"{match.enrolment_a.person.full_name} & {match.enrolment_b.person.full_name}"


def _new_signups(user) -> Task:
    rows = programmes.new_signups_by_programme(user)
    n = sum(row["n"] for row in rows)
    items = tuple(
        Item(row["programme__name"],
             reverse("programmes:detail", args=[row["programme__public_id"]]) + "?status=applied",
             str(row["n"]))
        for row in rows[:SHOWN]
    )
    return Task(
        "new_signups", "user-plus", n,
        ngettext("%(n)s new sign-up to take through intake",
                 "%(n)s new sign-ups to take through intake", n),
        _("No new sign-ups."),
        url=reverse("programmes:coordinator_home"), link_text=_("All programmes"), items=items,
    )


def _proposals(user) -> Task:
    rows = proposals.pending_pairs_by_run(user)
    n = sum(row["n"] for row in rows)
    items = tuple(
        Item(row["run__programme__name"],
             reverse("proposals:run_detail", args=[row["run__public_id"]]), str(row["n"]))
        for row in rows[:SHOWN]
    )
    return Task(
        "proposals", "puzzle", n,
        ngettext("%(n)s proposed pair to decide on", "%(n)s proposed pairs to decide on", n),
        _("No proposals waiting for a decision."), items=items,
    )


def _intros(user, *, coached_only: bool = False) -> Task:
    now = timezone.now()
    start = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    qs = matches.intros_between(user=user, start=start, end=start + timedelta(days=INTRO_DAYS))
    if coached_only:
        qs = qs.filter(match__coach=user)
    items = tuple(
        Item(_pair(intro.match), reverse("matches:staff_match", args=[intro.match.public_id]),
             date_format(timezone.localtime(intro.starts_at), "D j F, H:i"))
        for intro in qs[:SHOWN]
    )
    n = qs.count()
    return Task(
        "intros", "calendar-event", n,
        ngettext("%(n)s introduction in the coming 7 days",
                 "%(n)s introductions in the coming 7 days", n),
        _("No introductions planned in the coming 7 days."), items=items,
    )


def _signals(user, *, coached_only: bool = False) -> Task:
    counts = matches.open_signal_counts(user=user, coached_only=coached_only)
    n = sum(counts.values())
    labels = dict(Signal.Rule.choices)
    attention = list(matches.matches_needing_attention(
        user=user, coached_only=coached_only)[:SHOWN])
    items = tuple(
        Item(_pair(m), reverse("matches:staff_match", args=[m.public_id]),
             ngettext("%(n)s signal", "%(n)s signals", m.n_open) % {"n": m.n_open})
        for m in attention
    )
    if coached_only:
        dashboard = reverse("matches:coach_dashboard")
        chips = tuple(Item(str(labels[rule]), f"{dashboard}?kind={rule}", str(count))
                      for rule, count in counts.items())
        url, link_text = dashboard + "?attention=1", _("Open the coach dashboard")
    else:
        chips = tuple(Item(str(labels[rule]), "", str(count)) for rule, count in counts.items())
        url, link_text = reverse("matches:list"), _("All matches")
    return Task(
        "signals", "alert-triangle", n,
        ngettext("%(n)s open signal", "%(n)s open signals", n),
        _("No open signals: every match is on track."),
        url=url, link_text=link_text, items=items, chips=chips,
    )


def _vogs(user) -> Task:
    qs = programmes.vogs_expiring(user, within_days=VOG_DAYS)
    today = timezone.localdate()
    items = tuple(
        Item(vog.enrolment.person.full_name,
             reverse("programmes:enrolment_detail", args=[vog.enrolment.public_id]),
             (_("expired on %(day)s") if vog.valid_until < today else _("valid until %(day)s"))
             % {"day": date_format(vog.valid_until, "j F Y")})
        for vog in qs[:SHOWN]
    )
    n = qs.count()
    return Task(
        "vogs", "shield-check", n,
        ngettext("%(n)s certificate of conduct (VOG) runs out within two months",
                 "%(n)s certificates of conduct (VOG) run out within two months", n),
        _("No certificate of conduct (VOG) runs out within two months."), items=items,
    )


def _audit(user) -> Task:
    since = timezone.now() - timedelta(days=AUDIT_DAYS)
    n = AuditEvent.objects.filter(
        organisation__in=organisations_administered_by(user), at__gte=since).count()
    return Task(
        "audit", "lock", n,
        ngettext("%(n)s time personal data was viewed, exported or erased in the last 7 days",
                 "%(n)s times personal data was viewed, exported or erased in the last 7 days",
                 n),
        _("Nobody viewed, exported or erased personal data in the last 7 days."),
        url=reverse("privacy:audit_log"), link_text=_("Open the audit log"),
    )


def staff_inbox(user) -> list[Section]:
    """The sections of the staff home for every staff role the user has."""
    roles = user_roles(user)
    sections = []
    if not roles.isdisjoint(STAFF_ROLES):
        sections.append(Section("coordinator", _("Coordination"), (
            _new_signups(user), _proposals(user), _intros(user), _signals(user), _vogs(user),
        )))
    if "coach" in roles:
        sections.append(Section("coach", _("Coaching"), (
            _signals(user, coached_only=True), _intros(user, coached_only=True),
        )))
    if "org_admin" in roles:
        sections.append(Section("org_admin", _("Privacy"), (_audit(user),)))
    return sections
