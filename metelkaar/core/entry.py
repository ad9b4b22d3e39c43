"""Where a visitor goes to join a programme: its own public page, by kind of programme.

Buddy, family, mentor, tandem and bridge programmes pair people after a sign-up
(the wizard); the help board, the language café and home projects need no
sign-up: a visitor opens the board, picks a café evening or a project.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from metelkaar.activities.models import GroupSeries
from metelkaar.programmes.models import Programme
from metelkaar.programmes.presets import PRESETS

K = Programme.Kind


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Entry:
    programme: Programme
    icon: str
    links: tuple[Link, ...]  # the first is where the card leads

    @property
    def url(self) -> str:
        return self.links[0].url if self.links else ""


def programme_entries(programmes: Iterable[Programme]) -> list[Entry]:
    """One entry per programme; a café lists its series (one query for all cafés)."""
    programmes = list(programmes)
    series: dict[int, list[GroupSeries]] = {}
    cafes = [p.pk for p in programmes if p.kind == K.GROUP]
    if cafes:
        for one in GroupSeries.objects.filter(programme_id__in=cafes).order_by("title", "pk"):
            series.setdefault(one.programme_id, []).append(one)
    entries = []
    for programme in programmes:
        preset = PRESETS.get(programme.kind)
        entries.append(Entry(programme, preset.icon if preset else "heart-handshake",
                             _links(programme, series.get(programme.pk, []))))
    return entries


def _links(programme: Programme, series: list[GroupSeries]) -> tuple[Link, ...]:
    public_id = programme.public_id
    if programme.kind == K.HELP:
        return (Link(_("Open the help board"), reverse("activities:help_board", args=[public_id])),)
    if programme.kind == K.PROJECT:
        return (Link(_("See the projects you can help with"),
                     reverse("activities:project_public_list", args=[public_id])),)
    if programme.kind == K.GROUP:
        return tuple(Link(one.title, reverse("activities:cafe_public", args=[one.public_id]))
                     for one in series)
    links = [Link(_("Sign up for this"), reverse("programmes:signup_wizard", args=[public_id]))]
    if programme.kind == K.BRIDGE:
        links.append(Link(_("Ask for a bridge person"),
                          reverse("bridges:request_create", args=[public_id])))
    return tuple(links)
