"""Organisations (tenants), accounts, and the people in programmes."""

from __future__ import annotations

import uuid

import rules
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
    _user_has_perm,
)
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.people.names import name_key


class Organisation(models.Model):
    """A welfare organisation; the tenant boundary of all data."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


def normalise_email(value: str) -> str:
    """The form an account's address is stored in: trimmed, in lower case."""
    return value.strip().lower()


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str) -> User:
        """The account of an address however it is typed (``BF2@`` is ``bf2@``).

        Compares ``LOWER(email)``, which the unique constraint indexes.
        """
        return self.alias(email_lower=Lower("email")).get(email_lower=normalise_email(username))

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=normalise_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


def _is_product_rule(perm: str) -> bool:
    """Whether ``perm`` is one of the product's rules rather than a model permission."""
    app_label, _dot, codename = perm.partition(".")
    if not rules.perm_exists(perm):
        return False
    action, _under, model = codename.partition("_")
    if action in ("add", "change", "delete", "view"):
        try:
            apps.get_model(app_label, model)
        except LookupError:
            return True
        return False  # also the Django admin's permission of that model
    return True


class User(AbstractBaseUser, PermissionsMixin):
    """An account that logs in with an e-mail address.

    Staff of an organisation get their role through :class:`Membership`;
    participants with an account are linked from :class:`Person`.
    """

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200, blank=True)
    # Blank until the person chooses (language menu, My page, intake): only a chosen
    # language outranks the browser's at login (metelkaar.core.languages).
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default=""
    )
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # One account per mailbox: BF2@example.org and bf2@example.org are the same.
            models.UniqueConstraint(
                Lower("email"), name="user_email_unique_ignoring_case",
                violation_error_message=_("An account with this e-mail address already exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def save(self, *args, **kwargs) -> None:
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def has_perm(self, perm: str, obj=None) -> bool:
        """Django's answer, except that a superuser gets no product role for free.

        Django lets a superuser pass every check. Its own model permissions (what
        the Django admin asks, without an object) stay so; the product's rules
        (``rules.add_perm``, and every check about one object) are asked as for
        anyone else: a site admin who belongs to no organisation is no
        coordinator, and sees a 403 instead of empty lists (least privilege).
        """
        if self.is_active and self.is_superuser and (obj is not None or _is_product_rule(perm)):
            return _user_has_perm(self, perm, obj)
        return super().has_perm(perm, obj)


class Membership(models.Model):
    """A staff role of a user in one organisation."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        COACH = "coach", _("Coach")
        ORG_ADMIN = "org_admin", _("Organisation admin")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_role_per_org"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.organisation}"


class Neighbourhood(models.Model):
    """A wijk or buurt, with its CBS code and postcode areas (PC4)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="neighbourhoods"
    )
    name = models.CharField(_("name"), max_length=200)
    cbs_code = models.CharField(_("CBS code"), max_length=20, blank=True)
    postcode_areas = models.JSONField(_("postcode areas"), default=list, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_neighbourhood"),
        ]

    def __str__(self) -> str:
        return self.name


class Household(models.Model):
    """A family or household, the unit of family-to-family programmes."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="households"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    children_birth_years = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    SELF = "self", _("I describe it myself")
    UNSAID = "", _("I'd rather not say")


class PersonManager(models.Manager["Person"]):
    def bulk_create(self, objs, *args, **kwargs):
        for person in objs:
            person.name_key = name_key(person.first_name, person.last_name)
        return super().bulk_create(objs, *args, **kwargs)


class Person(models.Model):
    """A participant (deelnemer): a human with a profile used for matching."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="people"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    gender_self_described = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    # Approximate location (centre of the postcode area), never a home address.
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    preferred_language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default="",
        help_text=_("The language of the pages and e-mails this person gets."),
    )
    # Folded first and last name (metelkaar.people.names): searched and sorted by.
    name_key = models.CharField(max_length=201, blank=True, db_index=True, editable=False)

    languages = models.JSONField(_("languages"), default=dict, blank=True)  # code -> level 1..5
    interests = models.JSONField(_("interests"), default=list, blank=True)
    offers = models.JSONField(_("what I can offer"), default=list, blank=True)
    needs = models.JSONField(_("what I would like help with"), default=list, blank=True)
    availability = models.JSONField(default=list, blank=True)  # ["0-morning", "4-evening", ...]
    status_level = models.PositiveSmallIntegerField(
        _("education or work level"), null=True, blank=True,
        help_text=_("1 (primary school) to 5 (university); used only to avoid large status gaps."),
    )

    pref_buddy_gender = models.JSONField(default=list, blank=True)
    pref_age_min = models.PositiveSmallIntegerField(null=True, blank=True)
    pref_age_max = models.PositiveSmallIntegerField(null=True, blank=True)
    max_km = models.PositiveSmallIntegerField(null=True, blank=True)
    about = models.TextField(_("about me"), blank=True, max_length=2000)

    created_at = models.DateTimeField(default=timezone.now)

    objects = PersonManager()

    class Meta:
        ordering = ["name_key", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(birth_year__gte=1900) & Q(birth_year__lte=2100),
                name="person_birth_year_plausible",
            ),
            models.CheckConstraint(
                condition=Q(pref_age_min__isnull=True)
                | Q(pref_age_max__isnull=True)
                | Q(pref_age_min__lte=models.F("pref_age_max")),
                name="person_age_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.name_key = name_key(self.first_name, self.last_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"first_name", "last_name"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def age(self) -> int:
        return timezone.localdate().year - self.birth_year


class Consent(models.Model):
    """A consent given by (or for) a person for one purpose; withdrawals are kept."""

    class Purpose(models.TextChoices):
        PARTICIPATION = "participation", _("Taking part and being matched")
        SENSITIVE_DATA = "sensitive_data", _("Using sensitive personal data for matching")
        GUARDIAN = "guardian", _("Parent or guardian consent for a minor")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=30, choices=Purpose.choices)
    text_version = models.CharField(max_length=20, default="2026-1")
    given_by = models.CharField(max_length=200, blank=True)  # e.g. guardian's name
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_purpose",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_purpose_display()}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class SensitiveProfile(models.Model):
    """Special-category data (GDPR art. 9), kept apart from the profile.

    A row exists only while the person has an active ``sensitive_data``
    consent: :func:`metelkaar.people.services.sensitive_profile_set` refuses
    to write without one and withdrawing the consent deletes the row.
    """

    person = models.OneToOneField(
        Person, on_delete=models.CASCADE, related_name="sensitive_profile"
    )
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="+")
    origin = models.CharField(_("country or region of origin"), max_length=100, blank=True)
    refugee_status = models.CharField(_("residence status"), max_length=30, blank=True)
    sexual_orientation = models.CharField(_("sexual orientation"), max_length=50, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"sensitive profile of person {self.person_id}"
