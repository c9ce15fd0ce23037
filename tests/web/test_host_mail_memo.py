"""The memo one round of host e-mails shares (``accounts.host_mail_memo.HostMailMemo``, a
plain dict keyed by tuples before): a receiver's context for a host in a language is made
once per round and given as a copy to each of its administrators' e-mails; other hosts,
languages, receivers and rounds make their own. That a round of invitations reads a
host's agenda once for all its administrators is ``test_h2_host_page_and_mail``'s."""

from __future__ import annotations

from liqa.web.accounts.host_mail_memo import HostMailMemo
from liqa.web.accounts.models import Membership, Role


def _admin(event_id: int, organization: str) -> Membership:
    return Membership(event_id=event_id, organization=organization, role=Role.HOST_ADMIN)


def test_a_hosts_context_is_made_once_per_language_and_given_as_copies() -> None:
    made: list[tuple[str, str]] = []

    def make(host: str, lang: str) -> dict[str, object]:
        made.append((host, lang))
        return {"host": f"{host} ({lang})", "visits": []}

    memo = HostMailMemo()
    first, second, other = _admin(1, "o-beta"), _admin(1, "o-beta"), _admin(1, "o-gamma")
    one = memo.context("agendas", first, "en", lambda: make("o-beta", "en"))
    one["host"] = "changed by one e-mail's context"
    two = memo.context("agendas", second, "en", lambda: make("o-beta", "en"))
    assert two == {"host": "o-beta (en)", "visits": []}  # the kept one, not the changed copy
    assert made == [("o-beta", "en")]
    memo.context("agendas", second, "fr", lambda: make("o-beta", "fr"))
    memo.context("agendas", other, "en", lambda: make("o-gamma", "en"))
    memo.context("agendas", _admin(2, "o-beta"), "en", lambda: make("o-beta@2", "en"))
    memo.context("another app", first, "en", lambda: make("another app's", "en"))
    assert made == [
        ("o-beta", "en"),
        ("o-beta", "fr"),
        ("o-gamma", "en"),
        ("o-beta@2", "en"),
        ("another app's", "en"),
    ]
    assert len(memo) == 5
    assert HostMailMemo().context("agendas", first, "en", lambda: make("o-beta", "en")) == {
        "host": "o-beta (en)",
        "visits": [],
    }
    assert made[-1] == ("o-beta", "en")  # a new round makes it again
