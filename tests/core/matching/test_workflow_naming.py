"""A refused request said for a person (``RequestError.naming``): parties by the names the
caller gives for their keys, a request by its two parties, statuses in words, no request id
nor key; the message itself (``str``) keeps the ids a program reads (the API)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from liqa.core.i18n import translator
from liqa.core.matching.workflow import (
    STATUS_WORDS,
    DuplicateRequest,
    RequestError,
    RequestPolicy,
    TransitionError,
    accept,
    decline,
    propose,
)
from liqa.core.model import MeetingRequest, RequestStatus
from liqa.core.problems import Message, Name, translated

S = RequestStatus
NOW = datetime(2024, 2, 1, 9, 0, tzinfo=UTC)
NAMES = {
    "p-ali": "Ali Benali",
    "o-acme": "Acme Networks",
    "p-sara": "Sara Idrissi",
    "o-dgssi": "DGSSI",
    "p-dgssi": "Karim Alaoui",
}
MEMBERS = {"p-ali": "o-acme", "p-sara": "o-acme", "p-dgssi": "o-dgssi"}


def named(key: str) -> str:
    return NAMES[key]


def request(
    rid: str, requester: str, target: str, status: S = S.PROPOSED, **kw: object
) -> MeetingRequest:
    return MeetingRequest(rid, requester, target, status=status, created_at=NOW, **kw)  # type: ignore[arg-type]


def _no_keys(text: str) -> None:
    for key in (*NAMES, "r-12", "r-7"):
        assert key not in text, text


def _refusal(book: list[MeetingRequest], new: MeetingRequest) -> RequestError:
    with pytest.raises(RequestError) as caught:
        propose(book, new, NOW, organization_of=MEMBERS)
    return caught.value


def test_an_answer_again_names_the_request_by_its_parties() -> None:
    done = request("r-12", "o-dgssi", "o-acme", S.ACCEPTED)
    with pytest.raises(TransitionError) as caught:
        accept(done)
    assert str(caught.value) == "request r-12 is already accepted"  # the API's, unchanged
    said = caught.value.naming(named)
    assert said == "the request of DGSSI to meet Acme Networks is already accepted"
    _no_keys(said)


def test_a_decline_of_an_accepted_request_says_what_it_can_become() -> None:
    done = request("r-12", "p-ali", "o-dgssi", S.ACCEPTED)
    with pytest.raises(TransitionError) as caught:
        decline(done)
    said = caught.value.naming(named)
    assert said == (
        "the request of Ali Benali to meet DGSSI is accepted: it can only become "
        "cancelled, not declined"
    )
    _no_keys(said)


def test_a_final_request_names_its_parties_and_says_to_make_a_new_one() -> None:
    with pytest.raises(TransitionError) as caught:
        accept(request("r-12", "p-ali", "o-dgssi", S.EXPIRED))
    said = caught.value.naming(named)
    assert said == (
        "the request of Ali Benali to meet DGSSI is expired, which is final: it cannot "
        "become accepted (hint: make a new request instead)"
    )


def test_a_proposal_within_one_organization_names_both() -> None:
    refused = _refusal([], request("r-7", "p-ali", "o-acme"))
    assert str(refused) == "request r-7: p-ali and o-acme are of one organization"
    assert refused.naming(named) == "Ali Benali and Acme Networks are of one organization"


def test_a_proposal_to_oneself_and_a_wrong_priority_name_the_person() -> None:
    assert (
        _refusal([], request("r-7", "p-ali", "p-ali")).naming(named)
        == "Ali Benali cannot ask to meet themselves"
    )
    wrong = _refusal([], request("r-7", "p-ali", "o-dgssi", priority=5))
    said = wrong.naming(named)
    assert said == (
        "the request of Ali Benali to meet DGSSI: priority 5 is not 1 (would like), "
        "2 (important) or 3 (must meet)"
    )
    _no_keys(said)


def test_too_many_waiting_names_the_requester() -> None:
    book = [request("r-1", "p-ali", "o-dgssi")]
    with pytest.raises(RequestError) as caught:
        propose(
            book,
            request("r-7", "p-ali", "p-dgssi"),
            NOW,
            RequestPolicy(max_pending_per_requester=1),
        )
    said = caught.value.naming(named)
    assert said.startswith("Ali Benali already has 1 requests waiting for an answer")
    _no_keys(said)


def test_a_duplicate_names_the_parties_of_the_request_that_stands() -> None:
    book = [request("r-12", "o-acme", "o-dgssi", S.ACCEPTED)]
    refused = _refusal(book, request("r-7", "p-ali", "o-dgssi"))
    assert isinstance(refused, DuplicateRequest)
    said = refused.naming(named)
    assert said == (
        "Ali Benali cannot ask to meet DGSSI: the request of Acme Networks to meet DGSSI "
        "(accepted) already stands between them or their organizations"
    )
    _no_keys(said)
    asked = [request("r-12", "p-sara", "o-dgssi")]
    again = _refusal(asked, request("r-7", "p-sara", "o-dgssi"))
    assert str(again) == "p-sara already asked to meet o-dgssi (request r-12, proposed)"
    assert again.naming(named) == "Sara Idrissi already asked to meet DGSSI (proposed)"


def test_names_keep_their_arabic_form_and_statuses_are_translatable() -> None:
    """A naming function may give :class:`Name` values: shown to an Arabic reader, the
    message gives the Arabic form; the status is a message of the catalog."""
    arabic = {"p-dgssi": Name("Karim Alaoui", ar="كريم العلوي")}
    done = request("r-12", "p-dgssi", "o-acme", S.ACCEPTED)
    with pytest.raises(TransitionError) as caught:
        accept(done)
    said = caught.value.naming(lambda key: arabic.get(key, NAMES[key]))
    assert isinstance(said, Message)
    shown = str(translated(said, translator("ar").gettext, "ar"))
    assert "كريم العلوي" in shown
    assert "Karim Alaoui" not in shown
    accepted = STATUS_WORDS[S.ACCEPTED]
    assert translator("ar").gettext(accepted.template) in shown
