"""One parameter set per reason code, for the tests of both renderers.

Tags are the product's own (the web side has labels for them); people are
enrolment ids 1 and 2.
"""

SAMPLES = {
    "teaches": {"from": 1, "to": 2, "language": "ar"},
    "helps": {"from": 1, "to": 2, "tag": "paperwork"},
    "mutual_help": {},
    "shared_language": {"language": "en"},
    "shared_interest": {"tag": "cooking"},
    "similar_age": {"years": 4},
    "same_life_stage": {"stage": "retired"},
    "same_gender": {},
    "distance_km": {"km": 1.25},
    "common_time": {"slots": 3, "day": 0, "part": "evening"},
    "equal_footing": {},
    "status_gap": {"levels": 2},
    "waiting": {"days": 45},
    "nobody_to_pair": {},
    "no_feasible_candidate": {"constraint": "age_range", "excluded": 3, "checked": 4},
    "below_min_score": {"best_score": 0.3, "min_score": 0.5},
    "taken_by_better_fit": {"best": 1, "best_score": 1.0, "taken_by": 2},
    "not_reached": {"best_score": 1.2},
}
