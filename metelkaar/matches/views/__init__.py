"""Pages of matches, by audience.

``staff``: coordinators and coaches; ``participant``: the two people of a match.
"""
