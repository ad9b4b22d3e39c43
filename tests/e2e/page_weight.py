"""What a first visit to a page downloads: every response's body, counted in bytes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Weight:
    total: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    fonts: list[str] = field(default_factory=list)


def first_load(page, url: str, *, block_fonts: bool = False) -> Weight:
    """Load ``url`` in ``page`` (a fresh context: empty cache) and add up what came."""
    weight = Weight()

    def on_response(response):
        try:
            size = len(response.body())
        except Exception:  # a redirect or an aborted request has no body
            return
        kind = response.request.resource_type
        weight.total += size
        weight.by_kind[kind] = weight.by_kind.get(kind, 0) + size
        if kind == "font":
            weight.fonts.append(response.url.rsplit("/", 1)[-1])

    if block_fonts:
        page.route("**/*.woff2", lambda route: route.abort())
    page.on("response", on_response)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    page.remove_listener("response", on_response)
    return weight
