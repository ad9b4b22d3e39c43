"""A plausible neighbourhood population, drawn from a seeded random generator.

Pure Python: returns drafts (plain field values plus the role each person plays
in the demo) that :mod:`metelkaar.demo.services` turns into rows with
``bulk_create``. The same seed and year give the same people, so a demo looks
the same on every laptop.
"""

from __future__ import annotations

import math
import random
import unicodedata
from dataclasses import dataclass, field

from metelkaar.demo.data import ABOUT
from metelkaar.demo.names import BACKGROUNDS, HERITAGE_LEVEL, POPULATION_MIX, Background
from metelkaar.people.vocabulary import AVAILABILITY_SLOTS, INTERESTS

POSTCODE_LETTERS = "ABCDEFGHJKLMNPRTVWXZ"

# Neighbourhood tuples as in metelkaar.demo.data: name, code, pc4 list, lat, lon.
Area = tuple[str, str, list[str], float, float]


@dataclass
class HouseholdDraft:
    name: str
    background: str
    children_birth_years: list[int]
    area: int  # index into the neighbourhood list
    role: str  # "newcomer_family", "local_family", "school_family"


@dataclass
class PersonDraft:
    """Field values of one Person, and what the demo uses them for."""

    fields: dict
    background: str
    role: str  # "resident", "lgbt_newcomer", "lgbt_local", "student", "pupil", ...
    area: int
    household: int | None = None  # index into the household drafts
    newcomer: bool = False
    extras: dict = field(default_factory=dict)
    person: object | None = None  # the saved row, once created

    @property
    def age(self) -> int:
        return self.extras["age"]


class PopulationBuilder:
    """Draws people and households for one organisation's neighbourhoods."""

    def __init__(self, rng: random.Random, areas: list[Area], year: int) -> None:
        self.rng = rng
        self.areas = areas
        self.year = year
        self.people: list[PersonDraft] = []
        self.households: list[HouseholdDraft] = []

    # -- drawing single attributes -------------------------------------------------

    def background(self, *, newcomer: bool | None = None) -> Background:
        codes = [
            c for c in POPULATION_MIX
            if newcomer is None or BACKGROUNDS[c].newcomer == newcomer
        ]
        code = self.rng.choices(codes, weights=[POPULATION_MIX[c] for c in codes])[0]
        return BACKGROUNDS[code]

    def gender(self, *, queer: bool = False) -> str:
        roll = self.rng.random()
        if roll < (0.12 if queer else 0.015):
            return "non_binary"
        if roll < (0.15 if queer else 0.03):
            return ""
        return "woman" if self.rng.random() < 0.5 else "man"

    def languages(self, bg: Background, age: int, *, settled: bool,
                  english: float = 0.4) -> dict[str, int]:
        rng = self.rng
        langs: dict[str, int] = {}
        if bg.code == "dutch":
            langs["nl"] = 5
            if age >= 12 and rng.random() < 0.85:
                langs["en"] = rng.randint(3, 5) if age < 50 else rng.randint(1, 4)
            for code in ("de", "fr", "es"):
                if age >= 16 and rng.random() < 0.18:
                    langs[code] = rng.randint(1, 3)
            return langs
        native = bg.native[0]
        if bg.newcomer and not settled:
            langs[native] = 5
            langs["nl"] = rng.randint(3, 4) if age < 18 else rng.choice([1, 2, 2, 3, 3])
            # Many newcomers get by in English, most of all the young and the queer
            # asylum seekers of a programme like Cocktail.
            if 16 <= age <= 55 and native != "en" and rng.random() < english:
                langs["en"] = rng.randint(3, 4) if english > 0.5 else rng.randint(2, 4)
        else:
            # Second generation or long settled: Dutch fluent, heritage language at home.
            langs["nl"] = 5 if age < 55 else rng.randint(3, 4)
            langs[native] = 5 if age >= 55 or not bg.newcomer else HERITAGE_LEVEL
            if age < 55 and rng.random() < 0.5:
                langs[native] = HERITAGE_LEVEL
        for code in bg.extra:
            if code not in langs and age >= 12 and rng.random() < 0.35:
                langs[code] = rng.randint(2, 4)
        return langs

    def interests(self, age: int, *, parent: bool = False) -> list[str]:
        codes = [code for code, _label, _icon in INTERESTS]
        weights = [1.0] * len(codes)
        boost = {
            "children": 5.0 if parent else 0.3,
            "games": 3.0 if age < 16 else 1.0,
            "sports": 3.0 if age < 35 else 0.6,
            "technology": 2.0 if age < 30 else 0.5,
            "gardening": 3.0 if age > 55 else 0.7,
            "reading": 2.0 if age > 55 else 1.0,
            "walking": 2.5 if age > 50 else 1.0,
        }
        for i, code in enumerate(codes):
            weights[i] *= boost.get(code, 1.0)
        picked: list[str] = []
        for _ in range(self.rng.randint(2, 4)):
            choice = self.rng.choices(codes, weights=weights)[0]
            if choice not in picked:
                picked.append(choice)
        return picked

    def offers_and_needs(self, age: int, *, newcomer: bool) -> tuple[list[str], list[str]]:
        """Tags that fit: newcomers need Dutch and paperwork and offer cooking and culture."""
        rng = self.rng
        if age < 16:
            return [], ["homework"] if rng.random() < 0.8 else ["language"]
        if newcomer:
            needs_p = {"language": 0.85, "paperwork": 0.6, "network": 0.5,
                       "work": 0.45 if age < 60 else 0.0, "digital": 0.15}
            offers_p = {"cooking": 0.7, "culture": 0.7, "company": 0.3,
                        "diy": 0.25, "transport": 0.1, "homework": 0.1}
        else:
            offers_p = {"language": 0.6, "paperwork": 0.45, "diy": 0.3,
                        "digital": 0.4 if age < 45 else 0.15, "network": 0.35,
                        "transport": 0.2, "homework": 0.2, "company": 0.25}
            needs_p = {"culture": 0.3, "cooking": 0.25,
                       "company": 0.5 if age >= 70 else 0.05,
                       "groceries": 0.45 if age >= 70 else 0.03,
                       "digital": 0.5 if age >= 65 else 0.05,
                       "diy": 0.35 if age >= 65 else 0.05}
        offers = [tag for tag, p in offers_p.items() if rng.random() < p]
        needs = [tag for tag, p in needs_p.items() if rng.random() < p]
        if not offers:
            offers = [rng.choice(list(offers_p))]
        if not needs and rng.random() < 0.7:
            needs = [rng.choice([t for t, p in needs_p.items() if p > 0.1])]
        return offers, needs

    def availability(self, age: int) -> list[str]:
        rng = self.rng
        if age < 16:
            pool = ["2-afternoon", "4-afternoon", "0-afternoon", "5-morning", "6-afternoon"]
        elif age >= 67:
            pool = [s for s in AVAILABILITY_SLOTS if not s.endswith("evening")]
        elif age < 26:
            pool = [s for s in AVAILABILITY_SLOTS if not s.endswith("morning")]
        else:
            pool = [s for s in AVAILABILITY_SLOTS if s.endswith("evening") or s[0] in "56"]
        count = min(len(pool), rng.randint(2, 6))
        return sorted(rng.sample(pool, count), key=AVAILABILITY_SLOTS.index)

    def location(self, area: int) -> tuple[str, float, float]:
        _name, _code, pc4, lat, lon = self.areas[area]
        rng = self.rng
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        # About 300 m of spread: a postcode centre, never a home address.
        return (
            f"{rng.choice(pc4)}{letters}",
            round(lat + rng.gauss(0, 0.0028), 5),
            round(lon + rng.gauss(0, 0.0045), 5),
        )

    # -- people -------------------------------------------------------------------

    def person(self, *, bg: Background, age: int, role: str, area: int | None = None,
               gender: str | None = None, family_name: str | None = None,
               settled: bool = False, household: int | None = None,
               parent: bool = False) -> PersonDraft:
        rng = self.rng
        area = rng.randrange(len(self.areas)) if area is None else area
        gender = self.gender(queer=role.startswith("lgbt")) if gender is None else gender
        if gender == "woman" or (gender in ("", "non_binary") and rng.random() < 0.5):
            first = rng.choice(bg.women)
        else:
            first = rng.choice(bg.men)
        last = family_name or rng.choice(bg.family_names)
        newcomer = bg.newcomer and not settled
        postcode, lat, lon = self.location(area)
        offers, needs = self.offers_and_needs(age, newcomer=newcomer)
        fields = {
            "first_name": first,
            "last_name": last,
            "birth_year": self.year - age,
            "gender": gender,
            "postcode": postcode,
            "latitude": lat,
            "longitude": lon,
            "preferred_language": "nl" if not newcomer else ("en" if rng.random() < 0.3 else "nl"),
            "languages": self.languages(bg, age, settled=settled,
                                        english=0.8 if role == "lgbt_newcomer" else 0.4),
            "interests": self.interests(age, parent=parent),
            "offers": offers,
            "needs": needs,
            "availability": self.availability(age),
            "status_level": self._status_level(bg, age),
        }
        if age >= 16 and rng.random() < 0.45:
            fields["email"] = f"{_ascii(first)}.{_ascii(last)}{rng.randint(1, 99)}@example.net"
        if age >= 18:
            self._preferences(fields, age, role)
        if age >= 16 and rng.random() < 0.4:
            template = rng.choice(ABOUT[newcomer])
            fields["about"] = template.format(
                since=self.year - rng.randint(0, 3), area=self.areas[area][0], age=age,
                origin=bg.origin,
            )
        draft = PersonDraft(fields, bg.code, role, area, household, newcomer, {"age": age})
        self.people.append(draft)
        return draft

    def _status_level(self, bg: Background, age: int) -> int | None:
        if age < 18 or self.rng.random() < 0.3:
            return None
        if age < 23:
            return self.rng.choice([3, 4, 4, 5])
        return self.rng.choices([1, 2, 3, 4, 5], weights=[1, 3, 4, 3, 2])[0]

    def _preferences(self, fields: dict, age: int, role: str) -> None:
        rng = self.rng
        if rng.random() < 0.2:
            fields["pref_buddy_gender"] = ["woman"] if fields["gender"] == "woman" else (
                rng.choice([["man"], ["man", "non_binary"], ["woman", "non_binary"]])
            )
        if role != "student" and rng.random() < 0.15:  # mentors' mentees are children
            fields["pref_age_min"] = max(18, age - rng.randint(8, 15))
            fields["pref_age_max"] = age + rng.randint(8, 20)
        if rng.random() < 0.3:
            fields["max_km"] = rng.choice([1, 2, 3, 5, 10])

    def household(self, *, bg: Background, role: str, children: int,
                  child_ages: list[int] | None = None) -> int:
        """A household with one or two adults (as people) and children (as birth years)."""
        rng = self.rng
        family_name = rng.choice(bg.family_names)
        area = rng.randrange(len(self.areas))
        ages = child_ages or [rng.randint(0, 15) for _ in range(children)]
        self.households.append(HouseholdDraft(
            name=f"Familie {family_name}", background=bg.code,
            children_birth_years=sorted(self.year - a for a in ages), area=area, role=role,
        ))
        index = len(self.households) - 1
        parent_age = max(ages, default=5) + rng.randint(24, 36)
        settled = role != "newcomer_family" and bg.code != "dutch"
        genders = ["woman", "man"] if rng.random() < 0.8 else [rng.choice(["woman", "man"])]
        for g in genders:
            self.person(bg=bg, age=parent_age + rng.randint(-3, 3), role="parent", area=area,
                        gender=g, family_name=family_name, household=index, settled=settled,
                        parent=True)
        return index


def _ascii(text: str) -> str:
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in flat.lower() if ch.isalnum())


def draw_population(rng: random.Random, areas: list[Area], year: int,
                    *, residents: int = 330) -> PopulationBuilder:
    """The demo neighbourhood: families, pupils, buddies, students and residents.

    ``residents`` is the total number of people; the groups that programmes need
    are drawn first and ordinary residents fill up the rest.
    """
    b = PopulationBuilder(rng, areas, year)
    newcomer_codes = ["syrian", "eritrean", "ukrainian", "afghan", "somali", "syrian", "ukrainian"]
    for _ in range(16):
        b.household(bg=BACKGROUNDS[rng.choice(newcomer_codes)], role="newcomer_family",
                    children=rng.randint(1, 4))
    for code in ["dutch"] * 8 + ["turkish", "moroccan", "polish", "dutch"]:
        b.household(bg=BACKGROUNDS[code], role="local_family", children=rng.randint(1, 3))
    for code in ["syrian", "eritrean", "moroccan", "turkish", "dutch", "somali", "afghan",
                 "polish", "ukrainian", "dutch"]:
        ages = [rng.randint(10, 12)] + [rng.randint(2, 16) for _ in range(rng.randint(0, 2))]
        b.household(bg=BACKGROUNDS[code], role="school_family", children=len(ages),
                    child_ages=ages)
    # Pupils of groep 7/8 (aged 10 to 12) become people of their own, for the mentor programme.
    for index, hh in enumerate(b.households):
        pupil_ages = [year - y for y in hh.children_birth_years if 10 <= year - y <= 12]
        if pupil_ages and len([p for p in b.people if p.role == "pupil"]) < 20:
            bg = BACKGROUNDS[hh.background]
            b.person(bg=bg, age=pupil_ages[0], role="pupil", area=hh.area,
                     family_name=hh.name.removeprefix("Familie "), household=index,
                     gender=rng.choice(["woman", "man"]),
                     settled=hh.role != "newcomer_family" and bg.code != "dutch")
    queer_origins = ["syrian", "iranian", "afghan", "eritrean", "ukrainian", "somali", "syrian"]
    for _ in range(14):
        b.person(bg=BACKGROUNDS[rng.choice(queer_origins)], age=rng.randint(20, 40),
                 role="lgbt_newcomer")
    for _ in range(14):
        code = rng.choice(["dutch"] * 4 + ["moroccan", "turkish", "expat"])
        b.person(bg=BACKGROUNDS[code], age=rng.randint(22, 62), role="lgbt_local", settled=True)
    for _ in range(18):
        code = rng.choice(["dutch"] * 3 + ["moroccan", "turkish", "syrian", "polish"])
        b.person(bg=BACKGROUNDS[code], age=rng.randint(18, 24), role="student", settled=True)
    for code in ["eritrean", "syrian", "afghan", "somali", "ukrainian", "turkish", "moroccan",
                 "eritrean", "iranian", "syrian", "polish"]:
        b.person(bg=BACKGROUNDS[code], age=rng.randint(30, 60), role="bridge", settled=True)
    for _ in range(6):
        b.person(bg=BACKGROUNDS["dutch"], age=rng.randint(66, 79), role="host")
    while len(b.people) < residents:
        bg = b.background()
        age = int(min(88, max(18, rng.gauss(44, 17))))
        b.person(bg=bg, age=age, role="resident")
    return b


def _km(a: PersonDraft, b: PersonDraft) -> float:
    lat1, lon1 = math.radians(a.fields["latitude"]), math.radians(a.fields["longitude"])
    lat2, lon2 = math.radians(b.fields["latitude"]), math.radians(b.fields["longitude"])
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(h))


def compatible(a: PersonDraft, b: PersonDraft) -> bool:
    """Whether two people's stated wishes allow a match: the hard constraints of DESIGN.md.

    Gender and age wishes both ways, a language both speak at conversation
    level (3) and the distance each is willing to travel.
    """
    for one, other in ((a, b), (b, a)):
        wanted = one.fields.get("pref_buddy_gender") or []
        if wanted and other.fields["gender"] not in wanted:
            return False
        low, high = one.fields.get("pref_age_min"), one.fields.get("pref_age_max")
        if (low is not None and other.age < low) or (high is not None and other.age > high):
            return False
        max_km = one.fields.get("max_km")
        if max_km is not None and _km(one, other) > max_km:
            return False
    shared = set(a.fields["languages"]) & set(b.fields["languages"])
    return any(min(a.fields["languages"][c], b.fields["languages"][c]) >= 3 for c in shared)


def pair_up(side_a: list, side_b: list, count: int) -> list:
    """Side B reordered so its first ``count`` entries suit side A's, where possible.

    Entries are ``(draft, household)`` tuples; greedy, falling back to whoever is
    left when nobody suits, so the result always has the same entries.
    """
    rest = list(side_b)
    ordered = []
    for a, _hh in side_a[:count]:
        if not rest:
            break
        found = next((entry for entry in rest if compatible(a, entry[0])), rest[0])
        rest.remove(found)
        ordered.append(found)
    return ordered + rest
