"""Django app configuration."""

from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "liqa.web.backup"
    label = "backup"

    def ready(self) -> None:
        """Carry the work done on the web over when an event is replaced by its mission
        file, by the backup's own sections (``events`` sends, ``backup`` answers)."""
        from liqa.web.backup.carry_over import carried_work
        from liqa.web.events.signals import replacing

        replacing.connect(carried_work, dispatch_uid="backup-carried-work")
