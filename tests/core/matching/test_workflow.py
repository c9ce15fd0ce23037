"""The request state machine: every legal move, every illegal one refused with a message."""

from datetime import UTC, datetime, timedelta

import pytest

from liqa.core.matching.workflow import (
    TRANSITIONS,
    PriorityWeights,
    RequestError,
    RequestPolicy,
    TransitionError,
    accept,
    cancel,
    decline,
    expire_due,
    mutual_pairs,
    propose,
    scheduler_weights,
    transition,
)
from liqa.core.model import MeetingRequest, RequestStatus

S = RequestStatus
NOW = datetime(2024, 2, 1, 9, 0, tzinfo=UTC)


def request(
    rid: str = "r-1", requester: str = "a", target: str = "b", **kw: object
) -> MeetingRequest:
    return MeetingRequest(rid, requester, target, **kw)  # type: ignore[arg-type]


LEGAL = [(start, to) for start, targets in TRANSITIONS.items() for to in sorted(targets)]
ILLEGAL = [(start, to) for start in S for to in S if to not in TRANSITIONS[start]]


@pytest.mark.parametrize(("start", "to"), LEGAL)
def test_transition_legal_moves_change_only_the_status(start: S, to: S) -> None:
    before = request(status=start, priority=2, message="hello")
    assert transition(before, to) == request(status=to, priority=2, message="hello")


@pytest.mark.parametrize(("start", "to"), ILLEGAL)
def test_transition_illegal_moves_are_refused(start: S, to: S) -> None:
    with pytest.raises(TransitionError):
        transition(request(status=start), to)


def test_transition_table_has_exactly_five_legal_moves() -> None:
    assert LEGAL == [
        (S.PROPOSED, S.ACCEPTED),
        (S.PROPOSED, S.CANCELLED),
        (S.PROPOSED, S.DECLINED),
        (S.PROPOSED, S.EXPIRED),
        (S.ACCEPTED, S.CANCELLED),
    ]


def test_transition_from_final_state_says_it_is_final() -> None:
    with pytest.raises(TransitionError) as caught:
        accept(request(status=S.DECLINED))
    assert str(caught.value) == (
        "request r-1 is declined, which is final: it cannot become accepted "
        "(hint: make a new request instead)"
    )


def test_transition_from_accepted_lists_what_is_allowed() -> None:
    with pytest.raises(TransitionError) as caught:
        decline(request(status=S.ACCEPTED))
    assert (
        str(caught.value) == "request r-1 is accepted: it can only become cancelled, not declined"
    )


def test_transition_to_the_same_state_is_refused() -> None:
    with pytest.raises(TransitionError) as caught:
        cancel(request(status=S.CANCELLED))
    assert str(caught.value) == "request r-1 is already cancelled"


def test_expire_due_expires_only_old_proposals() -> None:
    old = request("r-old", created_at=NOW - timedelta(days=8))
    fresh = request("r-new", "c", "d", created_at=NOW - timedelta(days=1))
    answered = request("r-ok", "e", "f", status=S.ACCEPTED, created_at=NOW - timedelta(days=30))
    undated = request("r-undated", "g", "h")
    result = expire_due([old, fresh, answered, undated], NOW, RequestPolicy(timedelta(days=7)))
    assert [r.status for r in result] == [S.EXPIRED, S.PROPOSED, S.ACCEPTED, S.PROPOSED]


def test_expire_due_never_with_no_expiry() -> None:
    old = request(created_at=NOW - timedelta(days=365))
    assert expire_due([old], NOW, RequestPolicy(expiry=None)) == (old,)


def test_propose_stamps_creation_time() -> None:
    proposal = propose([], request(), NOW)
    assert proposal.request == request(created_at=NOW)
    assert proposal.requests == (request(created_at=NOW),)
    assert proposal.mutual_with is None


def test_propose_mutual_interest_accepts_both() -> None:
    first = propose([], request("r-1", "a", "b"), NOW)
    later = NOW + timedelta(hours=1)
    second = propose(first.requests, request("r-2", "b", "a"), later)
    assert second.mutual_with == "r-1"
    assert [(r.id, r.status) for r in second.requests] == [("r-1", S.ACCEPTED), ("r-2", S.ACCEPTED)]


def test_propose_refuses_more_pending_than_the_limit() -> None:
    policy = RequestPolicy(max_pending_per_requester=2)
    book = propose([], request("r-1", "a", "b"), NOW, policy).requests
    book = propose(book, request("r-2", "a", "c"), NOW, policy).requests
    with pytest.raises(RequestError) as caught:
        propose(book, request("r-3", "a", "d"), NOW, policy)
    assert str(caught.value) == (
        "a already has 2 requests waiting for an answer (the limit is 2); "
        "cancel one or wait for answers"
    )


def test_propose_expired_requests_do_not_count_against_the_limit() -> None:
    policy = RequestPolicy(expiry=timedelta(days=1), max_pending_per_requester=1)
    book = propose([], request("r-1", "a", "b"), NOW, policy).requests
    proposal = propose(book, request("r-2", "a", "c"), NOW + timedelta(days=2), policy)
    assert [(r.id, r.status) for r in proposal.requests] == [
        ("r-1", S.EXPIRED),
        ("r-2", S.PROPOSED),
    ]


@pytest.mark.parametrize(
    ("new", "message"),
    [
        (request("r-9", "a", "a"), "request r-9: a cannot ask to meet themselves"),
        (request("r-1", "a", "c"), "request id r-1 is already used; choose another id"),
        (request("r-9", "a", "b"), "a already asked to meet b (request r-1, proposed)"),
        (
            request("r-9", "a", "c", priority=5),
            "request r-9: priority 5 is not 1 (would like), 2 (important) or 3 (must meet)",
        ),
        (
            request("r-9", "a", "c", status=S.ACCEPTED),
            "request r-9 must start as proposed, not accepted",
        ),
    ],
)
def test_propose_refuses_bad_requests(new: MeetingRequest, message: str) -> None:
    book = (request("r-1", "a", "b", created_at=NOW),)
    with pytest.raises(RequestError) as caught:
        propose(book, new, NOW)
    assert str(caught.value) == message


def test_propose_refuses_naive_now() -> None:
    with pytest.raises(RequestError):
        propose([], request(), datetime(2024, 2, 1, 9, 0))


def test_mutual_pairs_lists_earlier_request_first() -> None:
    book = [
        request("r-2", "b", "a", status=S.ACCEPTED, created_at=NOW + timedelta(hours=1)),
        request("r-1", "a", "b", status=S.ACCEPTED, created_at=NOW),
        request("r-3", "a", "c", status=S.PROPOSED, created_at=NOW),
    ]
    assert mutual_pairs(book) == [("r-1", "r-2")]


def test_scheduler_weights_by_priority_and_mutual_bonus() -> None:
    book = [
        request("r-1", "a", "b", priority=1, status=S.ACCEPTED, created_at=NOW),
        request(
            "r-2", "b", "a", priority=3, status=S.ACCEPTED, created_at=NOW + timedelta(hours=1)
        ),
        request("r-3", "a", "c", priority=2, status=S.ACCEPTED),
        request("r-4", "a", "d", priority=3, status=S.PROPOSED),
        request("r-5", "a", "e", priority=3, status=S.DECLINED),
    ]
    assert scheduler_weights(book, PriorityWeights()) == {"r-1": 12, "r-3": 3}
