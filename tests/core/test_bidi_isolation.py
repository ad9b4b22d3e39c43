"""A bidi control character in a name cannot reorder a coordinator's page.

Names and free text come from participants in any script. A name that holds
U+202E (RIGHT-TO-LEFT OVERRIDE) would, unisolated, turn the text after it around
up to the end of the line: the status, the next column, the other person's name.
Every place a coordinator page shows such a text must put that text alone in an
isolating element (``<bdi>`` or one with a ``dir`` attribute), so the override
ends where the name ends.
"""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD, committed, make_person

RLO = "\u202e"
FIRST = f"Sa{RLO}mir"
FULL = f"{FIRST} Haddad"
WORDS = f"Boodschappen {RLO}doen"  # free text of a help post


class Isolation(HTMLParser):
    """Collect every text with RLO that is not alone in an isolating element."""

    VOID = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
    SKIP = {"title", "script", "style", "textarea", "option"}

    def __init__(self, values):
        super().__init__()
        self.values = values
        self.stack: list[tuple[str, dict]] = []
        self.loose: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if RLO not in data or any(tag in self.SKIP for tag, _ in self.stack):
            return
        tag, attrs = self.stack[-1] if self.stack else ("", {})
        isolated = tag == "bdi" or attrs.get("dir") in ("auto", "ltr", "rtl")
        if not isolated or data.strip() not in self.values:
            self.loose.append(f"<{tag}> {data.strip()!r}")


def loose_texts(html: str) -> list[str]:
    parser = Isolation({FIRST, FULL, WORDS})
    parser.feed(html)
    return parser.loose


@pytest.fixture
def samir_world(db, org, anna, programme, jan):
    """Samir (name with RLO) and Jan enrolled, proposed to each other; a help post by Samir."""
    from metelkaar.activities.models import HelpPost
    from metelkaar.bridges.models import BridgeRequest, Requester
    from metelkaar.matches import services
    from metelkaar.programmes.models import Enrolment, Programme

    samir = make_person(org, FIRST, last_name="Haddad")
    a = Enrolment.objects.create(
        programme=programme, person=samir, side="a", status="waiting", waiting_since=timezone.now()
    )
    b = Enrolment.objects.create(
        programme=programme,
        person=jan,
        side="b",
        status="waiting",
        waiting_since=timezone.now() - timedelta(days=3),
    )
    with committed():
        match = services.match_create_proposed(
            programme=programme,
            enrolment_a=a,
            enrolment_b=b,
            score=0.8,
            explanation={"reasons": ["shared_language"]},
            by=anna,
        )
    help_programme = Programme.objects.create(organisation=org, name="Burenhulp", kind="help")
    today = timezone.localdate()
    HelpPost.objects.create(
        programme=help_programme,
        kind="request",
        tag="groceries",
        name=FIRST,
        description=WORDS,
        email="samir@example.test",
        area="Oost",
        window_start=today,
        window_end=today,
        expires_on=today,
    )
    # A school's request for a bridge person, asked by Samir; Samir is in the pool too.
    bridge = Programme.objects.create(organisation=org, name="Cultuurverbinders", kind="bridge")
    Enrolment.objects.create(
        programme=bridge, person=samir, side="pool", status="waiting", waiting_since=timezone.now()
    )
    requester = Requester.objects.create(organisation=org, name=FULL, kind="school")
    request = BridgeRequest.objects.create(
        programme=bridge,
        requester=requester,
        contact_name=FULL,
        contact_email="school@example.test",
        what=WORDS,
        languages=["ar"],
        language="nl",
    )
    return {
        "samir": samir,
        "enrolment": a,
        "match": match,
        "help": help_programme,
        "bridge": bridge,
        "request": request,
    }


def pages(programme, world):
    return {
        "programme": reverse("programmes:detail", args=[programme.public_id]),
        "enrolment": reverse("programmes:enrolment_detail", args=[world["enrolment"].public_id]),
        "person": reverse("people:person_detail", args=[world["samir"].public_id]),
        "match list": reverse("matches:list"),
        "match": reverse("matches:staff_match", args=[world["match"].public_id]),
        "help board": reverse("activities:help_coordinator", args=[world["help"].public_id]),
        "bridge requests": reverse("bridges:request_list", args=[world["bridge"].public_id]),
        "bridge request": reverse("bridges:request_detail", args=[world["request"].public_id]),
        "bridge pool": reverse("bridges:pool", args=[world["bridge"].public_id]),
    }


@pytest.mark.parametrize(
    "which",
    [
        "programme",
        "enrolment",
        "person",
        "match list",
        "match",
        "help board",
        "bridge requests",
        "bridge request",
        "bridge pool",
    ],
)
def test_a_name_with_an_override_is_isolated(client, anna, programme, samir_world, which):
    assert client.login(email=anna.email, password=PASSWORD)
    response = client.get(pages(programme, samir_world)[which])
    assert response.status_code == 200
    html = response.content.decode()
    assert RLO in html, f"{which} does not show the name: the test checks nothing"
    assert not loose_texts(html), f"{which}: not isolated: {loose_texts(html)}"


def test_the_checker_sees_a_loose_name_and_one_shared_with_other_text():
    assert loose_texts(f"<p>{FULL}</p>") == [f"<p> {FULL!r}"]
    assert loose_texts(f"<td dir='auto'>{FIRST} &amp; Jan</td>")
    assert not loose_texts(f"<td><bdi>{FIRST}</bdi> &amp; <bdi>Jan</bdi></td>")
    assert not loose_texts(f"<h1 dir='auto'>{FULL}</h1><title>{FULL}</title>")
