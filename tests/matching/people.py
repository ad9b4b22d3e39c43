"""Synthetic candidates for the matching tests and the benchmark."""

from __future__ import annotations

import numpy as np

from metelkaar.matching import Candidate

TAGS = ("paperwork", "cooking", "dutch", "bikes", "computers", "music", "football", "garden")
LANGS = ("nl", "en", "ar", "tr", "pl", "ti", "uk")
PARTS = ("morning", "afternoon", "evening")
GENDERS = ("f", "m", "x")


def crowd(n: int, seed: int, prefix: str = "p", *, prefs: bool = True) -> list[Candidate]:
    """``n`` plausible neighbours around one city centre, reproducible by seed."""
    rng = np.random.default_rng(seed)
    out = []
    for k in range(n):
        langs = {"nl": int(rng.integers(1, 6))}
        for code in rng.choice(LANGS[1:], size=int(rng.integers(0, 3)), replace=False):
            langs[str(code)] = int(rng.integers(2, 6))
        out.append(
            Candidate(
                id=f"{prefix}{k}",
                birth_year=int(rng.integers(1945, 2006)),
                gender=str(rng.choice(GENDERS, p=[0.5, 0.45, 0.05])),
                languages=langs,
                interests=set(rng.choice(TAGS, size=int(rng.integers(0, 4)), replace=False)),
                offers=set(rng.choice(TAGS, size=int(rng.integers(0, 3)), replace=False)),
                needs=set(rng.choice(TAGS, size=int(rng.integers(0, 3)), replace=False)),
                availability={(int(d), str(rng.choice(PARTS))) for d in rng.integers(0, 7, size=3)},
                location=(52.37 + rng.normal(0, 0.03), 4.90 + rng.normal(0, 0.05))
                if rng.random() < 0.9
                else None,
                status_level=int(rng.integers(1, 6)) if rng.random() < 0.8 else None,
                waiting_days=int(rng.integers(0, 400)),
                gender_pref={"f"} if prefs and rng.random() < 0.1 else None,
                age_range=(18, 40) if prefs and rng.random() < 0.05 else None,
                max_km=3.0 if prefs and rng.random() < 0.1 else None,
                life_stage=str(rng.choice(["student", "parent", "working", "retired"])),
            )
        )
    return out
