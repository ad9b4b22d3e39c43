"""Page weight: what a first visit to a participant page downloads, per language.

    .venv/bin/python bench/page_weight.py          # prints a table, writes results/page_weight.json

Serves the product (runserver on 127.0.0.1:8163, or PAGE_WEIGHT_PORT; a throwaway
SQLite database with one open programme) and loads each page in a fresh Chromium context
(empty cache, phone viewport), adding up the bodies of every response. The column
"system fonts" blocks the web fonts (what the pages weighed before Metelkaar shipped
its own fonts); "with fonts" is what a visitor gets now. Bytes are uncompressed (the
development server does not gzip): a conservative figure, since fonts are WOFF2
(compressed already) and HTML, CSS and JS shrink further behind gzip.
The budget is 300 kB (tests/e2e/test_page_weight.py holds the sign-up page to it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.e2e.page_weight import first_load  # noqa: E402

PORT = int(os.environ.get("PAGE_WEIGHT_PORT", "8163"))
LANGUAGES = ["nl", "en", "ar", "ti", "fa", "uk", "tr", "so"]
PAGES = {"home": "/", "sign-up start": "/aanmelden/", "sign-up first step": None}
BUDGET = 300_000


def _setup(env: dict) -> str:
    """Migrate a fresh database, add an open programme; the first sign-up step's path."""
    run = [sys.executable, "-m", "metelkaar"]
    subprocess.run([*run, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    code = (
        "from metelkaar.people.models import Organisation;"
        "from metelkaar.programmes.models import Programme;"
        "o=Organisation.objects.create(name='Buurtwerk', slug='buurtwerk');"
        "p=Programme.objects.create(organisation=o, name='Maatjes Oost', kind='buddy');"
        "print(p.public_id)"
    )
    out = subprocess.run([*run, "shell", "-c", code], env=env, check=True, cwd=ROOT,
                         capture_output=True, text=True)
    return f"/aanmelden/{out.stdout.strip()}/"


def _wait(url: str) -> None:
    for _ in range(120):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"no answer at {url}")


def _port_is_free() -> bool:
    import socket

    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", PORT)) != 0


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not _port_is_free():
        raise SystemExit(f"port {PORT} is in use: set PAGE_WEIGHT_PORT to a free one")
    data = tempfile.mkdtemp(prefix="mk-weight-")
    env = {**os.environ, "METELKAAR_DATA_DIR": data, "DATABASE_URL": "",
           "PUBLIC_FORM_LIMIT": "0", "STAFF_2FA_REQUIRED": "false"}
    env.pop("DATABASE_URL")
    PAGES["sign-up first step"] = _setup(env)
    server = subprocess.Popen(
        [sys.executable, "-m", "metelkaar", "runserver", "--insecure", "--noreload",
         f"127.0.0.1:{PORT}"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{PORT}"
    rows = []
    try:
        _wait(base + "/")
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
            for name, path in PAGES.items():
                for code in LANGUAGES:
                    result = {"page": name, "language": code}
                    for label, block in (("system_fonts", True), ("with_fonts", False)):
                        context = browser.new_context(viewport={"width": 375, "height": 740})
                        weight = first_load(context.new_page(), f"{base}{path}?lang={code}",
                                            block_fonts=block)
                        context.close()
                        result[label] = weight.total
                        if not block:
                            result["fonts"] = weight.by_kind.get("font", 0)
                    rows.append(result)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    header = ("page", "lang", "system fonts", "with fonts", "of which fonts")
    print(f"{header[0]:<20} {header[1]:<5} {header[2]:>13} {header[3]:>11} {header[4]:>15}")
    for r in rows:
        flag = "" if r["with_fonts"] < BUDGET else "  over budget"
        print(f"{r['page']:<20} {r['language']:<5} {r['system_fonts'] / 1000:>10.1f} kB"
              f" {r['with_fonts'] / 1000:>8.1f} kB {r['fonts'] / 1000:>12.1f} kB{flag}")
    out = ROOT / "bench" / "results" / "page_weight.json"
    out.write_text(json.dumps(rows, indent=1) + "\n")
    print(f"budget {BUDGET / 1000:.0f} kB; heaviest {max(r['with_fonts'] for r in rows) / 1000:.1f}"
          f" kB; written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
