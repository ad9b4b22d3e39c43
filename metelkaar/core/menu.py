"""The staff menu: every staff page a role may open, from one list.

The context processor puts :func:`staff_menu` on every page, so the header
reaches each staff page (the audit log and the record of processing included)
and marks the one the user is on.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from metelkaar.people.selectors import STAFF_ROLES

COORDINATION = frozenset(STAFF_ROLES)
ANY_STAFF = COORDINATION | {"coach"}


@dataclass(frozen=True)
class Page:
    url_name: str
    label: str
    icon: str
    roles: frozenset[str]
    # Namespaces whose pages count as this page (the programme pages under "Programmes").
    sections: tuple[str, ...] = ()


PAGES = (
    Page("staff_home", _("To do"), "list-check", ANY_STAFF),
    Page("programmes:coordinator_home", _("Programmes"), "users-group", COORDINATION,
         ("programmes", "proposals", "activities", "bridges", "partners")),
    Page("matches:list", _("Matches"), "heart-handshake", COORDINATION),
    Page("matches:coach_dashboard", _("Coaching"), "compass", frozenset({"coach"})),
    Page("impact:organisation_report", _("Reports"), "chart-bar", COORDINATION, ("impact",)),
    Page("privacy:record", _("Record of processing"), "file-text", COORDINATION),
    Page("privacy:audit_log", _("Audit log"), "lock", frozenset({"org_admin"})),
    Page("twofactor_team", _("Team"), "users", frozenset({"org_admin"})),
    Page("api_tokens:list", _("API tokens"), "key", frozenset({"org_admin"})),
    Page("admin:index", _("Site administration"), "settings", frozenset({"site_admin"})),
)


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str
    icon: str
    current: bool


def staff_menu(roles: set[str], view_name: str = "") -> list[MenuItem]:
    """The staff pages these roles may open, the current one marked; empty for others."""
    if roles.isdisjoint(ANY_STAFF | {"site_admin"}):
        return []
    pages = [page for page in PAGES if not page.roles.isdisjoint(roles)]
    exact = any(page.url_name == view_name for page in pages)
    namespace = view_name.partition(":")[0] if ":" in view_name else ""
    return [
        MenuItem(
            str(page.label), reverse(page.url_name), page.icon,
            page.url_name == view_name or (not exact and namespace in page.sections),
        )
        for page in pages
    ]
