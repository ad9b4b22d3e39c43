"""The demo helper leaves a bridge programme with something on every page."""

import random

from metelkaar.bridges.demo import bridge_demo_fill
from metelkaar.bridges.models import BridgeRequest
from metelkaar.bridges.selectors import bridge_report


def test_demo_fill_reaches_every_status_and_fills_the_report(bridge_programme, fatima, jan, anna):
    bridge_demo_fill(programme=bridge_programme, persons=[fatima, jan], by=anna,
                     rng=random.Random(7))
    statuses = set(BridgeRequest.objects.values_list("status", flat=True))
    assert {"submitted", "assigned", "accepted", "done", "declined"} <= statuses
    report = bridge_report(programme=bridge_programme)
    assert report["total_hours"] > 0
    assert report["median_hours_to_assignment"] is not None
    assert len(report["per_requester"]) == 5
