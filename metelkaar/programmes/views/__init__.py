"""Pages of programmes, by audience.

``coordinator``: programmes and enrolments; ``screening``: intake notes, VOG and
training; ``signup``: the public sign-up form (no account needed).
"""
