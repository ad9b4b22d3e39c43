"""Seeding and wiping the demo organisations.

:func:`demo_seed` is idempotent: an organisation whose slug exists is left as
it is, so ``make demo`` a second time costs a few queries. Everything of one
organisation is created in one transaction, so a failed run leaves nothing
half-made behind.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import identify_hasher, make_password
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone

from metelkaar.core.notifications.outbox import deliveries_delete_orphans
from metelkaar.demo import data
from metelkaar.demo.oost import seed_oost, seed_west
from metelkaar.matches.models import ContactMoment, Match
from metelkaar.people.models import Membership, Organisation, Person, SensitiveProfile, User
from metelkaar.programmes.models import Enrolment, Programme

SEED = 20260101


@dataclass(frozen=True)
class SeedSummary:
    """What the demo organisations hold after seeding, and how to log in."""

    created: tuple[str, ...]  # slugs of organisations made in this run
    people: int
    programmes: int
    enrolments: int
    matches: int
    contacts: int
    logins: tuple[tuple[str, str], ...] = field(default=())  # (e-mail, role)
    password: str = data.DEMO_PASSWORD


def demo_seed(*, reset: bool = False) -> SeedSummary:
    """Create the demo organisations that do not exist yet; with ``reset``, re-create them."""
    if reset:
        demo_reset()
    created = []
    password_hash: list[str] = []  # hashed once, on first need: hashing is slow on purpose

    def hashed() -> str:
        if not password_hash:
            password_hash.append(_password_hash())
        return password_hash[0]

    for spec, seeder in ((data.ORGANISATION, seed_oost), (data.WEST_ORGANISATION, seed_west)):
        with transaction.atomic():
            organisation, is_new = Organisation.objects.get_or_create(
                slug=spec["slug"], defaults={"name": spec["name"]}
            )
            if is_new:
                seeder(organisation=organisation, rng=random.Random(f"{SEED}-{spec['slug']}"),
                       now=timezone.now(), user_for=lambda *a, **k: _demo_user(*a, hashed(), **k))
                created.append(spec["slug"])
    _ensure_logins(hashed)
    return _summary(tuple(created))


def _ensure_logins(hashed) -> None:
    """Re-create demo accounts that someone deleted; existing ones are left as they are."""
    present = set(User.objects.filter(email__in=data.DEMO_EMAILS).values_list("email", flat=True))
    if present >= set(data.DEMO_EMAILS):
        return
    with transaction.atomic():
        organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=data.DEMO_SLUGS)}
        for email, name, slug, role in data.STAFF_LOGINS:
            if email not in present and slug in organisations:
                _demo_user(email, name, hashed(), organisation=organisations[slug], role=role)
        email, name = data.PARTICIPANT_LOGIN
        person = Person.objects.filter(organisation__slug=data.ORGANISATION["slug"], email=email,
                                       user__isnull=True).first()
        if email not in present and person is not None:
            person.user = _demo_user(email, name, hashed())
            person.save(update_fields=["user"])


def demo_reset() -> int:
    """Delete the demo organisations, with all they hold, and their demo accounts."""
    with transaction.atomic():
        organisations = Organisation.objects.filter(slug__in=data.DEMO_SLUGS)
        in_demo = (
            Q(email__in=data.DEMO_EMAILS)
            | Q(memberships__organisation__in=organisations)
            | Q(person__organisation__in=organisations)
        )
        elsewhere = Q(memberships__organisation__in=Organisation.objects.exclude(
            slug__in=data.DEMO_SLUGS))
        user_ids = list(
            User.objects.filter(in_demo).exclude(elsewhere).exclude(is_superuser=True)
            .values_list("pk", flat=True).distinct()
        )
        # A sensitive profile protects its consent: remove the profiles first.
        SensitiveProfile.objects.filter(person__organisation__in=organisations).delete()
        deleted = _delete_protected_first(organisations)
        User.objects.filter(pk__in=user_ids).delete()
        # E-mails to an address the object held (a requester, a poster) name
        # their object by id only, so they do not go with it.
        deleted += deliveries_delete_orphans()
    return deleted


def _delete_protected_first(organisations, *, rounds: int = 10) -> int:
    """Delete the organisations; rows that protect a row in them (``on_delete=PROTECT``)
    are deleted first, but only when they belong to a demo organisation themselves."""
    for _round in range(rounds):
        try:
            deleted, _detail = organisations.delete()
            return deleted
        except ProtectedError as error:
            protecting = list(error.protected_objects)
            if not all(_belongs_to_demo(obj) for obj in protecting):
                raise
            for obj in protecting:
                type(obj)._base_manager.filter(pk=obj.pk).delete()
    raise RuntimeError("The demo organisations could not be deleted: rows keep protecting them.")


def _belongs_to_demo(obj, depth: int = 3) -> bool:
    """Whether a row leads, through its foreign keys, to a demo organisation and no other."""
    found: set[str] = set()
    level = [obj]
    for _step in range(depth):
        following = []
        for row in level:
            if isinstance(row, Organisation):
                found.add(row.slug)
                continue
            for f in row._meta.concrete_fields:
                if f.is_relation and f.many_to_one and getattr(row, f.attname) is not None:
                    following.append(getattr(row, f.name))
        level = following
    found.update(row.slug for row in level if isinstance(row, Organisation))
    return bool(found) and found <= set(data.DEMO_SLUGS)


def _password_hash() -> str:
    """The demo password's stored hash, or a fresh one if that hasher is not enabled."""
    try:
        identify_hasher(data.DEMO_PASSWORD_HASH)
    except ValueError:
        return make_password(data.DEMO_PASSWORD)
    return data.DEMO_PASSWORD_HASH


def _demo_user(email: str, full_name: str, password_hash: str, *, organisation=None,
               role: str = "") -> User:
    """The demo account with this e-mail, created or reset to the demo password."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create(email=email, full_name=full_name, password=password_hash)
    else:
        user.full_name, user.password, user.is_active = full_name, password_hash, True
        user.save(update_fields=["full_name", "password", "is_active"])
    if organisation is not None and role:
        Membership.objects.update_or_create(
            user=user, organisation=organisation, defaults={"role": role}
        )
    return user


def _summary(created: tuple[str, ...]) -> SeedSummary:
    scope = {"organisation__slug__in": data.DEMO_SLUGS}
    return SeedSummary(
        created=created,
        people=Person.objects.filter(**scope).count(),
        programmes=Programme.objects.filter(**scope).count(),
        enrolments=Enrolment.objects.filter(
            programme__organisation__slug__in=data.DEMO_SLUGS).count(),
        matches=Match.objects.filter(programme__organisation__slug__in=data.DEMO_SLUGS).count(),
        contacts=ContactMoment.objects.filter(
            match__programme__organisation__slug__in=data.DEMO_SLUGS).count(),
        logins=tuple((email, role) for email, _name, _slug, role in data.STAFF_LOGINS)
        + ((data.PARTICIPANT_LOGIN[0], "participant"),),
    )

