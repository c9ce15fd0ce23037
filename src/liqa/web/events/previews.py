"""What a change of an event's records does to the sign-in accounts with access to it, as
the previews show it (a spreadsheet upload's, a mission file replacement's).

Plain records: ``events`` names them in its previews; ``accounts``, whose rules decide
them, makes them (``events`` imports no app above it).
"""

from __future__ import annotations

from dataclasses import dataclass

HOST_SIDES = ("host", "both")
"""The sides of an organization that receives the delegation: only such a host has
administrators (``accounts.services.grant_host``)."""


@dataclass(frozen=True)
class HostWithdrawn:
    """A host administrator role that storing a reading withdraws."""

    organization: str
    """The host organization's key."""
    user: int
    """The account holding the role."""
    person: str
    """The administrator as the organizer knows them: their name (a :class:`Name`), else
    the account's name or e-mail address."""
    host: str
    """The host organization's name (a :class:`Name`)."""


@dataclass(frozen=True)
class AccountChanges:
    """What storing a reading, then enrolling the event's people as the upload page does
    (``accounts.services.enrol_everyone``), does to the sign-in accounts with access to
    the event (any role)."""

    created: int
    """Accounts made for addresses no account has."""
    given: int
    """Existing accounts given access (a person's address an account already has)."""
    kept: int
    """Accounts with access before and after."""
    withdrawn: int
    """Accounts that lose every role in the event."""
    lost: tuple[AccessLost, ...] = ()
    """Those accounts, named (as many as :attr:`withdrawn`)."""


@dataclass(frozen=True)
class AccessLost:
    """A sign-in account that storing a reading leaves with no role in the event."""

    user: int
    email: str
    """The account's address (the one that loses access)."""
    person: str
    """Whom the organizer knows it as: the name (a :class:`Name`) of the person or host
    administrator it was given for, else the account's name or e-mail address."""
