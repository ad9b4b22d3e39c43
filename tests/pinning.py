"""Pin a list page's query count: the same with 2 rows as with 12.

``assert_flat(client, url, grow)`` calls ``grow(2)``, counts the queries of one
request, calls ``grow(12)`` and counts again; the two counts must be equal, so a
page that loads something per row (an N+1 query) fails. ``shows`` is text the page
must contain once it has 12 rows (proof that the rows are listed at all).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext

FEW, MANY = 2, 12


def count_queries(client, url: str, shows: str | None = None) -> int:
    client.get(url)  # warm: first-request work (session, caches) is not the page's
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    if shows:
        assert shows in response.content.decode(), f"{url} does not list {shows!r}"
    return len(ctx.captured_queries)


def assert_flat(client, url: str, grow: Callable[[int], object], shows: str | None = None,
                expected: int | None = None) -> int:
    grow(FEW)
    few = count_queries(client, url)
    grow(MANY)
    many = count_queries(client, url, shows)
    assert few == many, f"{url}: {few} queries with {FEW} rows, {many} with {MANY}"
    if expected is not None:
        assert many == expected, f"{url}: {many} queries, pinned at {expected}"
    return many
