"""Schemathesis against the OpenAPI schema: every operation, every role, no 5xx, as documented.

Cases are generated from ``/api/schema/`` for each operation, valid (positive) and invalid
(negative), and sent to the WSGI app with a token: as the organizer, a participant, a
host administrator, and without one. Each response must not be a server error, and its
status code, content type and body must be those the schema documents. Path parameters
name the test event (and, for a request's key, a real request in most cases) so that
cases reach the views' logic instead of stopping at 404.

The default run draws five fixed cases per operation and mode, as the organizer and as a
participant (it runs in the PostgreSQL pass too); ``-m slow`` draws
``LIQA_SCHEMATHESIS_EXAMPLES`` (default 100) per operation, mode and role, for all four.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from schemathesis import APIOperation, BaseSchema, Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
ROLES = ("organizer", "participant", "host admin", "anonymous")
MODES = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
REQUEST_KEYS = ("r-1", "r-2", "r-3")
_SETTINGS: dict[str, Any] = {
    "database": None,
    "deadline": None,
    "suppress_health_check": list(HealthCheck),
}
QUICK = settings(max_examples=5, derandomize=True, **_SETTINGS)
"""The default run: the same five cases per operation and mode every time."""
LONG = settings(max_examples=int(os.environ.get("LIQA_SCHEMATHESIS_EXAMPLES", "100")), **_SETTINGS)
"""The ``-m slow`` run: ``LIQA_SCHEMATHESIS_EXAMPLES`` cases per operation, mode and role."""


def _token(user: User | None) -> dict[str, str]:
    if user is None:
        return {}
    token, _created = Token.objects.get_or_create(user=user)
    return {"Authorization": f"Token {token.key}"}


@contextmanager
def _one_connection() -> Iterator[None]:
    """Keep the test's database connection across requests, as Django's test client does.

    Schemathesis calls the real WSGI handler, whose request signals close the connection
    when it is not in autocommit mode, which inside a test's transaction (PostgreSQL) would
    end the transaction and break the next request."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)


@pytest.fixture(scope="module")
def api_schema(django_db_setup: None, django_db_blocker: Any) -> BaseSchema:
    """The API's own OpenAPI schema, served by the app under test (loaded once)."""
    with django_db_blocker.unblock(), _one_connection():
        return schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def headers(
    role: str, event: Event, organizer: User, host_admin: User, draft: ScheduleVersion
) -> dict[str, str]:
    """The token headers of ``role`` on the test event, whose schedule is published."""
    publish(draft)
    users = {
        "organizer": organizer,
        "participant": person_user("chen@example.org"),
        "host admin": host_admin,
        "anonymous": None,
    }
    return _token(users[role])


# an operation of the OpenAPI schema (its parameter, response and schema types are the
# library's own: get_all_operations gives them unparametrized)
Operation = APIOperation[Any, Any, Any, Any]


def _cases(
    operation: Operation, mode: GenerationMode, slug: str
) -> st.SearchStrategy[Case[Operation]]:
    """Cases for ``operation`` on the test event; request keys mostly real ones."""
    fixed = [{"slug": slug}] if "{slug}" in operation.path else [{}]
    if "{key}" in operation.path:
        fixed = [{"slug": slug, "key": key} for key in REQUEST_KEYS] + fixed
    return st.one_of([operation.as_strategy(mode, path_parameters=params) for params in fixed])


def _failures(
    schema: BaseSchema, headers: dict[str, str], slug: str, profile: settings
) -> tuple[list[str], int]:
    """Run every operation (in both modes when it takes a query or a body): one line per
    failure found, and the number of requests sent."""
    found = []
    sent = 0
    for result in schema.get_all_operations():
        if isinstance(result, Err):  # an operation the schema describes wrongly: a failure
            found.append(f"invalid schema: {' '.join(str(result.err()).split())}")
            continue
        operation = result.ok()
        negatable = len(operation.query) > 0 or len(operation.body) > 0  # path is fixed
        for mode in MODES if negatable else MODES[:1]:

            @profile
            @given(case=_cases(operation, mode, slug))
            def run(case: Case[Operation]) -> None:
                nonlocal sent
                sent += 1
                case.call_and_validate(headers=headers, checks=CHECKS)

            try:
                with _one_connection():
                    run()
            except (Failure, FailureGroup) as error:  # report it, go on with the next one
                failures = error.exceptions if isinstance(error, FailureGroup) else (error,)
                found += [
                    f"{operation.label} [{mode.value}]: {f.code} {f.title}: "
                    + " ".join(f.message.split())
                    for f in failures
                ]
    return found, sent


@pytest.mark.parametrize("role", ROLES[:2])
def test_api_operations_answer_as_documented(
    api_schema: BaseSchema, headers: dict[str, str], event: Event
) -> None:
    failures, sent = _failures(api_schema, headers, event.slug, QUICK)
    assert failures == [], "\n".join(failures)
    assert sent >= 5 * len(list(api_schema.get_all_operations()))


@pytest.mark.slow
@pytest.mark.parametrize("role", ROLES)
def test_api_operations_answer_as_documented_at_length(
    role: str, api_schema: BaseSchema, headers: dict[str, str], event: Event
) -> None:
    failures, sent = _failures(api_schema, headers, event.slug, LONG)
    print(f"schemathesis as {role}: {sent} requests, {len(failures)} failures")  # for fuzz.md
    assert failures == [], "\n".join(failures)


def test_an_operation_the_schema_describes_wrongly_is_a_failure_named() -> None:
    """An operation schemathesis cannot read (here a $ref to no parameter) is listed as a
    failure with the reason, not an AttributeError ('Err' has no 'ok') ending the run."""
    broken = schemathesis.openapi.from_dict(
        {
            "openapi": "3.0.3",
            "info": {"title": "broken", "version": "1"},
            "paths": {
                "/api/events/": {
                    "get": {
                        "parameters": [{"$ref": "#/components/parameters/Missing"}],
                        "responses": {"200": {"description": "the events"}},
                    }
                }
            },
        }
    )
    failures, sent = _failures(broken, {}, "ma-us-2024", QUICK)
    assert (len(failures), sent) == (1, 0)
    assert failures[0].startswith("invalid schema: ")
    assert "#/components/parameters/Missing" in failures[0]


def test_schema_documents_the_answers_of_each_kind_of_operation(api_schema: BaseSchema) -> None:
    paths = api_schema.raw_schema["paths"]
    codes = {
        label: sorted(paths[path][method]["responses"])
        for label, (path, method) in {
            "public read": ("/api/events/", "get"),
            "private read": ("/api/events/{slug}/people/", "get"),
            "creating write": ("/api/events/{slug}/outcomes/", "post"),
            "answer": ("/api/events/{slug}/requests/{key}/answer/", "post"),
        }.items()
    }
    assert codes == {
        "public read": ["200", "401"],
        "private read": ["200", "401", "403", "404"],
        "creating write": ["201", "400", "401", "403", "404", "415"],
        "answer": ["200", "400", "401", "403", "404", "415"],
    }


def test_answering_an_answered_request_says_why_in_detail(event: Event) -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=_token(person_user("chen@example.org"))["Authorization"])
    url = f"/api/events/{event.slug}/requests/r-3/answer/"
    accepted = client.post(url, {"action": "accept"}, format="json")
    again = client.post(url, {"action": "decline"}, format="json")
    assert (accepted.status_code, again.status_code, again.json()) == (
        200,
        400,
        {"detail": "request r-3 is accepted: it can only become cancelled, not declined"},
    )
