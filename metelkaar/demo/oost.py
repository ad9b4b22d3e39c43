"""The contents of the two demo organisations, row by row (in bulk).

``seed_oost`` fills "Buurtwerk Oost (demo)": five neighbourhoods, 330 people,
one programme of each kind with enrolments in every status, matches and
contacts. ``seed_west`` fills the small second organisation that shows tenant
scoping. Both are called inside a transaction by
:func:`metelkaar.demo.services.demo_seed`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from django.utils import timezone

from metelkaar.activities.demo import seed_activities
from metelkaar.bridges.demo import bridge_demo_fill
from metelkaar.demo import data
from metelkaar.demo.enrolments import (
    INTAKE_NOTE,
    STATUS_PLAN,
    EnrolmentBuilder,
    SeededProgramme,
    people_for,
    person_rows,
    programmes_create,
    status_sequence,
)
from metelkaar.demo.matches import seed_matches
from metelkaar.demo.names import BACKGROUNDS
from metelkaar.demo.population import (
    PersonDraft,
    PopulationBuilder,
    draw_population,
    pair_up,
)
from metelkaar.partners.demo import partners_demo_fill
from metelkaar.people.models import Consent, Household, Neighbourhood, SensitiveProfile
from metelkaar.programmes.models import Attendance, Screening, TrainingSession
from metelkaar.programmes.screening import vog_valid_until

ORIENTATIONS = ["homo", "lesbisch", "biseksueel", "queer", "homo", "lesbisch"]
RESIDENCE = ["asielzoeker (azc)", "statushouder", "statushouder"]


def _neighbourhoods(organisation, areas) -> list[Neighbourhood]:
    return Neighbourhood.objects.bulk_create([
        Neighbourhood(organisation=organisation, name=name, cbs_code=code,
                      postcode_areas=pc4, latitude=lat, longitude=lon)
        for name, code, pc4, lat, lon in areas
    ])


def _households(organisation, drafts, now) -> list[Household]:
    return Household.objects.bulk_create([
        Household(organisation=organisation, name=h.name,
                  children_birth_years=h.children_birth_years, created_at=now - timedelta(days=400))
        for h in drafts
    ])


def _participant(b, year: int) -> tuple[PersonDraft, PersonDraft]:
    """Nour, the demo participant, and the neighbour she practises Dutch and Arabic with."""
    nour = b.person(bg=BACKGROUNDS["syrian"], age=29, role="login", gender="woman", area=0)
    nour.fields.update(
        first_name="Nour", last_name="Al-Khatib", email=data.PARTICIPANT_LOGIN[0],
        languages={"ar": 5, "nl": 2, "en": 3}, interests=["cooking", "walking", "music"],
        offers=["cooking", "culture"], needs=["language", "paperwork", "network"],
        availability=["1-evening", "3-evening", "5-morning", "6-afternoon"],
        about=f"Ik kom uit Aleppo en woon sinds {year - 2} in Oosterpark. "
              "Ik wil beter Nederlands praten.",
        pref_buddy_gender=[], pref_age_min=None, pref_age_max=None, max_km=3,
    )
    sanne = b.person(bg=BACKGROUNDS["dutch"], age=34, role="login", gender="woman", area=0)
    sanne.fields.update(
        first_name="Sanne", last_name="Verhoeven", languages={"nl": 5, "en": 4, "ar": 1},
        interests=["cooking", "music", "reading"], offers=["language", "paperwork"],
        needs=["culture", "cooking"], availability=["1-evening", "3-evening", "6-afternoon"],
        pref_buddy_gender=[], pref_age_min=None, pref_age_max=None,
    )
    return nour, sanne


def _choose(drafts: list[PersonDraft], rng: random.Random, nour, sanne) -> dict[str, dict]:
    """Who takes part in which programme, on which side."""
    households = {"newcomer_family": [], "local_family": []}
    for d in drafts:
        if d.role == "parent" and d.household is not None:
            group = households.get(d.extras.get("household_role", ""))
            if group is not None and all(o.household != d.household for o, _h in group):
                group.append((d, d.household))
    for group in households.values():
        rng.shuffle(group)
    residents = [d for d in drafts if d.role in ("resident", "parent") and d.age >= 18]

    def pick(where, limit, used):
        return people_for(residents, rng=rng, where=where, limit=limit, used=used)

    newcomers_tandem = pick(lambda d: d.newcomer and "language" in d.fields["needs"], 15, set())
    locals_tandem = pick(lambda d: not d.newcomer and "language" in d.fields["offers"], 15, set())
    locals_tandem = pair_up(newcomers_tandem, locals_tandem, len(newcomers_tandem))
    tandem = [(nour, None), (sanne, None)]
    for pair in zip(newcomers_tandem, locals_tandem, strict=False):
        tandem.extend(pair)
    project_used: set[int] = set()
    help_used: set[int] = set()
    chosen = {
        "buddy": {"a": people_for(drafts, rng=rng, role="lgbt_newcomer"),
                  "b": people_for(drafts, rng=rng, role="lgbt_local")},
        "family": {"a": households["newcomer_family"], "b": households["local_family"]},
        "mentor": {"a": people_for(drafts, rng=rng, role="student"),
                   "b": people_for(drafts, rng=rng, role="pupil")},
        "tandem": {"pool": tandem},
        "bridge": {"a": people_for(drafts, rng=rng, role="bridge")},
        "group": {"a": pick(lambda d: d.newcomer, 30, set()),
                  "b": people_for(drafts, rng=rng, role="host")},
        "project": {
            "a": pick(lambda d: "diy" in d.fields["offers"] and d.age < 70, 12, project_used),
            "b": pick(lambda d: d.age >= 60 or "diy" in d.fields["needs"], 6, project_used),
        },
        "help": {
            "a": pick(lambda d: bool(d.fields["needs"]), 20, help_used),
            "b": pick(lambda d: bool(d.fields["offers"]), 20, help_used),
        },
    }
    # People paired in the demo respect each other's wishes, as the matcher would.
    for kind in ("buddy", "family", "mentor", "help"):
        sides = chosen[kind]
        sides["b"] = pair_up(sides["a"], sides["b"], _aligned_slots(STATUS_PLAN[kind]))
    return chosen


def _aligned_slots(plan: dict[str, dict[str, int]]) -> int:
    """How many leading positions have the same status on both sides: the pairs."""
    a, b = (status_sequence(plan[side]) for side in ("a", "b"))
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x[0] != y[0]),
                min(len(a), len(b)))


def seed_oost(*, organisation, rng: random.Random, now: datetime, user_for: Callable) -> None:
    """Fill the main demo organisation."""
    staff = {
        role: user_for(email, name, organisation=organisation, role=role)
        for email, name, slug, role in data.STAFF_LOGINS if slug == organisation.slug
    }
    neighbourhoods = _neighbourhoods(organisation, data.NEIGHBOURHOODS)
    b = draw_population(rng, data.NEIGHBOURHOODS, now.year)
    for d in b.people:
        if d.household is not None:
            d.extras["household_role"] = b.households[d.household].role
    nour, sanne = _participant(b, now.year)
    households = _households(organisation, b.households, now)
    person_rows(b.people, organisation=organisation, neighbourhoods=neighbourhoods,
                households=households, now=now, rng=rng)
    nour.person.user = user_for(data.PARTICIPANT_LOGIN[0], data.PARTICIPANT_LOGIN[1])
    nour.person.save(update_fields=["user"])

    programmes = programmes_create(organisation=organisation, specs=data.PROGRAMMES, now=now)
    builder = EnrolmentBuilder(rng, now, staff["coordinator"])
    chosen = _choose(b.people, rng, nour, sanne)
    seeded = {
        kind: builder.build(programmes[kind], chosen[kind], households) for kind in programmes
    }
    builder.save_history()
    _screenings_and_training(builder, programmes, staff["coordinator"], now)
    _consents(seeded, b.people, rng)
    seed_matches(seeded=seeded, rng=rng, now=now, coach=staff["coach"])
    seed_activities(organisation=organisation, rng=rng, today=now.date(),
                    by=staff["coordinator"], programmes=programmes)
    bridge_people = [e.person for e in seeded["bridge"].enrolments("a", "waiting")]
    bridge_demo_fill(programme=programmes["bridge"], persons=bridge_people,
                     by=staff["coordinator"], rng=rng)
    partners_demo_fill(programme=programmes["mentor"], by=staff["coordinator"], rng=rng)


def seed_west(*, organisation, rng: random.Random, now: datetime, user_for: Callable) -> None:
    """A small second organisation, so a coordinator can see that scoping works."""
    coordinator = None
    for email, name, slug, role in data.STAFF_LOGINS:
        if slug == organisation.slug:
            coordinator = user_for(email, name, organisation=organisation, role=role)
    neighbourhoods = _neighbourhoods(organisation, data.WEST_NEIGHBOURHOODS)
    b = PopulationBuilder(rng, data.WEST_NEIGHBOURHOODS, now.year)
    for code in ["syrian", "eritrean", "ukrainian", "afghan", "somali"]:
        b.person(bg=BACKGROUNDS[code], age=rng.randint(20, 50), role="resident")
    for _ in range(7):
        b.person(bg=BACKGROUNDS["dutch"], age=rng.randint(25, 75), role="resident", settled=True)
    person_rows(b.people, organisation=organisation, neighbourhoods=neighbourhoods,
                households=[], now=now, rng=rng)
    programme = programmes_create(organisation=organisation, specs=[data.WEST_PROGRAMME],
                                  now=now)["buddy"]
    builder = EnrolmentBuilder(rng, now, coordinator)
    plan = {"a": {"matched": 1, "waiting": 2, "intake": 1, "applied": 1},
            "b": {"matched": 1, "waiting": 2, "applied": 1, "withdrawn": 1}}
    seeded = builder.build(programme, {
        "a": [(d, None) for d in b.people if d.newcomer],
        "b": [(d, None) for d in b.people if not d.newcomer],
    }, [], plan=plan)
    builder.save_history()
    _consents({"buddy": seeded}, b.people, rng)
    seed_matches(seeded={"buddy": seeded}, rng=rng, now=now, coach=None)


def _screenings_and_training(builder: EnrolmentBuilder, programmes, coordinator, now) -> None:
    """Intake talks and VOGs where the history passed them; training sessions attended."""
    screenings, sessions, attendances = [], {}, []
    for change in builder.history:
        enrolment = change.enrolment
        if change.to_status == "intake":
            screenings.append(Screening(
                enrolment=enrolment, kind=Screening.Kind.INTAKE, date=change.at.date(),
                notes=INTAKE_NOTE, recorded_by=coordinator,
            ))
        elif change.to_status == "screened":
            issued = (change.at - timedelta(days=12)).date()
            screenings.append(Screening(
                enrolment=enrolment, kind=Screening.Kind.VOG, date=issued,
                valid_until=vog_valid_until(issued), recorded_by=coordinator,
            ))
        elif change.to_status == "trained":
            programme = enrolment.programme
            # A monthly basic training, always before the day the step was recorded.
            month = timezone.localtime(change.at - timedelta(days=1)).replace(
                day=1, hour=10, minute=0, second=0, microsecond=0)
            key = (programme.pk, month)
            if key not in sessions:
                sessions[key] = TrainingSession(
                    programme=programme, title=f"Basistraining {programme.name}",
                    starts_at=month, place="Buurthuis De Linde",
                )
            attendances.append(Attendance(session=sessions[key], enrolment=enrolment))
    for programme in programmes.values():
        if programme.requires_training:
            sessions[(programme.pk, "next")] = TrainingSession(
                programme=programme, title=f"Intervisie {programme.name}",
                starts_at=timezone.localtime(now + timedelta(days=14)).replace(
                    hour=19, minute=30, second=0, microsecond=0),
                place="Buurthuis De Linde",
            )
    Screening.objects.bulk_create(screenings, batch_size=500)
    TrainingSession.objects.bulk_create(sessions.values())
    Attendance.objects.bulk_create(attendances, batch_size=500)


def _consents(seeded: dict[str, SeededProgramme], drafts: list[PersonDraft],
              rng: random.Random) -> None:
    """Participation consent for everyone enrolled, guardian consent for pupils,
    and sensitive-data consent with a sensitive profile for some Cocktail buddies."""
    enrolled = {}
    for sp in seeded.values():
        for enrolments in sp.by_side_status.values():
            for e in enrolments:
                enrolled.setdefault(e.person.pk, e)
    by_pk = {d.person.pk: d for d in drafts}
    parents = {}
    for d in drafts:
        if d.role == "parent" and d.household is not None:
            parents.setdefault(d.household, d.person.full_name)
    consents = []
    sensitive = []
    for pk, e in enrolled.items():
        draft = by_pk[pk]
        consents.append(Consent(person=e.person, purpose=Consent.Purpose.PARTICIPATION,
                                given_at=e.created_at))
        if draft.role == "pupil":
            consents.append(Consent(person=e.person, purpose=Consent.Purpose.GUARDIAN,
                                    given_by=parents.get(draft.household, ""),
                                    given_at=e.created_at))
    buddy = seeded.get("buddy")
    if buddy is not None and buddy.programme.uses_sensitive_data:
        chosen = [e for key, es in sorted(buddy.by_side_status.items()) for e in es
                  if key[1] in ("matched", "waiting")]
        for e in chosen[:8]:
            draft = by_pk[e.person.pk]
            consent = Consent(person=e.person, purpose=Consent.Purpose.SENSITIVE_DATA,
                              given_at=e.created_at)
            consents.append(consent)
            sensitive.append(SensitiveProfile(
                person=e.person, consent=consent,
                origin=BACKGROUNDS[draft.background].origin if draft.newcomer else "",
                refugee_status=rng.choice(RESIDENCE) if draft.newcomer else "",
                sexual_orientation=rng.choice(ORIENTATIONS),
            ))
    Consent.objects.bulk_create(consents, batch_size=500)
    SensitiveProfile.objects.bulk_create(sensitive)
