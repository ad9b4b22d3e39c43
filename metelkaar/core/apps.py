from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "metelkaar.core"
    label = "core"
    verbose_name = "Metelkaar"
