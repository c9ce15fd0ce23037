"""Signals ``events`` sends where what the apps above it hold for an event must follow.

``events`` imports no app above it (``docs/architecture.md``): where one of its operations
deletes or changes what those apps hold rows for, it sends one of these, and they answer
in receivers connected in their ``AppConfig.ready``. (``records.parties_stored`` and
``outcomes_stored`` tell the history what a bulk import stored.)
"""

from django.dispatch import Signal

replacing = Signal()
"""Sent (``sender``: the ``Event`` model) before a stored event (``row``) is deleted to be
stored again from a mission file (``event``: the file's core event), under the event's
lock in the replacement's transaction, and for its preview (``importer``: the importing
user's id, or ``None``; ``names``: the stored event's parties' names by key). Each receiver
reads, writing nothing, what its app holds for the event and returns a
:class:`~liqa.web.events.replacing.Carried`: what it keeps and drops, for the preview, and
how to write what it keeps under the row stored again (``restore``)."""

keys_removed = Signal()
"""Sent (``sender``: the ``Event`` model) when the people or organizations ``keys`` are
removed from ``event``'s ``table`` (``"people"``, ``"organizations"``), in the removal's
transaction: each receiver forgets them where its app names them by key
(:mod:`~liqa.web.events.forgotten_keys`)."""

keys_touched = Signal()
"""Sent (``sender``: the ``Event`` model) to preview removing the ``people`` and
``organizations`` (keys) from ``event``: each receiver returns how many hosts' attendance
confirmations forgetting them would change or delete, writing nothing."""

accounts_previewed = Signal()
"""Sent (``sender``: the ``Event`` model) to preview what giving ``row`` the parties of an
upload does to the accounts with access: ``hosts`` (the host organizations' keys after
it), ``people`` (each person's organization and e-mail address, as written, by key, after
it), ``names`` (the parties' names by key). A receiver returns, writing nothing, a pair: the
:class:`~liqa.web.events.previews.AccountChanges` and the
:class:`~liqa.web.events.previews.HostWithdrawn` roles that lapse."""

host_roles_lapsed = Signal()
"""Sent (``sender``: the ``Event`` model) in an upload's transaction with the host
administrator roles it takes away from ``event`` (``hosts``: ``HostWithdrawn``): each
receiver withdraws them, kept in the event's history as the hosts page's revocation is."""

parties_removed = Signal()
"""Sent (``sender``: the ``Event`` model) once an upload that removed people or
organizations from ``event`` is stored (``removed``: the keys removed by table): each
receiver withdraws what gave access for them (roles, calendar feeds)."""
