"""Django app configuration."""

from django.apps import AppConfig


class AgendasConfig(AppConfig):
    name = "liqa.web.agendas"
    label = "agendas"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Connect the receivers that embed profiles ahead (importing the module does), and
        those forgetting the keys removed from an event (``events.forgotten_keys`` sends), and
        the one telling a host's sign-in e-mail its visits (``accounts`` sends)."""
        from liqa.web.accounts.signals import host_mail_composing
        from liqa.web.agendas import forgotten_keys, host_mail, meaning  # noqa: F401
        from liqa.web.events import signals

        signals.keys_removed.connect(forgotten_keys.keys_removed, dispatch_uid="agendas-forget")
        signals.keys_touched.connect(forgotten_keys.keys_touched, dispatch_uid="agendas-touched")
        host_mail_composing.connect(host_mail.composing_host_mail, dispatch_uid="agendas-mail")
