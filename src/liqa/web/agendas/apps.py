"""Django app configuration."""

from django.apps import AppConfig


class AgendasConfig(AppConfig):
    name = "liqa.web.agendas"
    label = "agendas"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Connect the receivers that embed profiles ahead (importing the module does)."""
        from liqa.web.agendas import meaning  # noqa: F401
