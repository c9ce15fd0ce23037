"""Django app configuration."""

from django.apps import AppConfig


class AgendasConfig(AppConfig):
    name = "liqa.web.agendas"
    label = "agendas"
    default_auto_field = "django.db.models.BigAutoField"
