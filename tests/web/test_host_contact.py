"""A host organization's contact reaches the host page: organizers name host
administrators on their page (kept in the history, the person e-mailed a sign-in link to
the host page), and a signed-in person without the role is told whom to ask (403)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.audit.models import AuditEntry
from liqa.web.events.models import Event, Person
from tests.web.factories import host_admins as _admins


def _history(event: Event) -> list[tuple[str, str, str, object]]:
    entries = AuditEntry.objects.filter(event=event.slug, model="organization").order_by("id")
    return [(e.actor, e.key, e.action, e.changes) for e in entries]


def _link_path(body: str) -> str:
    match = re.search(r"http://testserver(/accounts/link/[^/\s]+/)", body)
    assert match is not None, body
    return match.group(1)


@pytest.mark.parametrize(
    ("lang", "direction"), [("ar", 'dir="rtl"'), ("fr", 'dir="ltr"'), ("en", 'dir="ltr"')]
)
def test_a_participant_without_the_role_is_told_whom_to_ask_in_their_language(
    event: Event, organizer: User, lang: str, direction: str
) -> None:
    organizer.first_name, organizer.last_name = "Olfa", "Ben Salah"
    organizer.save()
    client = Client()
    client.force_login(User.objects.get(email="bruno@example.org"))  # Beta Bank's CTO
    client.cookies["django_language"] = lang
    response = client.get(f"/host/{event.slug}/")
    page = response.content.decode()
    assert response.status_code == 403
    assert (f'lang="{lang}"' in page, direction in page) == (True, True)
    assert 'id="host-refused"' in page
    assert "bruno@example.org" in page
    assert 'href="mailto:org@example.org"' in page
    assert "Olfa Ben Salah" in page
    assert f'href="/me/{event.slug}/"' in page  # their own agenda, one tap away
    assert 'data-id="r-1"' not in page
    assert "Amina Idrissi" not in page


def test_a_stranger_gets_no_agenda_link_and_anonymous_visitors_sign_in_first(
    event: Event, stranger: User, client_for: Callable[[User | None], Client]
) -> None:
    refused = client_for(stranger).get(f"/host/{event.slug}/")
    page = refused.content.decode()
    assert (refused.status_code, 'id="host-refused"' in page, "/me/" in page) == (403, True, False)
    assert 'id="host-ask"' in page  # no organizer account: "ask the organizers"
    anonymous = client_for(None).get(f"/host/{event.slug}/")
    assert (anonymous.status_code, anonymous["Location"].startswith("/accounts/signin/")) == (
        302,
        True,
    )
    assert client_for(stranger).get("/host/no-such-event/").status_code == 404


def test_a_refused_post_changes_nothing(
    event: Event, client_for: Callable[[User | None], Client]
) -> None:
    bruno = User.objects.get(email="bruno@example.org")
    response = client_for(bruno).post(
        f"/host/{event.slug}/", {"action": "settings", "address": "Elsewhere", "capacity": "2"}
    )
    assert response.status_code == 403
    assert event.venues.get(key="v-hall").address == "Avenue Mohamed V, Tunis"


def test_the_organizer_names_the_host_contact_who_reaches_the_host_page_in_two_taps(
    event: Event, organizer_client: Client
) -> None:
    url = f"/organize/{event.slug}/hosts/"
    page = organizer_client.get(url).content.decode()
    assert ('id="host-o-beta"' in page, 'id="host-o-gamma"' in page) == (True, True)
    assert 'id="host-o-alpha"' not in page  # a delegation member receives nobody
    response = organizer_client.post(url, {"organization": "o-beta", "person": "p-bruno"})
    assert response.status_code == 302
    assert _admins(event) == [("bruno@example.org", "o-beta")]
    assert _history(event) == [
        ("org", "o-beta", "changed", {"host_administrator": ["", "bruno@example.org"]})
    ]
    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]  # in French, his language
    assert mail.outbox[0].subject != "You are invited to a liqa mission"
    link = _link_path(str(mail.outbox[0].body))
    bruno = Client()
    assert bruno.get(link).status_code == 200  # tap 1: the e-mail's link
    signed_in = bruno.post(link)  # tap 2: the page's sign-in button
    assert signed_in["Location"] == f"/host/{event.slug}/"
    host = bruno.get(signed_in["Location"])
    assert (host.status_code, 'id="host-settings"' in host.content.decode()) == (200, True)
    shown = organizer_client.get(url).content.decode()
    assert "bruno@example.org" in shown
    assert 'name="revoke" value="o-beta"' in shown  # "Revoke" asks first (R1)


def test_the_organizer_revokes_and_the_page_refuses_again(
    event: Event, organizer_client: Client, client_for: Callable[[User | None], Client]
) -> None:
    url = f"/organize/{event.slug}/hosts/"
    organizer_client.post(url, {"organization": "o-beta", "person": "p-bruno"})
    bruno = User.objects.get(email="bruno@example.org")
    assert client_for(bruno).get(f"/host/{event.slug}/").status_code == 200
    response = organizer_client.post(
        url, {"action": "revoke", "organization": "o-beta", "user": str(bruno.pk)}
    )
    assert response.status_code == 302
    assert _admins(event) == []
    assert _history(event)[-1] == (
        "org",
        "o-beta",
        "changed",
        {"host_administrator": ["bruno@example.org", ""]},
    )
    refused = client_for(bruno).get(f"/host/{event.slug}/")
    assert (refused.status_code, 'id="host-refused"' in refused.content.decode()) == (403, True)


@pytest.mark.parametrize(
    ("organization", "person"),
    [
        ("o-beta", "p-chen"),  # Chen works for Gamma Farms, not Beta Bank
        ("o-alpha", "p-amina"),  # Alpha Pay is in the delegation: it hosts nobody
        ("o-beta", "p-nobody"),
    ],
)
def test_a_grant_the_organizers_data_does_not_back_is_refused(
    event: Event, organizer_client: Client, organization: str, person: str
) -> None:
    response = organizer_client.post(
        f"/organize/{event.slug}/hosts/", {"organization": organization, "person": person}
    )
    assert (response.status_code, 'id="host-admins-error"' in response.content.decode()) == (
        400,
        True,
    )
    assert (_admins(event), _history(event), mail.outbox) == ([], [], [])


def test_one_account_administers_one_host_per_event(event: Event, organizer_client: Client) -> None:
    url = f"/organize/{event.slug}/hosts/"
    organizer_client.post(url, {"organization": "o-gamma", "person": "p-chen"})
    chen = event.people.get(key="p-chen")
    chen.organization = "o-beta"  # the organizer moves Chen to Beta Bank
    chen.save()
    response = organizer_client.post(url, {"organization": "o-beta", "person": "p-chen"})
    assert response.status_code == 400
    assert "Gamma Farms" in response.content.decode()
    assert _admins(event) == [("chen@example.org", "o-gamma")]


def test_nobody_but_the_organizers_names_host_administrators(
    event: Event,
    host_admin: User,
    stranger: User,
    client_for: Callable[[User | None], Client],
) -> None:
    bruno = User.objects.get(email="bruno@example.org")
    grant = {"organization": "o-beta", "person": "p-bruno"}
    for user in (bruno, host_admin, stranger):
        client = client_for(user)
        assert client.get(f"/organize/{event.slug}/hosts/").status_code == 403
        assert client.post(f"/organize/{event.slug}/hosts/", grant).status_code == 403
    assert _admins(event) == [("admin@beta.example", "o-beta")]
    assert mail.outbox == []


def test_invitations_open_the_host_page_for_host_administrators(
    event: Event, organizer_client: Client
) -> None:
    accounts.grant_host(event, "o-beta", "p-bruno")
    mail.outbox.clear()
    response = organizer_client.post(f"/organize/{event.slug}/invite/")
    assert response.status_code == 200
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amina@example.org",
        "bruno@example.org",
        "chen@example.org",
    ]
    targets = {}
    for message in mail.outbox:
        client = Client()
        targets[message.to[0]] = client.post(_link_path(str(message.body)))["Location"]
    assert targets == {
        "amina@example.org": f"/me/{event.slug}/",
        "bruno@example.org": f"/host/{event.slug}/",
        "chen@example.org": f"/me/{event.slug}/",
    }


def test_the_history_reads_who_was_named_and_by_whom(
    event: Event, organizer_client: Client
) -> None:
    url = f"/organize/{event.slug}/hosts/"
    organizer_client.post(url, {"organization": "o-beta", "person": "p-bruno"})
    page = organizer_client.get(f"/organize/{event.slug}/history/").content.decode()
    assert ("Host administrator" in page, "bruno@example.org" in page, "Beta Bank" in page) == (
        True,
        True,
        True,
    )
    assert "host_administrator" not in page


def test_the_overview_links_to_the_host_administrators(
    event: Event, organizer_client: Client
) -> None:
    page = organizer_client.get(f"/organize/{event.slug}/").content.decode()
    assert f'href="/organize/{event.slug}/hosts/" id="host-admins"' in page


def test_the_role_follows_the_person_it_was_granted_from(
    event: Event, host_admin: User, organizer_client: Client
) -> None:
    url = f"/organize/{event.slug}/hosts/"
    gia = Person.objects.create(
        event=event, key="p-gia", position=5, name="Gia Tran", organization="o-gamma"
    )
    gia.email = "gia@example.org"
    gia.save()
    organizer_client.post(url, {"organization": "o-gamma", "person": "p-gia"})
    accounts.grant_host(event, "o-beta", "p-bruno")
    before = _admins(event)
    bruno = event.people.get(key="p-bruno")
    bruno.email = "bruno.martin@example.org"  # a new address: the old one loses the role
    bruno.save()
    accounts.enrol_everyone(event)  # what an import or a spreadsheet upload does after storing
    after_address = _admins(event)
    response = organizer_client.post(f"/events/{event.slug}/edit/people/p-gia/delete/")
    assert response.status_code == 302
    assert before == [
        ("admin@beta.example", "o-beta"),
        ("bruno@example.org", "o-beta"),
        ("gia@example.org", "o-gamma"),
    ]
    assert after_address == [("admin@beta.example", "o-beta"), ("gia@example.org", "o-gamma")]
    assert _admins(event) == [("admin@beta.example", "o-beta")]  # granted by hand: kept


def test_a_person_moved_to_another_organization_no_longer_administers_the_first(
    event: Event,
) -> None:
    accounts.grant_host(event, "o-gamma", "p-chen")
    chen = event.people.get(key="p-chen")
    chen.organization = "o-beta"
    chen.save()
    accounts.withdraw_person(event, "p-chen", keep_email=chen.email)  # the person form's save
    assert _admins(event) == []
    assert User.objects.get(email="chen@example.org").memberships.get().role == Role.PARTICIPANT


def test_a_host_administrator_who_takes_part_finds_their_agenda_on_the_host_page(
    event: Event, host_admin: User, client_for: Callable[[User | None], Client]
) -> None:
    accounts.grant_host(event, "o-beta", "p-bruno")
    bruno = User.objects.get(email="bruno@example.org")
    link = f'href="/me/{event.slug}/" id="my-agenda"'
    assert link in client_for(bruno).get(f"/host/{event.slug}/").content.decode()
    assert link not in client_for(host_admin).get(f"/host/{event.slug}/").content.decode()
