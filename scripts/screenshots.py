"""Take the README's screenshots of the demo: staff home, coach dashboard, participant match page.

    .venv/bin/python scripts/screenshots.py        # writes docs/screenshots/*.png

It seeds a throw-away SQLite database with the demo data, serves it on a free
port, logs in as the demo accounts in Debian's Chromium (Playwright), and saves
each page on a desktop and on a phone. Nothing is fetched from the internet.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PASSWORD = "metelkaar-demo"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PAGES = [  # (file name, login, path or None for "the first match of My matches", whole page)
    ("staff-home", "coordinator@example.org", "/staff/", False),
    ("coach-dashboard", "coach@example.org", "/coach/", False),
    ("participant-match", "participant@example.org", None, True),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str) -> None:
    for _ in range(120):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the demo did not start at {url}")


def main() -> None:
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/demo.sqlite3",
               "STAFF_2FA_REQUIRED": "false", "SITE_URL": f"http://127.0.0.1:{port}"}
        for command in (["migrate", "--noinput"], ["seed_demo"], ["seed_demo_impact"], ["daily"]):
            subprocess.run([python, "-m", "metelkaar", *command], env=env, cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
        server = subprocess.Popen([python, "-m", "metelkaar", "runserver", "--insecure",
                                   "--noreload", f"127.0.0.1:{port}"], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base + "/healthz")
            _shoot(base)
        finally:
            server.terminate()
            server.wait(timeout=10)


def _shoot(base: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH",
                                                                   "/usr/bin/chromium"),
                                    args=["--no-sandbox", "--disable-background-networking"])
        for name, email, path, whole in PAGES:
            context = browser.new_context(locale="nl-NL")
            page = context.new_page()
            page.goto(base + "/accounts/login/")
            page.get_by_label("E-mailadres").fill(email)
            page.get_by_label("Wachtwoord").fill(PASSWORD)
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_load_state()
            if path is None:
                page.goto(base + "/my/matches/")
                page.locator("main a[href^='/my/matches/']").first.click()
            else:
                page.goto(base + path)
            page.wait_for_load_state("networkidle")
            for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                page.set_viewport_size(viewport)
                page.screenshot(path=str(OUT / f"{name}-{size}.png"), full_page=whole)
                print("wrote", OUT / f"{name}-{size}.png")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
