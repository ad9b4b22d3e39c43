"""Write the access matrix as Markdown for a privacy officer.

Run from the project root::

    python -m tests.trust.render_matrix > docs/roles_and_permissions.md

``test_roles_document.py`` fails when the document and ``matrix.py`` differ.
"""

from __future__ import annotations

import os

HEADER = """\
# Roles and permissions

<!-- Generated from tests/trust/matrix.py by
     `python -m tests.trust.render_matrix > docs/roles_and_permissions.md`.
     Do not edit by hand: tests/trust/test_roles_document.py checks it is in sync. -->

This is who may open which page of Metelkaar. Every cell below is checked by an
automated test (`tests/trust/test_access_matrix.py`) against the running
application, with one test person per role; a new page without a row here makes
that test fail.

## Rules

- Organisations are separate: nobody sees a person, enrolment, programme or
  match of an organisation they do not work for.
- A page about an object of another organisation or another person answers
  **404 not found**, never 403, and an id that does not exist answers exactly
  the same: the answer never confirms that an id belongs to someone.
- A signed-in user without the role a page needs gets **403**. That check
  comes before any lookup, so it too is the same for every id.
- An anonymous visitor is sent to the sign-in page.
- Ids in URLs that participants or outside requesters see cannot be guessed:
  they are random UUIDs (or signed tokens), never counting numbers.
- A guardian has no account role of their own yet: they are treated as a
  signed-in user without roles.
- The site admin (superuser) manages the site through the Django admin. Being
  superuser gives no role in an organisation (least privilege): every staff
  page answers 403 with a link to the Django admin, until an organisation
  admin gives the account a role there.
- The Django admin's own pages are guarded by Django (staff status and model
  permissions); only its entry page is listed here.
- Coordinators and org admins must also pass two-step login; the matrix shows
  the answers after that step (before it, every page sends them to set it up).
- People without an account (a requester, a café visitor, a neighbour on the
  help board, a resident of a home project) reach their own pages through a
  signed link in an e-mail; a changed or made-up link shows the same answer
  for every token.
- No cache keeps a personal page: every answer to a signed-in person (each
  cell of a signed-in role below, whatever its outcome, downloads and the
  sensitive-data page included), every page of a signed link and every answer
  to a form carries `Cache-Control: private, no-store`, so neither a proxy nor
  the browser keeps a copy for the next person at a shared computer. Public
  pages for visitors stay cacheable, except those listed under *Never cached*.
"""


def _cell(outcome: str) -> str:
    from tests.trust.matrix import OUTCOME_TEXT

    return OUTCOME_TEXT[outcome]


def render() -> str:
    from tests.trust.matrix import MATRIX, NOT_ALLOWED, OUTCOME_TEXT, ROLES, project_routes

    routes = {r.name: r for r in project_routes()}
    lines = [HEADER, "## Roles", "", "| column | who |", "|---|---|"]
    lines += [f"| {short} | {who} |" for _, who, short in ROLES]
    lines += ["", "## Answers", "", "| cell | meaning |", "|---|---|"]
    meanings = {
        "200": "the page is shown",
        "login": "sent to the sign-in page",
        "admin-login": "sent to the Django admin's sign-in page",
        "302": "the action is done (or refused with a message) and the user is sent on",
        "403": "not allowed for this role (same answer for every id)",
        "404": "not found: another organisation's or person's object, or no such object",
        "405": "wrong kind of request (for example a link to a form-only action)",
    }
    lines += [f"| {OUTCOME_TEXT[code]} | {text} |" for code, text in meanings.items()]
    lines += ["", "## Matrix", ""]
    lines += ["| page | URL | " + " | ".join(short for _, _, short in ROLES) + " |"]
    lines += ["|---|---|" + "---|" * len(ROLES)]
    for name, entry in MATRIX.items():
        route = routes[name].route if name in routes else "(missing)"
        method = "" if entry.method == "GET" else f" ({entry.method})"
        cells = " | ".join(_cell(entry.expect[code]) for code, _, _ in ROLES)
        lines.append(f"| {entry.title} | `/{route}`{method} | {cells} |")
    lines += ["", "Form-only actions (POST) answer 405 to a plain link (GET), changing nothing"]
    exceptions = [e.title for e in MATRIX.values() if e.method == "POST"
                  and e.get_outcome != NOT_ALLOWED]
    if exceptions:
        lines[-1] += "; except: " + "; ".join(exceptions)
    lines[-1] += "."
    lines += ["", "## Never cached", "",
              "Visitor pages without a signed link that are still never cached, and why:", ""]
    lines += [f"- {entry.title} (`/{routes[name].route}`): {entry.never_cached}"
              for name, entry in MATRIX.items() if entry.never_cached and name in routes]
    lines += ["", "## Ids in URLs", "", "| URL | parameter | kind |", "|---|---|---|"]
    for name, entry in MATRIX.items():
        route = routes.get(name)
        for param, conv in (route.converters.items() if route else []):
            if param in entry.not_ids:
                kind = f"not an id: {entry.not_ids[param]}"
            elif param in entry.staff_only_ids:
                kind = f"staff-only id: {entry.staff_only_ids[param]}"
            else:
                kind = f"random, unguessable ({type(conv).__name__.removesuffix('Converter')})"
            lines.append(f"| `/{route.route}` | `{param}` | {kind} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "metelkaar.settings")
    django.setup()
    print(render(), end="")
