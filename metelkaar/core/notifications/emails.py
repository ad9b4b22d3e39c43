"""E-mail classes: one per message, rendered in the recipient's language.

Modelled on adhocracy4's ``EmailBase``: a subclass names its ``kind``
(``"<app>.<name>"``), the ``model`` of the object it is about and its
``template``; it may add to :meth:`Email.context`, give :meth:`Email.attachments`
and, for an address the object holds itself, answer :meth:`Email.role_recipient`.

A template is ``<template>.txt``, written in English with ``{% blocktranslate %}``
and rendered in the recipient's language from the app's catalogue (so it exists in
every language the catalogue has); an older kind may still have one file per language,
``<template>.<language>.txt``, which then wins for that language. The first line is the
subject, the rest the plain-text body. They are rendered **without** HTML escaping
(``Tom & Jerry's <school>`` arrives as written); an optional
``<template>.<language>.html`` becomes an HTML part and is escaped as usual.
The language is the recipient's (:func:`language_chain`); where a kind has neither
a translatable template nor one in that language, English and then Dutch are used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.template import Context, TemplateDoesNotExist
from django.template.loader import select_template
from django.utils import translation

from metelkaar.core.links import site_url

#: Languages tried after the recipient's when a template is missing.
FALLBACK_LANGUAGES = ("en", "nl")

EMAILS: dict[str, type[Email]] = {}


def register(cls: type[Email]) -> type[Email]:
    """Class decorator: make ``cls.kind`` known to the sending task."""
    if not cls.kind or "." not in cls.kind:
        raise ValueError(f"{cls.__name__}.kind must look like 'app.name', not {cls.kind!r}")
    if EMAILS.get(cls.kind, cls) is not cls:
        raise ValueError(f"e-mail kind {cls.kind!r} is registered twice")
    EMAILS[cls.kind] = cls
    return cls


def supported_language(code: str | None) -> str | None:
    """``code`` when it is one of ``settings.LANGUAGES``, else ``None``."""
    return code if code and code in dict(settings.LANGUAGES) else None


def default_language(organisation=None) -> str:
    """The organisation's language where it has one, else the site's."""
    return supported_language(getattr(organisation, "language", None)) or settings.LANGUAGE_CODE


def language_chain(*codes: str | None) -> str:
    """The first of ``codes`` that the site speaks, else the site default."""
    for code in codes:
        if supported_language(code):
            return code
    return settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Recipient:
    """Where one e-mail goes and in which language; ``person``/``user`` when known."""

    email: str
    language: str
    name: str = ""
    person: Any = None
    user: Any = None
    role: str = ""  # for an address the object holds: "contact", "poster", …


def recipient_for_person(person) -> Recipient:
    """A participant: their own address and language, else their account's."""
    user = person.user if person.user_id else None
    email = person.email or (user.email if user else "")
    language = language_chain(
        person.preferred_language, user.language if user else None,
        default_language(person.organisation),
    )
    return Recipient(email, language, person.first_name, person=person, user=user)


def recipient_for_user(user) -> Recipient:
    """A staff member (or any account): the account's address and language."""
    first = (user.full_name or user.email).split()[0] if (user.full_name or user.email) else ""
    return Recipient(user.email, language_chain(user.language), first, user=user)


def render_text(template, context: dict[str, Any]) -> str:
    """Render a Django template without autoescaping: the text is mail, not HTML."""
    return template.template.render(Context(context, autoescape=False))


class Email:
    """One message about one object to one recipient."""

    kind: ClassVar[str] = ""
    model: ClassVar[type[models.Model]]
    template: ClassVar[str] = ""  # "matches/email/proposal" → proposal.txt
    related: ClassVar[tuple[str, ...]] = ()  # select_related paths for load()

    def __init__(self, obj: models.Model, recipient: Recipient):
        self.object = obj
        self.recipient = recipient

    # --- what the task calls -------------------------------------------------

    @classmethod
    def load(cls, object_id: int | None) -> models.Model | None:
        """The object by primary key, or ``None`` when it is gone."""
        queryset = cls.model._default_manager.all()
        if cls.related:
            queryset = queryset.select_related(*cls.related)
        return queryset.filter(pk=object_id).first()

    @classmethod
    def role_recipient(cls, obj: models.Model, role: str) -> Recipient | None:
        """The recipient whose address ``obj`` holds under ``role`` (none by default)."""
        raise ValueError(f"{cls.kind} has no recipient role {role!r}")

    def message(self) -> EmailMultiAlternatives:
        """Render subject, text and (if there is a template) HTML in one language."""
        language = self.recipient.language
        fallbacks = [code for code in FALLBACK_LANGUAGES if code != language]
        text_template = select_template([
            f"{self.template}.{language}.txt", f"{self.template}.txt",
            *(f"{self.template}.{code}.txt" for code in fallbacks),
        ])
        name = text_template.origin.template_name
        if name != f"{self.template}.txt":
            language = name.rsplit(".", 2)[-2]
        with translation.override(language):
            context = self.context()
            text = render_text(text_template, context).strip()
            html = self._render_html(language, context)
            attachments = self.attachments()
        subject, _sep, body = text.partition("\n")
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()), body=body.strip() + "\n",
            to=[self.recipient.email],
        )
        if html is not None:
            message.attach_alternative(html, "text/html")
        for attachment in attachments:
            message.attach(*attachment)
        return message

    def _render_html(self, language: str, context: dict[str, Any]) -> str | None:
        try:
            template = select_template([f"{self.template}.{language}.html"])
        except TemplateDoesNotExist:
            return None
        return template.render(context)

    # --- what subclasses extend ----------------------------------------------

    def context(self) -> dict[str, Any]:
        """Template variables; rendered inside the recipient's language."""
        return {
            "object": self.object,
            "recipient": self.recipient,
            "name": self.recipient.name,
            "site_url": site_url(),
        }

    def attachments(self) -> list[tuple[str, str, str]]:
        return []
