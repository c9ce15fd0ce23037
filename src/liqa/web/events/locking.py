"""One lock order for every transaction that writes an event's rows: the event row first.

On PostgreSQL a write to any table of ``snapshots.TABLES`` raises the event row's
``data_version`` in a trigger (migration ``events.0004``), which locks the event row until
the transaction ends. A transaction that first locked one of the event's rows (a request,
say) and then reached the event row through that trigger could wait for a second
transaction that holds the event row and waits for that same request row: a deadlock,
which PostgreSQL breaks by failing one of them. Taking the event row's lock before
anything else, in every such transaction, leaves one order and no cycle. SQLite has one
writer at a time and ignores the lock.
"""

from __future__ import annotations

from liqa.web.events.models import Event


def lock_event(row: Event) -> None:
    """Lock ``row``'s event row until the current transaction ends (call inside ``atomic``),
    before the transaction reads for update or writes any of the event's other rows."""
    list(Event.objects.select_for_update().filter(pk=row.pk).values_list("pk", flat=True))
