"""Backup and restore of a whole event: one zip archive from the database and back.

- :func:`~liqa.web.backup.dump.write_backup` (``liqa export --event SLUG -o backup.zip``)
- :func:`~liqa.web.backup.restore.restore_backup` (``liqa import backup.zip``)

The format is described in ``docs/howto/backup-restore.md``; its members are listed in
:mod:`liqa.web.backup.members`.
"""
