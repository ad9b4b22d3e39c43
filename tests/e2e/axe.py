"""Run axe-core (shipped inside the axe-playwright-python package) on a page."""

from __future__ import annotations

import json

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_axe = Axe()


def axe_violations(page) -> list[dict]:
    result = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return result.response["violations"]


def assert_no_axe_violations(page) -> None:
    """Fail with a readable list of every axe violation on the current page."""
    violations = axe_violations(page)
    if violations:
        summary = [
            {
                "id": v["id"],
                "impact": v.get("impact"),
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in violations
        ]
        raise AssertionError(f"axe violations on {page.url}:\n{json.dumps(summary, indent=2)}")
