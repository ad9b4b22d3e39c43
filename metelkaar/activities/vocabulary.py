"""Tags of home projects and of the help board, with pictograms."""

from django.utils.translation import gettext_lazy as _

PROJECT_TASKS = [
    ("painting", _("Painting"), "🖌️"),
    ("furniture", _("Assembling furniture"), "🪑"),
    ("floor", _("Laying a floor"), "🧱"),
    ("lamps", _("Hanging lamps and curtains"), "💡"),
    ("cleaning", _("Cleaning"), "🧽"),
    ("moving", _("Carrying and moving"), "📦"),
    ("garden", _("Garden or balcony"), "🌱"),
]
PROJECT_TASK_LABELS = {code: (label, icon) for code, label, icon in PROJECT_TASKS}

HELP_TAGS = [
    ("groceries", _("Groceries"), "🛒"),
    ("cooking", _("Cooking a meal"), "🍲"),
    ("small_job", _("A small job in the house"), "🔨"),
    ("company", _("Company and a chat"), "☕"),
    ("transport", _("Getting somewhere"), "🚌"),
    ("digital", _("Phone and computer"), "📱"),
    ("paperwork", _("Letters and forms"), "📄"),
]
HELP_TAG_LABELS = {code: (label, icon) for code, label, icon in HELP_TAGS}
