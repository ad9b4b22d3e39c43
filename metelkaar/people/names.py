"""Names in any script: one folded key to search and sort them by.

Coordinators type names as they hear them: without accents, without Arabic
vowel marks, in another case, on a Persian or an Arabic keyboard. The key
folds all of that away, so a search finds the person and a list sorts Latin
names together whatever their accents, each other script by its own letters.

>>> name_key("Émile", "de Vries")
'emile de vries'
>>> name_key("Олена") == name_key("олена")
True
>>> name_key("مُحَمَّد") == name_key("محمد")
True
>>> name_key("علي") == name_key("علی")  # Arabic and Persian yeh
True
>>> name_key("ዮናስ")
'ዮናስ'
>>> name_key("A\\u202eB")  # a bidi override is no part of a name's letters
'ab'
"""

from __future__ import annotations

import re
import unicodedata

# Explicit direction marks, embeddings, overrides and isolates (Unicode bidi controls).
BIDI_CONTROLS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# Letters written differently on Arabic and Persian keyboards; tatweel (a stretch) goes.
SAME_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ـ": None})


def name_key(*parts: str) -> str:
    """The search and sort key of a name made of ``parts``."""
    text = BIDI_CONTROLS.sub("", " ".join(part for part in parts if part))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", text).translate(SAME_LETTERS)
    return " ".join(text.casefold().split())
