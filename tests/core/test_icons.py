"""Pictograms come from our own SVG sprite, the favicon answers, and no emoji is left.

Emoji show as empty boxes in a browser without a colour emoji font (Debian's
Chromium): every pictogram must be an icon from the sprite.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.template import Context, Template

from metelkaar.core import icons

APP_ROOT = Path(icons.__file__).resolve().parents[1]
SPRITE = APP_ROOT / "core" / "static" / icons.SPRITE
TEMPLATES = sorted(APP_ROOT.glob("*/templates/**/*.html"))
# Pictographs that need a colour emoji font: the emoji blocks, dingbats and
# symbols with an emoji presentation, and the variation selector that asks for one.
EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\uFE0F\U0001F1E6-\U0001F1FF]"
)
ICON_TAG = re.compile(r"""{%\s*icon\s+["']([a-z0-9-]+)["']""")


def _symbols() -> set[str]:
    root = ET.parse(SPRITE).getroot()
    return {el.get("id") for el in root if el.tag.endswith("symbol")}


def test_the_sprite_holds_exactly_the_named_icons():
    assert _symbols() == set(icons.NAMES)


def test_every_icon_a_template_names_is_in_the_sprite():
    used = {name for path in TEMPLATES for name in ICON_TAG.findall(path.read_text())}
    assert used, "no template uses {% icon %}"
    assert used - icons.NAMES == set()


def test_the_icon_tag_draws_from_the_sprite_and_hides_from_screen_readers():
    html = Template('{% icon "coffee" %} Koffie').render(Context())
    assert '<use href="/static/icons/icons.svg#coffee">' in html
    assert 'aria-hidden="true"' in html and 'focusable="false"' in html


def test_a_standalone_icon_has_a_name_for_screen_readers():
    html = str(icons.icon_html("check", label="Aanwezig"))
    assert 'role="img"' in html and 'aria-label="Aanwezig"' in html
    assert "aria-hidden" not in html


def test_an_unknown_icon_name_fails_loudly():
    with pytest.raises(ValueError, match="no icon 'cofee'"):
        icons.icon_html("cofee")


@pytest.mark.django_db
def test_the_favicon_answers_on_every_page(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
    svg = (APP_ROOT / "core" / "static" / "icons" / "favicon.svg").read_text()
    assert svg.startswith("<svg") and "<script" not in svg


@pytest.mark.django_db
def test_every_page_names_its_favicons(client):
    html = client.get("/").content.decode()
    assert 'rel="icon" href="/favicon.ico"' in html
    assert 'href="/static/icons/favicon.svg" type="image/svg+xml"' in html


def _python_pictograms() -> set[str]:
    """The icon names that Python vocabularies hand to templates."""
    from metelkaar.activities.forms import RATINGS
    from metelkaar.activities.vocabulary import HELP_TAGS, PROJECT_TASKS
    from metelkaar.core.menu import PAGES
    from metelkaar.matches.forms import ACTIVITY_ICONS, VIEW_ICONS
    from metelkaar.people.vocabulary import HELP_TAGS as PERSON_HELP_TAGS
    from metelkaar.people.vocabulary import INTERESTS
    from metelkaar.programmes.presets import PRESETS

    inbox = (APP_ROOT / "core" / "inbox.py").read_text()
    return (
        set(ACTIVITY_ICONS.values()) | set(VIEW_ICONS.values())
        | {icon for *_, icon in PROJECT_TASKS + HELP_TAGS + INTERESTS + PERSON_HELP_TAGS}
        | {icon for _, icon in RATINGS} | {preset.icon for preset in PRESETS.values()}
        | {page.icon for page in PAGES}
        | set(re.findall(r'Task\(\s*"[a-z_]+", "([a-z0-9-]+)"', inbox))
    )


def test_no_template_shows_an_emoji_pictogram():
    found = {
        str(path.relative_to(APP_ROOT)): sorted(set(EMOJI.findall(path.read_text())))
        for path in TEMPLATES if EMOJI.search(path.read_text())
    }
    assert found == {}


def test_the_python_vocabularies_name_icons_of_the_sprite_not_emoji():
    names = _python_pictograms()
    assert not any(EMOJI.search(name) for name in names)
    assert names - icons.NAMES == set()


def test_the_sprite_holds_only_icons_that_are_used():
    used = {name for path in TEMPLATES for name in ICON_TAG.findall(path.read_text())}
    assert icons.NAMES - used - _python_pictograms() == set()
