"""Load scenario: participants log contacts, coaches open dashboards, coordinators browse.

Run through ``bench/load/run.py`` (one organisation) or ``bench/load/region.py``
(a region), which prepare the data, start gunicorn and print the table. Logins
come from the JSON file written by prepare.py or region_data.py. With
``METELKAAR_LOAD_HOSTS`` (comma-separated) the simulated people are spread over
several servers, as behind a load balancer; with ``signup_programmes`` in the
data, visitors also take the first step of the public sign-up.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from datetime import date
from http.cookiejar import Cookie
from urllib.parse import urlsplit

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

DATA = json.loads(open(os.environ.get("METELKAAR_LOAD_DATA", "/tmp/metelkaar-load.json")).read())
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_participants = itertools.cycle(DATA["participants"])
_coaches = itertools.cycle(DATA["coaches"])
_coach_sessions = itertools.cycle(DATA.get("coach_sessions", []))
# With METELKAAR_LOAD_LOGIN=1 every simulated person logs in with the password
# (PBKDF2 on purpose, about a second of CPU each); by default they start signed in.
REAL_LOGIN = os.environ.get("METELKAAR_LOAD_LOGIN") == "1"
_hosts = itertools.cycle(h for h in os.environ.get("METELKAAR_LOAD_HOSTS", "").split(",") if h)
_signup_programmes = itertools.cycle(DATA.get("signup_programmes", []))
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
RADIO = re.compile(r'<input[^>]*type="radio"[^>]*>')
ATTR = re.compile(r'(name|value)="([^"]*)"')


def _session_cookie(host: str, key: str) -> Cookie:
    domain = urlsplit(host).hostname
    return Cookie(
        0,
        "sessionid",
        key,
        None,
        False,
        domain,
        False,
        False,
        "/",
        True,
        False,
        None,
        False,
        None,
        None,
        {},
    )


class _Session(FastHttpUser):
    abstract = True
    wait_time = between(0.5, 2)

    def __init__(self, environment) -> None:
        if host := next(_hosts, None):
            self.host = host  # before the client is made: it keeps its base URL
        super().__init__(environment)

    def _csrf(self, path: str, name: str) -> str:
        response = self.client.get(path, name=name)
        match = CSRF.search(response.text or "")
        return match.group(1) if match else ""

    def sign_in(self, email: str, session: str | None) -> None:
        if session and not REAL_LOGIN:
            self.client.cookiejar.set_cookie(_session_cookie(self.host, session))
        else:
            self.login(email)

    def login(self, email: str) -> None:
        token = self._csrf("/accounts/login/", "login page")
        self.client.post(
            "/accounts/login/",
            data={"username": email, "password": DATA["password"], "csrfmiddlewaretoken": token},
            headers={"Referer": self.host + "/accounts/login/"},
            name="login",
        )


class Participant(_Session):
    weight = 6

    def on_start(self) -> None:
        row = next(_participants)
        self.match = row["match"]
        self.sign_in(row["email"], row.get("session"))

    @task(3)
    def match_page(self) -> None:
        self.client.get(f"/my/matches/{self.match}/", name="participant: match page")

    @task(1)
    def log_contact(self) -> None:
        path = f"/my/matches/{self.match}/contact/"
        token = self._csrf(path, "participant: contact form")
        self.client.post(
            path,
            data={
                "csrfmiddlewaretoken": token,
                "day": date.today().isoformat(),
                "activity": "coffee",
                "duration_minutes": random.choice([30, 60, 90]),
                "view": "together",
            },
            headers={"Referer": self.host + path},
            name="participant: log contact",
        )


class Coach(_Session):
    weight = 3

    def on_start(self) -> None:
        self.sign_in(next(_coaches), next(_coach_sessions, None))

    @task
    def dashboard(self) -> None:
        self.client.get("/coach/", name="coach: dashboard")


class Coordinator(_Session):
    weight = 1

    def on_start(self) -> None:
        self.sign_in(DATA["coordinator"], DATA.get("coordinator_session"))

    @task(2)
    def programmes(self) -> None:
        self.client.get("/coordinator/", name="coordinator: programmes")

    @task(3)
    def enrolments(self) -> None:
        page = random.randint(1, 20)
        self.client.get(
            f"/coordinator/programmes/{DATA['programme']}/?page={page}",
            name="coordinator: enrolments",
        )


if DATA.get("signup_programmes"):  # the region scenario

    class Visitor(_Session):
        """Someone signing up: the programme's first step, then its answer (POST)."""

        weight = 2

        @task
        def signup_step(self) -> None:
            path = f"/aanmelden/{next(_signup_programmes)}/side/"
            page = self.client.get(path, name="public: sign-up step (page)")
            html = page.text or ""
            data = dict(HIDDEN.findall(html))
            radios = [dict(ATTR.findall(tag)) for tag in RADIO.findall(html)]
            if radios:
                data[radios[0]["name"]] = radios[0]["value"]
            with self.client.post(
                path,
                data=data,
                headers={"Referer": self.host + path},
                name="public: sign-up step (POST)",
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code != 302:
                    response.failure(f"the step answered {response.status_code}, not a redirect")
