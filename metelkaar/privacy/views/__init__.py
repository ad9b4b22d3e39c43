"""Privacy pages, by audience.

``participant``: a person's own consents, data and erasure; ``coordinator``: the
staff pages; ``exports``: the data download and readable page both use.

Views parse, call one service or selector, and render.
"""
