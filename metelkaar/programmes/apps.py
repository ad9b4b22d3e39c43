from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "metelkaar.programmes"
    label = "programmes"
    verbose_name = _("Programmes")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from metelkaar.programmes.views.signup import restore_session_age

        user_logged_in.connect(restore_session_age, dispatch_uid="programmes.restore_session_age")
