"""Fictional names by background, for the demo neighbourhood.

Common given names and family names of each community, combined at random;
any resemblance to a real person is a coincidence. Each background also says
which languages its people speak, so names and languages fit together.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Background:
    """A community in the neighbourhood: names, languages and how long people are here."""

    code: str
    origin: str  # country or region, as a coordinator would write it
    women: tuple[str, ...]
    men: tuple[str, ...]
    family_names: tuple[str, ...]
    native: tuple[str, ...]  # language codes from metelkaar.people.vocabulary.LANGUAGES
    extra: tuple[str, ...] = ()  # languages some of them also speak
    newcomer: bool = True  # arrived recently: Dutch still being learnt


BACKGROUNDS: dict[str, Background] = {
    b.code: b
    for b in [
        Background(
            "dutch", "Nederland",
            ("Anouk", "Sanne", "Lotte", "Marieke", "Ingrid", "Els", "Joke", "Fleur", "Noor",
             "Annelies", "Wilma", "Tessa", "Ria", "Femke", "Mirjam", "Hanneke", "Iris", "Lies"),
            ("Jan", "Pieter", "Kees", "Bas", "Ruud", "Thijs", "Gerrit", "Sander", "Wouter",
             "Henk", "Joost", "Maarten", "Daan", "Bram", "Koen", "Frits", "Stijn", "Arjen"),
            ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
             "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
             "van Dijk", "Kok", "Verhoeven", "Schouten", "van den Berg", "Willems", "Prins"),
            ("nl",), ("en", "de", "fr", "es"), newcomer=False,
        ),
        Background(
            "syrian", "Syrië",
            ("Rama", "Nour", "Hala", "Lina", "Rasha", "Dima", "Yara", "Amal", "Hiba", "Ghada"),
            ("Ahmad", "Mohammed", "Omar", "Khaled", "Rami", "Bashar", "Yousef", "Tarek", "Samer",
             "Fadi", "Hassan", "Anas"),
            ("Al-Khatib", "Haddad", "Al-Halabi", "Darwish", "Sabbagh", "Hamwi", "Kassem",
             "Mansour", "Nasser", "Othman", "Zaher"),
            ("ar",), ("ku", "en"),
        ),
        Background(
            "eritrean", "Eritrea",
            ("Senait", "Helen", "Selam", "Feven", "Luwam", "Saba", "Yodit", "Mebrat"),
            ("Yonas", "Dawit", "Samuel", "Tesfay", "Filmon", "Habtom", "Merhawi", "Robel",
             "Kidane", "Biniam"),
            ("Tesfamariam", "Ghebreyesus", "Haile", "Kidane", "Berhane", "Tekle", "Woldu",
             "Gebremedhin", "Andemariam"),
            ("ti",), ("ar", "en"),
        ),
        Background(
            "ukrainian", "Oekraïne",
            ("Olena", "Iryna", "Oksana", "Nataliia", "Tetiana", "Yuliia", "Kateryna", "Svitlana",
             "Anastasiia", "Mariia"),
            ("Oleksandr", "Dmytro", "Andrii", "Serhii", "Mykola", "Ivan", "Bohdan", "Taras"),
            ("Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk",
             "Oliinyk", "Moroz", "Savchenko", "Lysenko"),
            ("uk",), ("ru", "en", "pl"),
        ),
        Background(
            "turkish", "Turkije",
            ("Ayşe", "Fatma", "Elif", "Zeynep", "Emine", "Hatice", "Büşra", "Merve"),
            ("Mehmet", "Mustafa", "Ahmet", "Emre", "Hakan", "Murat", "Kemal", "Yusuf"),
            ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan"),
            ("tr",), ("ku", "en"), newcomer=False,
        ),
        Background(
            "afghan", "Afghanistan",
            ("Fatima", "Zahra", "Maryam", "Shabnam", "Parwana", "Mursal", "Nilofar"),
            ("Ahmad", "Mohammad", "Jawad", "Farid", "Ali", "Hamid", "Sayed", "Mustafa"),
            ("Ahmadi", "Hakimi", "Karimi", "Rahimi", "Sultani", "Hussaini", "Noori"),
            ("prs",), ("fa", "en"),
        ),
        Background(
            "iranian", "Iran",
            ("Shirin", "Parisa", "Maryam", "Leila", "Nasrin", "Azadeh", "Roya"),
            ("Reza", "Amir", "Babak", "Kaveh", "Arash", "Farhad", "Navid"),
            ("Tehrani", "Rostami", "Mohammadi", "Jafari", "Sadeghi", "Kazemi", "Moradi"),
            ("fa",), ("en", "ku"),
        ),
        Background(
            "somali", "Somalië",
            ("Hodan", "Amina", "Sahra", "Faadumo", "Hibo", "Ifrah", "Nimco"),
            ("Abdi", "Mohamed", "Abdirahman", "Hassan", "Yusuf", "Ahmed", "Liban"),
            ("Abdi", "Warsame", "Farah", "Hirsi", "Osman", "Jama", "Egal"),
            ("so",), ("ar", "en"),
        ),
        Background(
            "polish", "Polen",
            ("Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Monika", "Ewa", "Karolina"),
            ("Piotr", "Tomasz", "Krzysztof", "Paweł", "Marcin", "Michał", "Łukasz"),
            ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski",
             "Zieliński", "Szymański"),
            ("pl",), ("en", "de"),
        ),
        Background(
            "moroccan", "Nederland (Marokkaanse roots)",
            ("Samira", "Naima", "Fatiha", "Khadija", "Souad", "Imane", "Loubna"),
            ("Mohamed", "Youssef", "Said", "Karim", "Rachid", "Mounir", "Bilal"),
            ("El Amrani", "Bouzid", "Ouali", "Azzouz", "El Idrissi", "Benali", "Tahiri"),
            ("ar",), ("zgh", "fr"), newcomer=False,
        ),
        Background(
            "expat", "elders uit Europa",
            ("Emma", "Sophie", "Lucía", "Chiara", "Hannah", "Claire"),
            ("Lucas", "Miguel", "Thomas", "Luca", "David", "Pierre"),
            ("García", "Rossi", "Müller", "Dubois", "Smith", "Fernández", "Schneider"),
            ("en",), ("es", "fr", "de"),
        ),
    ]
}

# How many people of each background live in the demo neighbourhood (weights).
POPULATION_MIX: dict[str, int] = {
    "dutch": 42,
    "syrian": 10,
    "eritrean": 6,
    "ukrainian": 8,
    "turkish": 7,
    "afghan": 4,
    "iranian": 3,
    "somali": 4,
    "polish": 5,
    "moroccan": 6,
    "expat": 5,
}

NEWCOMER_BACKGROUNDS = tuple(code for code, b in BACKGROUNDS.items() if b.newcomer)

# Native languages of second-generation Dutch people of these roots, spoken at home.
HERITAGE_LEVEL = 4
