"""The meeting-request workflow: pure functions over :class:`~liqa.core.model.MeetingRequest`.

States and the only legal moves::

    proposed ──► accepted ──► cancelled
        │
        ├──► declined      (final)
        ├──► cancelled     (final)
        └──► expired       (final; after ``RequestPolicy.expiry`` without an answer)

Proposing checks the limits (no self-request, no duplicate, at most
``max_pending_per_requester`` open proposals) and detects mutual interest: when the target
had already asked the requester, both requests become accepted. Accepted requests feed the
schedulers through :func:`scheduler_weights`.

Person- and organization-level requests: either side of a request may name a person or an
organization. Given who belongs to which organization (``organization_of``), a person and
their organization are one party: a second open request between the same two parties, in
either direction, is a duplicate (:class:`DuplicateRequest`) — a delegate asking a host their
organization already asked (or meets) would make two meetings of one. Two colleagues are
two parties. Without ``organization_of`` only the exact pair counts.
Messages are :class:`~liqa.core.problems.Message`: English, translatable by the caller.
A refusal (:class:`RequestError`) names requests by their ids and parties by their keys, as
a program using them does (the API); :meth:`RequestError.naming` says it again for a person:
each party by the name a naming function gives for its key (the caller's, e.g. a person's
name in the reader's script, isolated in Arabic), each request by its two parties, each
status in words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import IntEnum

from liqa.core.model import MeetingRequest, RequestStatus
from liqa.core.problems import Message, joined

S = RequestStatus

Naming = Callable[[str], str]
"""How a caller names a party (person or organization) by its key."""

STATUS_WORDS: dict[RequestStatus, Message] = {
    S.PROPOSED: Message("proposed"),
    S.ACCEPTED: Message("accepted"),
    S.DECLINED: Message("declined"),
    S.CANCELLED: Message("cancelled"),
    S.EXPIRED: Message("expired"),
}
"""A request's status in words, translated when shown."""

TRANSITIONS: dict[RequestStatus, frozenset[RequestStatus]] = {
    S.PROPOSED: frozenset({S.ACCEPTED, S.DECLINED, S.CANCELLED, S.EXPIRED}),
    S.ACCEPTED: frozenset({S.CANCELLED}),
    S.DECLINED: frozenset(),
    S.CANCELLED: frozenset(),
    S.EXPIRED: frozenset(),
}
"""Allowed next states of each state."""

OPEN: frozenset[RequestStatus] = frozenset({S.PROPOSED, S.ACCEPTED})
"""States in which a request still stands."""


class Priority(IntEnum):
    """How much a requester wants the meeting."""

    WOULD_LIKE = 1
    IMPORTANT = 2
    MUST_MEET = 3


class RequestError(ValueError):
    """A request operation that the workflow refuses, with a message saying why and what to do.

    The message (``str(error)``) names requests by id and parties by key; ``named``, when
    given, says it for a person (:meth:`naming`)."""

    def __init__(self, message: str, named: Callable[[Naming], str] | None = None) -> None:
        super().__init__(message)
        self.named = named

    def naming(self, name: Naming) -> str:
        """Why, for a person: each party by ``name`` of its key (its name as the reader
        knows it), a request by its two parties and its status in words, never by an id;
        the message itself when it names nobody."""
        return self.args[0] if self.named is None else self.named(name)


def _of(request: MeetingRequest, name: Naming) -> Message:
    """A request as a person knows it: by its two parties."""
    return Message(
        "the request of {requester} to meet {target}",
        requester=name(request.requester),
        target=name(request.target),
    )


class DuplicateRequest(RequestError):
    """A proposal between two parties that already have an open request (either direction)."""

    def __init__(self, new: MeetingRequest, existing: MeetingRequest) -> None:
        self.new = new
        self.existing = existing
        fields = {
            "requester": new.requester,
            "target": new.target,
            "existing": existing.id,
            "status": existing.status.value,
        }
        if (existing.requester, existing.target) == (new.requester, new.target):
            said = Message(
                "{requester} already asked to meet {target} (request {existing}, {status})",
                **fields,
            )
        else:
            said = Message(
                "{requester} cannot ask to meet {target}: request {existing} ({status}) "
                "already stands between them or their organizations",
                **fields,
            )
        super().__init__(said, self._named)

    def _named(self, name: Naming) -> Message:
        new, existing = self.new, self.existing
        status = STATUS_WORDS[existing.status]
        if (existing.requester, existing.target) == (new.requester, new.target):
            return Message(
                "{requester} already asked to meet {target} ({status})",
                requester=name(new.requester),
                target=name(new.target),
                status=status,
            )
        return Message(
            "{requester} cannot ask to meet {target}: {existing} ({status}) already stands "
            "between them or their organizations",
            requester=name(new.requester),
            target=name(new.target),
            existing=_of(existing, name),
            status=status,
        )


class TransitionError(RequestError):
    """A status change that is not allowed from the request's current status."""

    def __init__(self, request: MeetingRequest, to: RequestStatus) -> None:
        self.request = request
        self.to = to
        super().__init__(
            _transition_message(request, to), lambda name: _transition_words(request, to, name)
        )


def _transition_message(request: MeetingRequest, to: RequestStatus) -> Message:
    now = request.status
    if now == to:
        return Message("request {id} is already {status}", id=request.id, status=now.value)
    allowed = TRANSITIONS[now]
    if not allowed:
        return Message(
            "request {id} is {status}, which is final: it cannot become {to} "
            "(hint: make a new request instead)",
            id=request.id,
            status=now.value,
            to=to.value,
        )
    options = " or ".join(sorted(allowed))
    return Message(
        "request {id} is {status}: it can only become {options}, not {to}",
        id=request.id,
        status=now.value,
        options=options,
        to=to.value,
    )


def _transition_words(request: MeetingRequest, to: RequestStatus, name: Naming) -> Message:
    """:func:`_transition_message` for a person: the request by its parties, the statuses
    in words."""
    now, of = request.status, _of(request, name)
    if now == to:
        return Message("{request} is already {status}", request=of, status=STATUS_WORDS[now])
    allowed = TRANSITIONS[now]
    if not allowed:
        return Message(
            "{request} is {status}, which is final: it cannot become {to} "
            "(hint: make a new request instead)",
            request=of,
            status=STATUS_WORDS[now],
            to=STATUS_WORDS[to],
        )
    return Message(
        "{request} is {status}: it can only become {options}, not {to}",
        request=of,
        status=STATUS_WORDS[now],
        options=joined([STATUS_WORDS[s] for s in sorted(allowed)], "or"),
        to=STATUS_WORDS[to],
    )


@dataclass(frozen=True)
class RequestPolicy:
    """The organizer's settings for requests."""

    expiry: timedelta | None = timedelta(days=7)
    """A proposal without an answer for this long expires (``None``: never)."""
    max_pending_per_requester: int | None = 10
    """Most proposals one person or organization may have waiting for an answer."""


@dataclass(frozen=True)
class PriorityWeights:
    """How requests weigh in the schedulers' objective."""

    would_like: int = 1
    important: int = 3
    must_meet: int = 10
    mutual_bonus: int = 2
    """Added when both parties asked for the meeting."""

    def base(self, priority: int) -> int:
        """The weight of one priority level."""
        return {1: self.would_like, 2: self.important, 3: self.must_meet}[priority]


@dataclass(frozen=True)
class Proposal:
    """The outcome of :func:`propose`."""

    requests: tuple[MeetingRequest, ...]
    request: MeetingRequest
    """The new request as stored (accepted at once when interest is mutual)."""
    mutual_with: str | None = None
    """Id of the earlier request in the other direction, when interest is mutual."""


def transition(request: MeetingRequest, to: RequestStatus) -> MeetingRequest:
    """``request`` in status ``to``; raise :class:`TransitionError` if that move is illegal."""
    if to not in TRANSITIONS[request.status]:
        raise TransitionError(request, to)
    return replace(request, status=to)


def accept(request: MeetingRequest) -> MeetingRequest:
    """The target accepts."""
    return transition(request, S.ACCEPTED)


def decline(request: MeetingRequest) -> MeetingRequest:
    """The target declines."""
    return transition(request, S.DECLINED)


def cancel(request: MeetingRequest) -> MeetingRequest:
    """Either side withdraws."""
    return transition(request, S.CANCELLED)


def is_due(request: MeetingRequest, now: datetime, policy: RequestPolicy) -> bool:
    """True when a proposal has waited longer than the policy allows (needs ``created_at``)."""
    return (
        request.status is S.PROPOSED
        and policy.expiry is not None
        and request.created_at is not None
        and now - request.created_at >= policy.expiry
    )


def expire_due(
    requests: Iterable[MeetingRequest], now: datetime, policy: RequestPolicy
) -> tuple[MeetingRequest, ...]:
    """Every request, with the proposals that waited too long marked expired."""
    _require_aware(now)
    return tuple(transition(r, S.EXPIRED) if is_due(r, now, policy) else r for r in requests)


def pending(requests: Iterable[MeetingRequest], requester: str) -> list[MeetingRequest]:
    """Proposals of ``requester`` still waiting for an answer."""
    return [r for r in requests if r.requester == requester and r.status is S.PROPOSED]


def propose(
    requests: Sequence[MeetingRequest],
    new: MeetingRequest,
    now: datetime,
    policy: RequestPolicy | None = None,
    organization_of: Mapping[str, str] | None = None,
) -> Proposal:
    """Add a proposal: checks limits, stamps ``created_at``, detects mutual interest.

    ``organization_of`` (person id to organization id) makes a person and their organization
    one party, so that a second request between the same parties is refused
    (:class:`DuplicateRequest`), as is a request within one organization; an open request
    exactly the other way round is mutual interest instead, as without it.
    """
    _require_aware(now)
    policy = policy or RequestPolicy()
    current = expire_due(requests, now, policy)
    if new.status is not S.PROPOSED:
        raise RequestError(
            Message(
                "request {id} must start as proposed, not {status}",
                id=new.id,
                status=new.status.value,
            ),
            lambda name: Message(
                "{request} must start as proposed, not {status}",
                request=_of(new, name),
                status=STATUS_WORDS[new.status],
            ),
        )
    if new.requester == new.target:
        raise RequestError(
            Message(
                "request {id}: {requester} cannot ask to meet themselves",
                id=new.id,
                requester=new.requester,
            ),
            lambda name: Message(
                "{requester} cannot ask to meet themselves", requester=name(new.requester)
            ),
        )
    if new.priority not in tuple(Priority):
        raise RequestError(
            Message(
                "request {id}: priority {priority} is not 1 (would like), "
                "2 (important) or 3 (must meet)",
                id=new.id,
                priority=new.priority,
            ),
            lambda name: Message(
                "{request}: priority {priority} is not 1 (would like), "
                "2 (important) or 3 (must meet)",
                request=_of(new, name),
                priority=new.priority,
            ),
        )
    if any(r.id == new.id for r in current):
        raise RequestError(Message("request id {id} is already used; choose another id", id=new.id))
    if side(new.requester, organization_of) == side(new.target, organization_of):
        raise RequestError(
            Message(
                "request {id}: {requester} and {target} are of one organization",
                id=new.id,
                requester=new.requester,
                target=new.target,
            ),
            lambda name: Message(
                "{requester} and {target} are of one organization",
                requester=name(new.requester),
                target=name(new.target),
            ),
        )
    exact_reverse = {(new.target, new.requester)}
    standing = standing_request(
        (r for r in current if (r.requester, r.target) not in exact_reverse),
        new.requester,
        new.target,
        organization_of,
    )
    if standing is not None:
        raise DuplicateRequest(new, standing)
    limit = policy.max_pending_per_requester
    waiting = pending(current, new.requester)
    if limit is not None and len(waiting) >= limit:
        count = len(waiting)

        def too_many(name: Naming) -> Message:
            return Message(
                "{requester} already has {count} requests waiting for an answer "
                "(the limit is {limit}); cancel one or wait for answers",
                requester=name(new.requester),
                count=count,
                limit=limit,
            )

        raise RequestError(too_many(str), too_many)
    stamped = replace(new, created_at=new.created_at or now)
    reverse = next(
        (
            r
            for r in current
            if r.requester == new.target and r.target == new.requester and r.status in OPEN
        ),
        None,
    )
    if reverse is None:
        return Proposal((*current, stamped), stamped)
    accepted = replace(stamped, status=S.ACCEPTED)
    updated = tuple(
        accept(r) if r.id == reverse.id and r.status is S.PROPOSED else r for r in current
    )
    return Proposal((*updated, accepted), accepted, mutual_with=reverse.id)


def side(party: str, organization_of: Mapping[str, str] | None = None) -> str:
    """The organization ``party`` speaks for: its own when a person, else ``party`` itself."""
    return (organization_of or {}).get(party, party)


def covers(party: str, other: str, organization_of: Mapping[str, str] | None = None) -> bool:
    """True when ``party`` and ``other`` are one party of a meeting: the same, or a person and
    their organization."""
    of = organization_of or {}
    return party == other or of.get(other) == party or of.get(party) == other


def standing_request(
    requests: Iterable[MeetingRequest],
    party: str,
    other: str,
    organization_of: Mapping[str, str] | None = None,
) -> MeetingRequest | None:
    """An open request between ``party`` and ``other``, either way (accepted first).

    With ``organization_of`` a person stands for their organization and the organization for
    each of its people (:func:`covers`); two different people are never one party, so
    colleagues may each meet someone. Without it only these two parties count.
    """

    def between(r: MeetingRequest) -> bool:
        there = covers(r.requester, party, organization_of) and covers(
            r.target, other, organization_of
        )
        back = covers(r.requester, other, organization_of) and covers(
            r.target, party, organization_of
        )
        return there or back

    found = [r for r in requests if r.status in OPEN and between(r)]
    found.sort(key=lambda r: (r.status is not S.ACCEPTED, _sort_key(r)))
    return found[0] if found else None


def mutual_pairs(requests: Iterable[MeetingRequest]) -> list[tuple[str, str]]:
    """Request-id pairs ``(earlier, later)`` where both parties asked each other (both open)."""
    open_requests = [r for r in requests if r.status in OPEN]
    by_pair = {(r.requester, r.target): r for r in open_requests}
    out: list[tuple[str, str]] = []
    for r in open_requests:
        other = by_pair.get((r.target, r.requester))
        if other is not None and _sort_key(r) < _sort_key(other):
            out.append((r.id, other.id))
    return out


def scheduler_weights(
    requests: Iterable[MeetingRequest], weights: PriorityWeights | None = None
) -> dict[str, int]:
    """Objective weight of each accepted request to schedule, keyed by request id.

    A mutual pair is one meeting: only its earlier request is kept, weighted by the higher
    of the two priorities plus ``mutual_bonus``.
    """
    weights = weights or PriorityWeights()
    accepted = [r for r in requests if r.status is S.ACCEPTED]
    by_id = {r.id: r for r in accepted}
    out = {r.id: weights.base(r.priority) for r in accepted}
    for first, second in mutual_pairs(accepted):
        top = max(by_id[first].priority, by_id[second].priority)
        out[first] = weights.base(top) + weights.mutual_bonus
        del out[second]
    return out


def _sort_key(request: MeetingRequest) -> tuple[datetime, str]:
    return (request.created_at or datetime.min.replace(tzinfo=UTC), request.id)


def _require_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise RequestError(Message("'now' must be timezone-aware, got {now}", now=now.isoformat()))
