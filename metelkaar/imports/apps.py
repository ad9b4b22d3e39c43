from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "metelkaar.imports"
    label = "imports"
    verbose_name = _("Spreadsheet import")

    def ready(self) -> None:
        from metelkaar.imports import emails  # noqa: F401  (registers the e-mail kind)
