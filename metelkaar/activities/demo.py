"""Demo data for the three activity kinds: a language café, home projects, a help board.

Called by the demo seeding (``metelkaar.demo``) for one organisation. Rows are
written directly, not through the services, so the demo sends no e-mail.
Everything is deterministic for a given ``rng``.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from metelkaar.activities.models import (
    GroupSeries,
    GroupSession,
    HelpConversation,
    HelpMessage,
    HelpPost,
    HomeProject,
    ProjectDate,
    ProjectEvaluation,
    ProjectSignup,
    SessionRsvp,
)
from metelkaar.activities.services.cafe import visitor_key
from metelkaar.people.models import Neighbourhood
from metelkaar.programmes.models import Programme

NEWCOMERS = [
    ("Olena", ["uk", "ru"]),
    ("Yonas", ["ti"]),
    ("Amal", ["ar"]),
    ("Chen", ["en"]),
    ("Ahmad", ["prs", "fa"]),
    ("Mariam", ["so"]),
    ("Kasia", ["pl"]),
    ("Hassan", ["ar", "fr"]),
    ("Selin", ["tr"]),
    ("Dawit", ["ti", "en"]),
    ("Rania", ["ar", "en"]),
    ("Iryna", ["uk"]),
    ("Farid", ["ku", "tr"]),
    ("Lucía", ["es"]),
]
RESIDENTS = [
    ("Bas", ["en"]),
    ("Els", []),
    ("Dirk", ["ar"]),
    ("Marleen", ["fr"]),
    ("Joost", ["es"]),
    ("Ans", []),
    ("Wim", ["de"]),
    ("Sanne", ["en"]),
    ("Ruud", []),
    ("Noor", ["tr"]),
]


def _pc4s(organisation) -> list[str]:
    areas = [
        str(a)
        for n in Neighbourhood.objects.filter(organisation=organisation)
        for a in n.postcode_areas or []
    ]
    return sorted(set(areas)) or ["1091", "1092", "1093", "1094"]


def seed_cafe(
    *, organisation, rng: random.Random, today: datetime.date, programme: Programme | None = None
) -> Programme:
    programme = programme or Programme.objects.create(
        organisation=organisation,
        name="Taalcafé Dappermarkt",
        kind=Programme.Kind.GROUP,
        requires_intake=False,
        description="Elke woensdagavond samen Nederlands (en andere talen) oefenen in de buurt.",
    )
    series = GroupSeries.objects.create(
        programme=programme,
        title="Taalcafé Dappermarkt",
        place="Buurthuis De Meeuw",
        weekday=2,
        start_time=datetime.time(19, 30),
        capacity=24,
    )
    wednesday = today + datetime.timedelta(days=(2 - today.weekday()) % 7)
    regulars = set(rng.sample(range(len(NEWCOMERS)), 6)) | {
        len(NEWCOMERS) + i for i in rng.sample(range(len(RESIDENTS)), 4)
    }
    everyone = [(name, langs, True) for name, langs in NEWCOMERS] + [
        (name, langs, False) for name, langs in RESIDENTS
    ]
    for week in range(-6, 3):
        date = wednesday + datetime.timedelta(weeks=week)
        session = GroupSession.objects.create(
            series=series, date=date, place=series.place, capacity=series.capacity
        )
        chosen = [i for i in range(len(everyone)) if i in regulars or rng.random() < 0.35]
        rows = []
        for i in chosen:
            name, langs, newcomer = everyone[i]
            practises = ["nl"] if newcomer else langs[:1]
            speaks = langs if newcomer else ["nl"]
            rows.append(
                SessionRsvp(
                    session=session,
                    name=name,
                    visitor_key=visitor_key(name=name, email=""),
                    practises=practises,
                    speaks=speaks,
                    background="newcomer" if newcomer else "resident",
                    attended=week < 0 and rng.random() < 0.85,
                )
            )
        SessionRsvp.objects.bulk_create(rows)
    return programme


def seed_projects(
    *, organisation, rng: random.Random, today: datetime.date, by=None,
    programme: Programme | None = None,
) -> Programme:
    programme = programme or Programme.objects.create(
        organisation=organisation,
        name="Klussen voor nieuwe buren",
        kind=Programme.Kind.PROJECT,
        requires_intake=False,
        description="Buren helpen nieuwe bewoners hun lege huis op te knappen.",
    )
    pc4 = _pc4s(organisation)
    specs = [
        ("Woning Samira en kinderen", ["painting", "lamps"], -20, HomeProject.Status.DONE),
        ("Eerste eigen huis Yonas", ["furniture", "moving"], 6, HomeProject.Status.OPEN),
        ("Flat familie Haddad", ["painting", "floor", "cleaning"], 12, HomeProject.Status.OPEN),
    ]
    volunteers = [
        ("Team Dappermarkt", 3),
        ("Jan", 1),
        ("Petra en Karel", 2),
        ("Kerk De Ark", 4),
        ("Lotte", 1),
    ]
    for n, (title, tasks, offset, status) in enumerate(specs):
        resident = title.split()[-1] if "familie" not in title else "Haddad"
        project = HomeProject.objects.create(
            programme=programme,
            title=title,
            area=f"{pc4[n % len(pc4)]} {rng.choice(['Oost', 'Dapperbuurt', 'Transvaal'])}",
            address_private=f"Voorbeeldstraat {10 + n}",
            tasks=tasks,
            materials="Verf en gereedschap zijn er.",
            professional_name="Els de Wit (woningcorporatie)",
            professional_email="els@corporatie.example",
            resident_name=resident,
            resident_email="",
            status=status,
            created_by=by,
        )
        for d in range(2):
            day = ProjectDate.objects.create(
                project=project,
                date=today + datetime.timedelta(days=offset + 7 * d),
                start_time=datetime.time(9, 30),
                capacity=6,
            )
            for name, size in rng.sample(
                volunteers, 2 if status == HomeProject.Status.DONE or d == 0 else 1
            ):
                ProjectSignup.objects.create(
                    project_date=day, name=name, email="vrijwilliger@example.test", group_size=size
                )
        if status == HomeProject.Status.DONE:
            now = timezone.now()
            HomeProject.objects.filter(pk=project.pk).update(
                professional_confirmed_at=now, resident_confirmed_at=now
            )
            ProjectEvaluation.objects.create(
                project=project,
                role="resident",
                rating=5,
                went_well="Alles is geverfd en de lampen hangen. Heel blij!",
            )
            ProjectEvaluation.objects.create(
                project=project,
                role="professional",
                rating=4,
                could_be_better="De verf kwam een dag te laat.",
            )
    return programme


def seed_help(
    *, organisation, rng: random.Random, today: datetime.date, programme: Programme | None = None
) -> Programme:
    programme = programme or Programme.objects.create(
        organisation=organisation,
        name="Burenhulp Oost",
        kind=Programme.Kind.HELP,
        requires_intake=False,
        description="Boodschappen, een maaltijd, een klusje of een praatje: buren helpen elkaar.",
    )
    pc4 = _pc4s(organisation)
    posts = [
        (
            "request",
            "groceries",
            "Fatima",
            "Wie kan deze week boodschappen voor me doen? Ik heb een gebroken been.",
        ),
        ("offer", "groceries", "Jan", "Ik ga elke dag naar de markt en neem graag iets mee."),
        (
            "request",
            "small_job",
            "Gerrit",
            "Mijn kastdeur hangt scheef. Wie heeft een schroevendraaier en tijd?",
        ),
        ("offer", "small_job", "Karim", "Handig met gereedschap, zaterdag heb ik tijd."),
        (
            "request",
            "company",
            "Ans",
            "Ik zou het fijn vinden als iemand een kopje koffie komt drinken.",
        ),
        ("offer", "cooking", "Mariam", "Ik kook graag Somalisch en maak een extra portie."),
        ("request", "digital", "Henk", "Hulp met de DigiD-app op mijn telefoon."),
        ("offer", "company", "Sanne", "Ik wandel graag en drink graag een kop thee met een buur."),
    ]
    for i, (kind, tag, name, text) in enumerate(posts):
        HelpPost.objects.create(
            programme=programme,
            kind=kind,
            tag=tag,
            name=name,
            email=f"{name.lower()}@example.test",
            description=text,
            area=pc4[i % len(pc4)],
            pc4=pc4[i % len(pc4)],
            window_start=today,
            window_end=today + datetime.timedelta(days=rng.choice([3, 7, 10])),
            expires_on=today + datetime.timedelta(days=14),
        )
    # Fatima and Jan: three completed exchanges, ready to become buddies.
    for weeks in (6, 4, 2):
        start = today - datetime.timedelta(weeks=weeks)
        post = HelpPost.objects.create(
            programme=programme,
            kind="request",
            tag="groceries",
            name="Fatima",
            email="fatima@example.test",
            description="Boodschappen nodig.",
            area=pc4[0],
            pc4=pc4[0],
            window_start=start,
            window_end=start + datetime.timedelta(days=3),
            expires_on=start + datetime.timedelta(days=14),
            status=HelpPost.Status.CLOSED,
            closed_at=timezone.now(),
        )
        conversation = HelpConversation.objects.create(
            post=post,
            responder_name="Jan",
            responder_email="jan@example.test",
            poster_shares=True,
            responder_shares=True,
            completed_at=timezone.now(),
        )
        HelpMessage.objects.create(
            conversation=conversation, sender="responder", body="Ik neem het mee, tot straks!"
        )
    return programme


def seed_activities(
    *, organisation, rng: random.Random, today: datetime.date | None = None, by=None,
    programmes: dict[str, Programme] | None = None,
) -> list[Programme]:
    """One running programme of each activity kind for ``organisation``.

    ``programmes`` (kind -> Programme) fills existing programmes instead of
    creating new ones.
    """
    today = today or timezone.localdate()
    existing = programmes or {}
    return [
        seed_cafe(organisation=organisation, rng=rng, today=today,
                  programme=existing.get(Programme.Kind.GROUP)),
        seed_projects(organisation=organisation, rng=rng, today=today, by=by,
                      programme=existing.get(Programme.Kind.PROJECT)),
        seed_help(organisation=organisation, rng=rng, today=today,
                  programme=existing.get(Programme.Kind.HELP)),
    ]
