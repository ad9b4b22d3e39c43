from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class NotificationsConfig(AppConfig):
    name = "metelkaar.core.notifications"
    label = "notifications"
    verbose_name = "Notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Every app's e-mail classes register their kind on import; a worker
        # must know them all before it runs its first delivery.
        autodiscover_modules("emails")
