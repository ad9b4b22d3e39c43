"""The sign-up of a participant: person, consents, sensitive data and enrolment at once.

Everything happens in one transaction, so a failed sign-up leaves no rows behind.
The confirmation e-mail is enqueued inside the same transaction: with the
database task backend the task row commits (or rolls back) with the sign-up.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.core.notifications.outbox import notify
from metelkaar.people import services as people_services
from metelkaar.people.models import Consent, Household, Person, SensitiveProfile
from metelkaar.programmes.emails import SignupReceivedEmail
from metelkaar.programmes.models import Enrolment, EnrolmentStatusChange, Programme

OPEN_STATUSES_EXCLUDED = (Enrolment.Status.FINISHED, Enrolment.Status.WITHDRAWN)
# In mentor programmes side A is the pupil (mentee), side B the mentor: the
# side that asks for support is side A in every kind (as "Newcomer" in buddies).
MENTEE_SIDE = Enrolment.Side.B  # side A are the mentors, as in the programme template
ADULT_AGE = 18


class SignupError(Exception):
    """The sign-up cannot be accepted; the message is meant for the participant."""


class DuplicateSignupError(SignupError):
    """This e-mail address already has an open enrolment in the programme."""


def signup_sides(programme: Programme) -> list[str]:
    if programme.is_two_sided:
        return [Enrolment.Side.A, Enrolment.Side.B]
    return [Enrolment.Side.POOL]


def signup_needs_guardian(*, programme: Programme, side: str, birth_year: int | None) -> bool:
    """Guardian consent is needed for a mentee, and for anyone under 18."""
    if programme.kind == Programme.Kind.MENTOR and side == MENTEE_SIDE:
        return True
    if birth_year is not None and timezone.localdate().year - birth_year < ADULT_AGE:
        return True
    return False


def _duplicate_error() -> DuplicateSignupError:
    return DuplicateSignupError(
        _("You have already signed up for this programme with this e-mail address. "
          "The coordinator will contact you. Did you want to change something? "
          "Please reply to the confirmation e-mail.")
    )


def _person_for_signup(*, programme: Programme, profile: dict[str, Any]) -> Person:
    """The organisation's person with this e-mail address, or a new one.

    One human is one person within an organisation, so an existing person is
    reused: the database constraint of one open enrolment per programme then
    guards against signing up twice, also when two requests race. Anyone can
    type any e-mail address into the public form, so answers only fill what
    is still empty: what is on file is never overwritten by a sign-up.
    """
    email = profile["email"].strip().lower()
    existing = (
        Person.objects.select_for_update()
        .filter(organisation=programme.organisation, email__iexact=email)
        .order_by("pk")
        .first()
    )
    if existing is None:
        return people_services.person_create(organisation=programme.organisation, profile=profile)
    if existing.enrolments.filter(programme=programme).exclude(
        status__in=OPEN_STATUSES_EXCLUDED
    ).exists():
        raise _duplicate_error()
    blanks = {
        name: value for name, value in profile.items()
        if getattr(existing, name) in (None, "", [], {}) and value not in (None, "", [], {})
    }
    if not blanks:
        return existing
    return people_services.person_profile_update(person=existing, profile=blanks)


def _household_for_signup(*, person, household: dict[str, Any] | None):
    """The person's household: the one on file, or a new one from the family step."""
    if household is None:
        return None
    name = (household.get("household_name") or "").strip() or str(
        _("Family %(name)s") % {"name": person.last_name or person.first_name}
    )
    children = list(household.get("children") or [])
    if person.household is not None:
        # Kept as it is on file: a public form must not rewrite a family.
        return person.household
    family = Household.objects.create(
        organisation=person.organisation, name=name, children_birth_years=children
    )
    person.household = family
    person.save(update_fields=["household"])
    return family


def enrolment_signup(
    *,
    programme: Programme,
    side: str,
    profile: dict[str, Any],
    participation_consent: bool,
    sensitive: dict[str, str] | None = None,
    guardian_name: str = "",
    language: str = "nl",
    household: dict[str, Any] | None = None,
) -> Enrolment:
    """Sign a person up for a programme: Person, Consent(s), SensitiveProfile, Enrolment.

    ``profile`` holds :data:`metelkaar.people.services.PROFILE_FIELDS`;
    ``sensitive`` (origin, refugee_status, sexual_orientation) is stored only
    together with a ``sensitive_data`` consent, and only in a programme that
    uses sensitive data. ``guardian_name`` records a guardian's consent.
    ``household`` (household_name, children: years of birth) signs up a family.
    Raises :class:`DuplicateSignupError` when the e-mail address already has an
    open enrolment in the programme, :class:`SignupError` on other refusals.
    """
    if not programme.is_open:
        raise SignupError(_("This programme is not open for sign-up."))
    if side not in signup_sides(programme):
        raise SignupError(_("Choose how you would like to take part."))
    if not participation_consent:
        raise SignupError(_("You can only sign up if you agree. Tick the box."))
    needs_guardian = signup_needs_guardian(
        programme=programme, side=side, birth_year=profile.get("birth_year")
    )
    if needs_guardian and not guardian_name.strip():
        raise SignupError(_("A parent or guardian must agree. Tick the box."))
    language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    profile = {**profile, "preferred_language": language}

    try:
        with transaction.atomic():
            person = _person_for_signup(programme=programme, profile=profile)
            people_services.consent_give(person=person, purpose=Consent.Purpose.PARTICIPATION)
            if guardian_name.strip():
                people_services.consent_give(
                    person=person, purpose=Consent.Purpose.GUARDIAN, given_by=guardian_name.strip()
                )
            if (
                sensitive and programme.uses_sensitive_data
                and not SensitiveProfile.objects.filter(person=person).exists()
            ):
                people_services.consent_give(person=person, purpose=Consent.Purpose.SENSITIVE_DATA)
                people_services.sensitive_profile_set(person=person, **sensitive)
            now = timezone.now()
            family = _household_for_signup(person=person, household=household)
            enrolment = Enrolment.objects.create(
                programme=programme, person=person, side=side, household=family,
                status=Enrolment.Status.APPLIED, status_changed_at=now, created_at=now,
            )
            EnrolmentStatusChange.objects.create(
                enrolment=enrolment, from_status="", to_status=Enrolment.Status.APPLIED, at=now,
                note="sign-up",
            )
            notify(SignupReceivedEmail, enrolment, to=[person])
    except IntegrityError as error:
        message = str(error)
        if "one_open_enrolment_per_programme" in message or "enrolment.programme_id" in message:
            raise _duplicate_error() from error
        raise
    except ValidationError as error:
        raise SignupError(_("Some answers could not be saved. Please check them.")) from error
    return enrolment
