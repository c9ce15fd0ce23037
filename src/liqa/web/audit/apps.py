"""Django app configuration: connects the audit receivers and the published-version guard."""

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "liqa.web.audit"
    label = "audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Connect the signal receivers (importing the modules registers them)."""
        from liqa.web.audit import immutability, receivers  # noqa: F401
