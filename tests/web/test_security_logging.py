"""No personal data in logs: e-mail addresses and secret links are redacted."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from liqa.web.accounts.services import issue_link
from liqa.web.agendas.services import create_feed
from liqa.web.events.models import Event
from liqa.web.logfilters import redact
from tests.web.factories import person_user


def _everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(
        [r.getMessage() for r in caplog.records] + [r.exc_text or "" for r in caplog.records]
    )


def test_used_magic_link_logs_no_secret(event: Event, caplog: pytest.LogCaptureFixture) -> None:
    path = issue_link(person_user("amina@example.org"))
    secret = path.split("/")[-2]
    client = Client()
    client.post(path)
    with caplog.at_level(logging.DEBUG):
        again = client.post(path)  # used: 410, which Django logs with the path
        looked = Client().get(path)
    logged = _everything_logged(caplog)
    assert (again.status_code, looked.status_code) == (410, 410)
    assert ("/accounts/link/[redacted]/" in logged, secret in logged) == (True, False)


def test_revoked_feed_logs_no_secret(event: Event, caplog: pytest.LogCaptureFixture) -> None:
    secret = create_feed(event, "p-amina")
    create_feed(event, "p-amina")  # replaces (revokes) the first one
    with caplog.at_level(logging.DEBUG):
        status = Client().get(f"/feeds/{secret}.ics").status_code
    logged = _everything_logged(caplog)
    assert (status, "/feeds/[redacted].ics" in logged, secret in logged) == (404, True, False)


def test_failed_sign_ins_log_no_email(event: Event, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        wrong = Client().post(
            "/accounts/signin/password/",
            {"username": "amina@example.org", "password": "not-hers"},
        )
        limited = [
            Client().post("/accounts/signin/", {"email": "amina@example.org"}).status_code
            for _ in range(6)
        ]
    logged = _everything_logged(caplog)
    assert (wrong.status_code, limited[-1]) == (401, 429)
    assert caplog.records != []
    assert ("amina@example.org" in logged, "amina" in logged) == (False, False)


def test_console_handler_redacts_our_own_records() -> None:
    handler = logging.getHandlerByName("console")
    assert handler is not None
    logger = logging.getLogger("liqa.web.accounts.services")
    try:
        raise ValueError("no account for chen@example.org")
    except ValueError:
        record = logger.makeRecord(
            logger.name,
            logging.ERROR,
            __file__,
            1,
            "link %s for %s failed",
            ("/accounts/link/s3cr3t-Value/", "Chen@Example.org"),
            exc_info=__import__("sys").exc_info(),
        )
    assert handler.filter(record)
    text = handler.format(record)
    assert "link /accounts/link/[redacted]/ for [e-mail] failed" in text
    assert (
        "s3cr3t" in text,
        "example.org" in text,
        "ValueError: no account for [e-mail]" in text,
    ) == (
        False,
        False,
        True,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gone: /accounts/link/Ab_9-x/", "Gone: /accounts/link/[redacted]/"),
        (
            '"GET /feeds/Zz-1_q.ics?lang=ar HTTP/1.1" 200',
            '"GET /feeds/[redacted].ics?lang=ar HTTP/1.1" 200',
        ),
        ("user amina.idrissi+mission@gov.example.ma", "user [e-mail]"),
        ("/api/?token=abc123&lang=fr", "/api/?token=[redacted]&lang=fr"),
        (
            "Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b",
            "Authorization: Token [redacted]",
        ),
        ("Not Found: /events/tunis-b2b-2030/", "Not Found: /events/tunis-b2b-2030/"),
    ],
)
def test_redact_hides_emails_and_secrets(text: str, expected: str) -> None:
    assert redact(text) == expected
