from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "metelkaar.demo"
    label = "demo"
    verbose_name = "Demo"
