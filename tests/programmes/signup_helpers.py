"""Helpers to walk through the sign-up wizard with the test client."""

from __future__ import annotations

from django.urls import reverse

VALID = {
    "side": {"side": "a"},
    "about": {
        "first_name": "Fatima",
        "last_name": "El Amrani",
        "email": "Fatima.New@Example.test",
        "phone": "06 12345678",
        "birth_year": "1990",
        "gender": "woman",
        "gender_self_described": "",
        "postcode": "1094ab",
    },
    "languages": {"language_1": "ar", "level_1": "5", "language_2": "nl", "level_2": "2"},
    "interests": {"interests": ["cooking", "walking"]},
    "help": {"offers": ["cooking"], "needs": ["language", "paperwork"]},
    "availability": {"slots": ["0-evening", "5-morning"]},
    "preferences": {"buddy_gender": ["woman"], "age_min": "25", "age_max": "45", "max_km": "5"},
    "sensitive": {"origin": "Syria", "refugee_status": "status_holder",
                  "sexual_orientation": "lesbian", "consent": "on"},
    "consent": {"participation": "on"},
    "summary": {},
}


def prefix(programme) -> str:
    return f"signup_{programme.public_id.hex}"


def step_url(programme, step: str) -> str:
    return reverse(
        "programmes:signup_step", kwargs={"public_id": programme.public_id, "step": step}
    )


def post_step(client, programme, step: str, data: dict, **extra):
    """POST one step's answers (field names get the step prefix)."""
    payload = {f"{prefix(programme)}-current_step": step}
    for name, value in data.items():
        payload[f"{step}-{name}"] = value
    return client.post(step_url(programme, step), payload, **extra)


def steps_for(programme) -> list[str]:
    steps = ["about", "languages", "interests", "help", "availability", "preferences"]
    if programme.is_two_sided:
        steps.insert(0, "side")
    if programme.uses_sensitive_data:
        steps.append("sensitive")
    return [*steps, "consent", "summary"]


def walk(client, programme, overrides: dict | None = None, until: str | None = None):
    """Fill every step with valid answers (plus overrides); return the last response."""
    overrides = overrides or {}
    client.get(reverse("programmes:signup_wizard", kwargs={"public_id": programme.public_id}))
    response = None
    for step in steps_for(programme):
        if step == until:
            break
        data = {**VALID[step], **overrides.get(step, {})}
        response = post_step(client, programme, step, data)
    return response
