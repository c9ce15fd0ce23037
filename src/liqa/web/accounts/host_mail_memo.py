"""What one round of host administrators' sign-in e-mails shares (:class:`HostMailMemo`)."""

from __future__ import annotations

from collections.abc import Callable

from liqa.web.accounts.models import Membership


class HostMailMemo:
    """What the host e-mails of one round (``invite_participants``) share, for the
    receivers of ``host_mail_composing``: the context a receiver answers for a host in a
    language, made at the host's first administrator and given again to the others, so
    that a host with several administrators has its agenda read and built once per
    language, not once per administrator.

    Each receiver keeps its own under a name of its own; a value is kept by the receiver's
    name, the event, the host (the administrator's organization) and the language. Nothing
    outlives the round: each round makes a new memo, so an edit made between two rounds is
    told; a single e-mail (``send_host_link``) has none.
    """

    def __init__(self) -> None:
        self._kept: dict[tuple[str, int, str, str], dict[str, object]] = {}

    def context(
        self, name: str, member: Membership, lang: str, make: Callable[[], dict[str, object]]
    ) -> dict[str, object]:
        """What ``make()`` answers for ``member``'s host in ``lang``, made once per round
        (under ``name``, the receiver's): a copy each time, as each e-mail's context is
        updated with it."""
        key = (name, member.event_id, member.organization, lang)
        if key not in self._kept:
            self._kept[key] = make()
        return dict(self._kept[key])

    def __len__(self) -> int:
        """How many contexts are kept (one per receiver, host and language)."""
        return len(self._kept)
