"""Token and session reads in plain SQL (``liqa.web.accounts.lookups``): same answers as
DRF's and Django's own, one query each (on PostgreSQL the plain statement, elsewhere the
ORM's), and every refusal kept: unknown token, inactive user, expired or unknown session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from liqa.web.accounts.lookups import DJANGO_BACKEND, ModelBackend
from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user


@pytest.fixture
def schedules(event: Event, draft: ScheduleVersion) -> str:
    publish(draft, notify=False)
    return f"/api/events/{event.slug}/schedules/"


def _token_client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_token_reads_its_user_in_one_query(schedules: str) -> None:
    token = Token.objects.create(user=person_user("amina@example.org"))
    client = _token_client(token.key)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(schedules)
    assert response.status_code == 200
    assignments = response.json()[0]["assignments"]
    assert assignments
    assert all("p-amina" in a["attendees"] for a in assignments)  # her own meetings only
    token_reads = [q for q in captured.captured_queries if "authtoken_token" in q["sql"]]
    assert len(token_reads) == 1


def test_an_unknown_token_is_refused_as_drf_words_it(schedules: str) -> None:
    response = _token_client("0" * 40).get(schedules)
    assert (response.status_code, response.json()) == (401, {"detail": "Invalid token."})


def test_an_inactive_users_token_is_refused(schedules: str) -> None:
    user = person_user("amina@example.org")
    token = Token.objects.create(user=user)
    user.is_active = False
    user.save()
    response = _token_client(token.key).get(schedules)
    assert (response.status_code, response.json()) == (
        401,
        {"detail": "User inactive or deleted."},
    )


def _page(client: Client, event: Event) -> int:
    return client.get(f"/me/{event.slug}/").status_code


def test_a_session_signs_in_and_an_expired_or_unknown_one_does_not(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    amina = client_for(person_user("amina@example.org"))
    assert _page(amina, event) == 200
    key = amina.cookies["sessionid"].value
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    assert _page(amina, event) == 302  # to the sign-in page
    stranger = Client()
    stranger.cookies["sessionid"] = "x" * 32
    assert _page(stranger, event) == 302


def test_session_data_written_is_read_back(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    amina = client_for(person_user("amina@example.org"))
    session = amina.session
    session["feed_url"] = "https://example.org/feeds/x.ics"
    session.save()
    assert "https://example.org/feeds/x.ics" in amina.get(f"/me/{event.slug}/").text
    assert "https://example.org/feeds/x.ics" not in amina.get(f"/me/{event.slug}/").text


def test_a_session_signed_in_with_djangos_backend_stays_signed_in(
    event: Event, draft: ScheduleVersion
) -> None:
    publish(draft, notify=False)
    client = Client()
    client.force_login(person_user("amina@example.org"), backend=DJANGO_BACKEND)
    key = client.cookies["sessionid"].value
    assert Session.objects.get(session_key=key).get_decoded()[BACKEND_SESSION_KEY] == (
        DJANGO_BACKEND
    )
    assert _page(client, event) == 200


def _amina_signed_in(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> tuple[Any, Client]:
    """Amina, and her browser signed in and seeing her agenda."""
    publish(draft, notify=False)
    user = person_user("amina@example.org")
    amina = client_for(user)
    assert _page(amina, event) == 200
    return user, amina


def test_an_inactive_users_session_is_signed_out(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    user, amina = _amina_signed_in(event, draft, client_for)
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    assert _page(amina, event) == 302


def test_a_changed_password_signs_the_session_out(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    user, amina = _amina_signed_in(event, draft, client_for)
    user.set_password("a new password, elsewhere")
    user.save()
    assert _page(amina, event) == 302  # the session's password hash no longer matches


def test_the_backend_reads_users_as_djangos(event: Event) -> None:
    user = person_user("amina@example.org")
    mine, django = ModelBackend(), DjangoModelBackend()
    found = mine.get_user(user.pk)
    assert found is not None
    expected = django.get_user(user.pk)
    assert [getattr(found, f.attname) for f in type(user)._meta.concrete_fields] == [
        getattr(expected, f.attname) for f in type(user)._meta.concrete_fields
    ]
    assert mine.get_user(10**9) is None
