"""Fixed vocabularies of profile tags, shared by forms, demo data and matching.

Codes are stable identifiers stored in the database; labels are translated.
Pictograms are plain Unicode so they need no image download and are read out
(with ``aria-hidden``) only as decoration next to the label.
"""

from django.utils.translation import gettext_lazy as _

LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("ti", _("Tigrinya")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("tr", _("Turkish")),
    ("fa", _("Persian")),
    ("so", _("Somali")),
    ("pl", _("Polish")),
    ("fr", _("French")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("ku", _("Kurdish")),
    ("prs", _("Dari")),
    ("zgh", _("Berber")),
]
LANGUAGE_LABELS = dict(LANGUAGES)

LANGUAGE_LEVELS = [
    (1, _("A few words")),
    (2, _("Simple sentences")),
    (3, _("Everyday conversation")),
    (4, _("Good")),
    (5, _("Native or fluent")),
]

INTERESTS = [
    ("cooking", _("Cooking"), "tools-kitchen-2"),
    ("walking", _("Walking"), "walk"),
    ("sports", _("Sports"), "ball-football"),
    ("music", _("Music"), "music"),
    ("art", _("Art and crafts"), "palette"),
    ("gardening", _("Gardening"), "plant"),
    ("reading", _("Reading"), "books"),
    ("games", _("Games"), "dice-5"),
    ("cycling", _("Cycling"), "bike"),
    ("nature", _("Nature"), "tree"),
    ("film", _("Films"), "movie"),
    ("technology", _("Computers"), "device-laptop"),
    ("children", _("Children and family"), "users-group"),
    ("faith", _("Faith"), "heart"),
]

# What someone can offer or would like help with.
HELP_TAGS = [
    ("language", _("Practising Dutch"), "message-circle"),
    ("paperwork", _("Letters and forms"), "file-text"),
    ("homework", _("Homework"), "pencil"),
    ("groceries", _("Groceries"), "shopping-cart"),
    ("cooking", _("Cooking a meal"), "tools-kitchen-2"),
    ("diy", _("Small jobs in the house"), "hammer"),
    ("digital", _("Phone and computer"), "device-mobile"),
    ("network", _("Finding your way in the neighbourhood"), "compass"),
    ("work", _("Finding work or study"), "briefcase"),
    ("company", _("Company and a chat"), "coffee"),
    ("culture", _("Learning about another culture"), "world"),
    ("transport", _("Getting somewhere"), "bus"),
]

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
DAY_PARTS = [
    ("morning", _("Morning")),
    ("afternoon", _("Afternoon")),
    ("evening", _("Evening")),
]
AVAILABILITY_SLOTS = [f"{day}-{part}" for day, _l in WEEKDAYS for part, _p in DAY_PARTS]


def tag_choices(tags):
    """Choices for a form field from a tag list with pictograms."""
    return [(code, label) for code, label, _icon in tags]


def tag_icons(tags):
    return {code: icon for code, _label, icon in tags}
