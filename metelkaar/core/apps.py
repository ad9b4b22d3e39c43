from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "metelkaar.core"
    label = "core"
    verbose_name = "Metelkaar"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from metelkaar.core import tasklog  # noqa: F401 (connects the task log lines)
        from metelkaar.core.languages import install_language_info, remember_at_login
        from metelkaar.core.twofactor.middleware import note_device_state

        install_language_info()
        user_logged_in.connect(note_device_state, dispatch_uid="twofactor_note_device_state")
        user_logged_in.connect(remember_at_login, dispatch_uid="metelkaar-language-at-login")
