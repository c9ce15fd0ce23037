"""The event, the user's roles and its state read together give what the separate reads give."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from liqa.web.accounts import permissions
from liqa.web.accounts.access import access
from liqa.web.accounts.models import Role
from liqa.web.accounts.services import grant
from liqa.web.events.models import Event, Person
from liqa.web.events.snapshots import event_state
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user

FIELDS = [f.attname for f in Event._meta.concrete_fields]


def _values(row: Event) -> list[object]:
    return [getattr(row, name) for name in FIELDS]


def test_access_matches_the_separate_reads_for_every_kind_of_user(
    event: Event, draft: ScheduleVersion, organizer: User, host_admin: User, stranger: User
) -> None:
    publish(draft, notify=False)
    amina = person_user("amina@example.org")
    users: list[permissions.User] = [AnonymousUser(), organizer, host_admin, stranger, amina]
    for user in users:
        found = access(user, event.slug)
        assert found is not None
        assert _values(found.event) == _values(Event.objects.get(pk=event.pk))
        assert found.roles == permissions.roles(user, event)
        assert found.state == event_state(event)
    people = [found.roles.person for u in users if (found := access(u, event.slug))]
    assert people == [None, None, None, None, "p-amina"]


def test_access_keeps_the_membership_checks(event: Event, stranger: User) -> None:
    """A participant membership whose person left the event, or whose e-mail address is no
    longer the user's, gives no role; a host membership counts while the host is there."""
    grant(stranger, event, Role.PARTICIPANT, person="p-bruno")
    assert access(stranger, event.slug).roles.person is None  # type: ignore[union-attr]
    Person.objects.filter(event=event, key="p-bruno").update(email="STRANGER@example.org")
    assert access(stranger, event.slug).roles.person == "p-bruno"  # type: ignore[union-attr]
    Person.objects.filter(event=event, key="p-bruno").delete()
    found = access(stranger, event.slug)
    assert found is not None
    assert (found.roles, found.roles.person) == (permissions.roles(stranger, event), None)


def test_access_to_no_event_or_a_private_one(event: Event, organizer: User) -> None:
    Event.objects.filter(pk=event.pk).update(public=False)
    assert access(organizer, "no-such-event") is None
    assert access(organizer, event.slug, public_only=True) is None
    assert access(organizer, event.slug) is not None


def test_access_is_one_query_on_postgresql(event: Event, organizer: User) -> None:
    with CaptureQueriesContext(connection) as captured:
        access(organizer, event.slug)
    assert len(captured) == (1 if connection.vendor == "postgresql" else 4)
