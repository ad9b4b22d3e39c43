"""The sentence a coordinator reads when a step of an import cannot go on, by code."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

SENTENCES = {
    "format": _("This is not a spreadsheet we can read. Upload an .xlsx, .ods or .csv file."),
    "too_big": _("This file is larger than 20 MB. Split it into smaller files."),
    "empty": _("This file is empty."),
    "unreadable": _(
        "This file cannot be read as a spreadsheet. Save it again as .xlsx or .csv and upload that."
    ),
    "no_rows": _("This file has column titles but no rows of people."),
    "already_imported": _("This file has already been imported."),
    "field_twice": _("Each field can come from one column only. Choose it once."),
    "required_missing": _(
        "Choose the columns with the first name and the year of birth: they are needed."
    ),
    "not_checked": _("Check the rows first."),
    "bad_rows": _(
        "Some cells are wrong. Correct them in the file and upload it again: "
        "nothing is imported until every row is right."
    ),
    "write_failed": _(
        "The import stopped and nothing was imported. Please try again, or tell your administrator."
    ),
}


def sentence(code: str) -> str:
    return str(SENTENCES.get(code, SENTENCES["write_failed"]))
