"""Pages of bridge programmes, by audience.

``requester``: the request form and its status link (no account); ``bridge_person``:
the bridge person's assignments; ``coordinator``: requests, pool and report.
"""
