"""Fixed facts of the demo: organisations, neighbourhoods, programmes and logins.

The town "Lindenhaven" and its neighbourhoods are fictional. CBS-style codes use
municipality code 0999, which no real municipality has; coordinates lie in the
middle of the Netherlands so maps and distances look plausible.
"""

from __future__ import annotations

DEMO_PASSWORD = "metelkaar-demo"
# make_password(DEMO_PASSWORD), computed once: hashing is slow on purpose and the
# password is public anyway. Used only when this hasher is enabled; Django
# re-hashes it on the first login if its iteration count has gone up.
DEMO_PASSWORD_HASH = (
    "pbkdf2_sha256$1000000$kmM4Q4NoZ9RdUGmr0SVj5T$oLkx9Oe/n2levRuufgc46PBQA8uRAlBJd2dXopOBon8="
)

ORGANISATION = {"name": "Buurtwerk Oost (demo)", "slug": "demo"}
WEST_ORGANISATION = {"name": "Welzijn West (demo)", "slug": "demo-west"}
DEMO_SLUGS = (ORGANISATION["slug"], WEST_ORGANISATION["slug"])

# (e-mail, full name, organisation slug, membership role)
STAFF_LOGINS = [
    ("coordinator@example.org", "Carla Coördinator", "demo", "coordinator"),
    ("coach@example.org", "Koen Coach", "demo", "coach"),
    ("beheer@example.org", "Bea Beheerder", "demo", "org_admin"),
    ("west@example.org", "Willem Westerhof", "demo-west", "coordinator"),
]
PARTICIPANT_LOGIN = ("participant@example.org", "Nour Al-Khatib")
DEMO_EMAILS = tuple(email for email, *_rest in STAFF_LOGINS) + (PARTICIPANT_LOGIN[0],)

# name, CBS buurt code, PC4 areas, centre latitude, centre longitude
NEIGHBOURHOODS = [
    ("Oosterpark", "BU09990101", ["3951", "3952"], 52.0634, 5.5621),
    ("De Vlinderhof", "BU09990102", ["3953"], 52.0581, 5.5702),
    ("Molenwijk", "BU09990201", ["3954", "3955"], 52.0697, 5.5759),
    ("Spoorzicht", "BU09990202", ["3956"], 52.0552, 5.5534),
    ("Het Lint", "BU09990301", ["3957"], 52.0723, 5.5588),
]
WEST_NEIGHBOURHOODS = [
    ("Westerkwartier", "BU09990501", ["3961"], 52.0612, 5.5189),
    ("Kanaaloever", "BU09990502", ["3962"], 52.0671, 5.5102),
]

# One programme of each kind. Keys are Programme field names.
PROGRAMMES = [
    {
        "kind": "buddy",
        "name": "Cocktail Lindenhaven",
        "description": (
            "Lhbti-nieuwkomers in het azc en net in de wijk krijgen een lhbti-maatje uit "
            "Lindenhaven. Samen koffie drinken, de stad leren kennen, naar de Roze Zaterdag. "
            "Vertrouwelijk: alleen de coördinator ziet waarom iemand meedoet."
        ),
        "side_a_label": "Nieuwkomer",
        "side_b_label": "Maatje",
        "term_months": 12,
        "contact_norm_per_month": 2,
        "requires_intake": True,
        "requires_training": True,
        "uses_sensitive_data": True,
        "criteria_weights": {"similarity": 1.5},
    },
    {
        "kind": "family",
        "name": "Meet & Connect Gezinnen",
        "description": (
            "Een nieuwkomersgezin en een gezin uit de buurt trekken een jaar met elkaar op: "
            "minstens twee keer per maand samen iets doen, koken, naar de speeltuin, "
            "huiswerk, verjaardagen."
        ),
        "side_a_label": "Nieuwkomersgezin",
        "side_b_label": "Buurtgezin",
        "term_months": 12,
        "contact_norm_per_month": 2,
        "requires_intake": True,
        "requires_training": True,
    },
    {
        "kind": "mentor",
        "name": "Mentorproject Brede School",
        "description": (
            "Studenten van de hogeschool zijn een schooljaar lang mentor van een leerling "
            "uit groep 7 of 8: elke week een uur samen, op weg naar de middelbare school. "
            "Mentoren hebben een VOG en volgen de training."
        ),
        "side_a_label": "Mentor",
        "side_b_label": "Leerling",
        "term_months": 10,
        "contact_norm_per_month": 4,
        "requires_intake": True,
        "requires_screening": True,
        "screening_side": "a",  # the mentors need a VOG, the pupils do not
        "requires_training": True,
    },
    {
        "kind": "tandem",
        "name": "Taaltandem",
        "description": (
            "Twee buren leren elkaars taal: een uur Nederlands, een uur Arabisch, "
            "Oekraïens of Tigrinya. Iedereen is leerling en leraar tegelijk."
        ),
        "side_a_label": "",
        "side_b_label": "",
        "term_months": 6,
        "contact_norm_per_month": 4,
        "requires_intake": True,
    },
    {
        "kind": "bridge",
        "name": "Cultuurverbinders",
        "description": (
            "Bewoners die twee culturen en talen kennen, helpen scholen, het wijkteam en de "
            "woningcorporatie in gesprek te komen met gezinnen. Een school of organisatie "
            "vraagt een cultuurverbinder aan; de uren worden bijgehouden."
        ),
        "side_a_label": "Cultuurverbinder",
        "side_b_label": "Aanvrager",
        "requires_intake": True,
        "requires_screening": True,
        "screening_side": "a",
        "requires_training": True,
    },
    {
        "kind": "group",
        "name": "Taalcafé De Linde",
        "description": (
            "Elke dinsdagavond en zaterdagochtend in buurthuis De Linde: aan tafels Nederlands "
            "oefenen, met vrijwillige gespreksleiders. Koffie, thee en iets lekkers staan klaar."
        ),
        "side_a_label": "Deelnemer",
        "side_b_label": "Gespreksleider",
        "contact_norm_per_month": 4,
        "requires_intake": False,
    },
    {
        "kind": "project",
        "name": "Klusproject Thuis in Oost",
        "description": (
            "Een team vrijwilligers knapt in een of twee dagen het huis op van een bewoner "
            "die dat zelf niet lukt: schilderen, tuin, behang. De bewoner doet mee."
        ),
        "side_a_label": "Klusvrijwilliger",
        "side_b_label": "Bewoner",
        "term_months": 2,
        "requires_intake": True,
    },
    {
        "kind": "help",
        "name": "Burenhulp Oost",
        "description": (
            "Even hulp nodig of iets te bieden? Boodschappen, een maaltijd, een brief "
            "lezen, een lamp ophangen. Buren helpen buren, dichtbij en kort."
        ),
        "side_a_label": "Vraagt hulp",
        "side_b_label": "Biedt hulp",
        "requires_intake": False,
        "criteria_weights": {"feasibility": 2.0},
    },
]

WEST_PROGRAMME = {
    "kind": "buddy",
    "name": "Maatjes West",
    "description": "Een maatje voor wie net in West woont: samen de buurt leren kennen.",
    "side_a_label": "Nieuwkomer",
    "side_b_label": "Maatje",
    "term_months": 12,
    "contact_norm_per_month": 2,
    "requires_intake": True,
}

MOTIVATIONS = {
    ("buddy", "a"): [
        "Ik wil iemand leren kennen bij wie ik mezelf kan zijn.",
        "In het azc praat ik met niemand over wie ik ben. Ik zoek een vriend hier.",
        "Ik wil de stad leren kennen en Nederlands oefenen.",
    ],
    ("buddy", "b"): [
        "Ik weet hoe het is om je ergens niet veilig te voelen. Ik wil er zijn voor iemand.",
        "Ik heb tijd en ken de roze scene in de stad goed.",
    ],
    ("family", "a"): [
        "Wij willen Nederlandse gezinnen leren kennen, ook voor de kinderen.",
        "Wij wonen net in de wijk en kennen nog niemand.",
    ],
    ("family", "b"): [
        "Onze kinderen vinden het leuk om nieuwe vriendjes te maken.",
        "We willen graag iets doen voor een gezin dat hier net woont.",
    ],
    ("mentor", "a"): [
        "Ik studeer pedagogiek en wil een leerling helpen met de overstap.",
        "Ik had zelf vroeger een mentor; dat hielp me enorm.",
    ],
    ("mentor", "b"): [
        "De juf zegt dat een mentor goed is voor mij.",
        "Ik wil beter worden in rekenen.",
    ],
    ("tandem", "pool"): [
        "Ik wil mijn Nederlands oefenen en iets terugdoen.",
        "Ik wil Arabisch leren en nieuwe buren ontmoeten.",
        "Ik wil praten, niet alleen uit een boek leren.",
    ],
    ("bridge", "a"): [
        "Ik spreek Tigrinya en Nederlands en help graag ouders op school.",
        "Ik ken beide culturen en wil misverstanden voorkomen.",
    ],
    ("group", "a"): ["Ik wil Nederlands praten met andere mensen.", "Gezellig en leerzaam."],
    ("group", "b"): ["Ik ben gepensioneerd docent en leid graag een tafel."],
    ("project", "a"): ["Ik kan goed schilderen en wil de buurt helpen.", "Klussen is mijn hobby."],
    ("project", "b"): ["Mijn huis is vochtig en ik kan zelf niet meer klussen."],
    ("help", "a"): [
        "Ik heb hulp nodig met brieven van de gemeente.",
        "Ik kan niet zelf naar de winkel.",
    ],
    ("help", "b"): ["Ik woon om de hoek en help graag.", "Ik heb een auto en tijd op zaterdag."],
}

ABOUT = {
    True: [
        "Ik woon sinds {since} in {area}. Ik leer Nederlands.",
        "Ik ben {age} jaar en kom uit {origin}. Ik kook graag.",
        "Nieuw in {area}. Ik wil graag buren leren kennen.",
    ],
    False: [
        "Ik woon al lang in {area} en ken de buurt goed.",
        "Ik ben {age} jaar, werk parttime en heb tijd over.",
        "Geboren en getogen in Lindenhaven.",
    ],
}
