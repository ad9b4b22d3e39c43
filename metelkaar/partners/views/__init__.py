"""Pages of partner schools, by audience.

``coordinator``: partner schools and placements; ``contact``: the school contact
person's progress page (a signed link, no account).
"""
