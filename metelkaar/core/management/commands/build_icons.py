"""Build the icon sprite and the favicons from the ``@tabler/icons`` npm package.

``make icons`` fetches the package with npm and runs this command on it; the
results are committed, so nothing is fetched when the product runs or is
tested. Run it after adding a name to :data:`metelkaar.core.icons.NAMES`.

Writes ``core/static/icons/icons.svg`` (one ``<symbol>`` per icon),
``core/static/icons/favicon.svg`` and ``apple-touch-icon.png``, and
``core/root/favicon.ico`` (served at ``/favicon.ico``). The PNG and ICO are
drawn by Chromium from the SVG favicon, so they need the test extras.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from metelkaar.core import icons

CORE = Path(__file__).resolve().parents[2]
STATIC = CORE / "static" / "icons"
ROOT = CORE / "root"
SVG_NS = "http://www.w3.org/2000/svg"
# The favicon: the logo in white on the product's green, with rounded corners.
ACCENT = "#0b5d4b"
STROKE = ('fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" '
          'stroke-linejoin="round"')


def _paths(source: Path, name: str) -> list[str]:
    """The drawing elements of one outline icon, without Tabler's empty bounding box."""
    file = source / "icons" / "outline" / f"{name}.svg"
    if not file.exists():
        raise CommandError(f"{name!r} is not a Tabler outline icon ({file} not found)")
    ET.register_namespace("", SVG_NS)
    root = ET.parse(file).getroot()
    out = []
    for element in root:
        if element.get("stroke") == "none" and element.get("d") == "M0 0h24v24H0z":
            continue
        element.tail = None
        text = ET.tostring(element, encoding="unicode")
        out.append(text.replace(f' xmlns="{SVG_NS}"', ""))
    return out


def sprite(source: Path) -> str:
    symbols = []
    for name in sorted(icons.NAMES):
        body = "".join(_paths(source, name))
        # The drawing style sits on each symbol: a <use> copies the symbol, not the root.
        symbols.append(f'<symbol id="{name}" viewBox="0 0 24 24" {STROKE}>{body}</symbol>')
    return (
        f'<svg xmlns="{SVG_NS}">'
        f"<!-- Tabler Icons {icons.TABLER_VERSION}, MIT licence (see NOTICE) -->\n"
        + "\n".join(symbols) + "\n</svg>\n"
    )


def favicon(source: Path) -> str:
    body = "".join(_paths(source, icons.LOGO))
    return (
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 24 24">'
        f'<rect width="24" height="24" rx="5" fill="{ACCENT}"/>'
        '<g transform="translate(3.6 3.8) scale(.7)" fill="none" stroke="#fff" '
        f'stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round">{body}</g>'
        "</svg>\n"
    )


def _render_png(svg: str, size: int) -> bytes:
    from playwright.sync_api import sync_playwright

    html = (f"<html><body style='margin:0'><img src='data:image/svg+xml;utf8,{svg.strip()}' "
            f"width='{size}' height='{size}'></body></html>")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": size, "height": size})
        page.set_content(html.replace("#", "%23"))
        png = page.screenshot(omit_background=True)
        browser.close()
    return png


class Command(BaseCommand):
    help = "Build the icon sprite and favicons from an unpacked @tabler/icons package."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="the unpacked npm package (its package/)")

    def handle(self, *args, source: Path, **options):
        from PIL import Image

        STATIC.mkdir(parents=True, exist_ok=True)
        ROOT.mkdir(parents=True, exist_ok=True)
        (STATIC / "icons.svg").write_text(sprite(source))
        logo = favicon(source)
        (STATIC / "favicon.svg").write_text(logo)
        (STATIC / "apple-touch-icon.png").write_bytes(_render_png(logo, 180))
        image = Image.open(io.BytesIO(_render_png(logo, 64)))
        image.save(ROOT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
        self.stdout.write(f"{len(icons.NAMES)} icons in {STATIC / 'icons.svg'}; favicons written")
