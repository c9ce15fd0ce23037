"""Django app configuration."""

from django.apps import AppConfig


class SchedulingConfig(AppConfig):
    name = "liqa.web.scheduling"
    label = "scheduling"
    default_auto_field = "django.db.models.BigAutoField"
