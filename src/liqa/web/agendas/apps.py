"""Django app configuration."""

from django.apps import AppConfig


class AgendasConfig(AppConfig):
    name = "liqa.web.agendas"
    label = "agendas"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Connect the receivers that embed profiles ahead (importing the module does), and
        those forgetting the keys removed from an event (``events.forgotten_keys`` sends)."""
        from liqa.web.agendas import forgotten_keys, meaning  # noqa: F401
        from liqa.web.events import signals

        signals.keys_removed.connect(forgotten_keys.keys_removed, dispatch_uid="agendas-forget")
        signals.keys_touched.connect(forgotten_keys.keys_touched, dispatch_uid="agendas-touched")
