"""What counts as a phone number: one rule for the sign-up form, bridge requests and imports.

Written as people write them: digits with spaces, dashes, dots, slashes or
brackets, an optional leading ``+`` (``06 12345678``, ``020-123 45 67``,
``+31 (0)20 555 1234``, ``06.12.34.56.78``). A number has 8 to 15 digits
(15 is the longest an international number can be, E.164) and fits the
30 characters a person's phone field holds.
"""

from __future__ import annotations

import re

_SHAPE = re.compile(r"\+?[0-9 ()./-]{8,30}")
MIN_DIGITS, MAX_DIGITS = 8, 15


def is_phone_number(text: str) -> bool:
    """Whether ``text`` (already stripped) is a phone number as this module describes."""
    if not _SHAPE.fullmatch(text):
        return False
    return MIN_DIGITS <= sum(c.isdigit() for c in text) <= MAX_DIGITS
