"""Django app configuration."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "liqa.web.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Connect the receivers of what ``events`` sends where the roles and calendar
        feeds must follow: an event replaced by its mission file (carried over), an upload
        of spreadsheets (previewed; lapsed host roles and removed parties withdrawn)."""
        from liqa.web.accounts import services
        from liqa.web.events import signals

        signals.replacing.connect(services.carried_roles, dispatch_uid="accounts-carried")
        signals.accounts_previewed.connect(
            services.accounts_previewed, dispatch_uid="accounts-previewed"
        )
        signals.host_roles_lapsed.connect(
            services.host_roles_lapsed, dispatch_uid="accounts-host-roles-lapsed"
        )
        signals.parties_removed.connect(
            services.parties_removed, dispatch_uid="accounts-parties-removed"
        )
