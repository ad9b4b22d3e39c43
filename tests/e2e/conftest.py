"""Browser tests: real Chromium against Django's live server.

Every page must load without a single request leaving the machine: a route
handler aborts and records any request to another host, and the test fails.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL"}


@pytest.fixture(autouse=True)
def _only_local_requests(page, live_server):
    foreign: list[str] = []
    allowed = urlsplit(live_server.url).netloc

    def guard(route):
        netloc = urlsplit(route.request.url).netloc
        if route.request.url.startswith(("data:", "blob:")) or netloc == allowed:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.set_default_timeout(30_000)
    page.set_default_navigation_timeout(60_000)
    yield
    assert not foreign, f"requests left the machine: {foreign}"


@pytest.fixture
def phone(page):
    """The page, sized like a small phone."""
    page.set_viewport_size(PHONE)
    return page


def login(page, live_server, email: str, password: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mailadres").or_(page.get_by_label("E-mail address")).fill(email)
    page.get_by_label("Wachtwoord").or_(page.get_by_label("Password")).fill(password)
    page.get_by_role("button", name="Inloggen").or_(
        page.get_by_role("button", name="Log in")
    ).click()
