"""Tags of home projects and of the help board, with pictograms."""

from django.utils.translation import gettext_lazy as _

PROJECT_TASKS = [
    ("painting", _("Painting"), "brush"),
    ("furniture", _("Assembling furniture"), "armchair"),
    ("floor", _("Laying a floor"), "wall"),
    ("lamps", _("Hanging lamps and curtains"), "bulb"),
    ("cleaning", _("Cleaning"), "spray"),
    ("moving", _("Carrying and moving"), "package"),
    ("garden", _("Garden or balcony"), "plant"),
]
PROJECT_TASK_LABELS = {code: (label, icon) for code, label, icon in PROJECT_TASKS}

HELP_TAGS = [
    ("groceries", _("Groceries"), "shopping-cart"),
    ("cooking", _("Cooking a meal"), "tools-kitchen-2"),
    ("small_job", _("A small job in the house"), "hammer"),
    ("company", _("Company and a chat"), "coffee"),
    ("transport", _("Getting somewhere"), "bus"),
    ("digital", _("Phone and computer"), "device-mobile"),
    ("paperwork", _("Letters and forms"), "file-text"),
]
HELP_TAG_LABELS = {code: (label, icon) for code, label, icon in HELP_TAGS}
