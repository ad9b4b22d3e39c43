"""Load scenario: participants log contacts, coaches open dashboards, coordinators browse.

Run through ``bench/load/run.py``, which prepares the data, starts gunicorn
and prints the table. Logins come from the JSON file written by prepare.py.
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


def _session_cookie(host: str, key: str) -> Cookie:
    domain = urlsplit(host).hostname
    return Cookie(0, "sessionid", key, None, False, domain, False, False, "/", True, False,
                  None, False, None, None, {})


class _Session(FastHttpUser):
    abstract = True
    wait_time = between(0.5, 2)

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
