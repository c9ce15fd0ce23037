"""*Send again* tells everyone the publication recorded as affected whose message was not
sent, even when comparing the versions again would now leave them out.

Hank, the Port Authority's staff member, was affected by the delegation's visit to it; his
message failed, then he moved to another organization. *Send again* compared the two
versions again with the event's people as they are now, found no change for him and
skipped him silently: his message stayed unsent, and nobody was told. He now gets the
changes recorded at publication; for a version published before they were recorded, a
plain message that his agenda was updated, with the link to it.

The mail backends are real ones: Django's in-memory backend, and a subclass of it that
refuses Hank's address as an SMTP server does.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from liqa.web.events.models import Event, Person
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import Notification, ScheduleVersion
from liqa.web.scheduling.records import store_schedule
from tests.web.editing_factories import port_visit
from tests.web.factories import LOCMEM, RefusingOne, use_mailer

REFUSING = "tests.web.test_send_again_recorded_people.RefusingHank"


class RefusingHank(RefusingOne):
    """Delivers in memory, except to Hank's address, which the server refuses."""

    address = "hank@example.org"


def _published_then_hank_leaves(event: Event, settings: pytest.FixtureRequest) -> ScheduleVersion:
    """Published with e-mails, Hank's refused; then Hank joins the delegation's company."""
    use_mailer(settings, REFUSING)
    version = store_schedule(event, port_visit(event))
    publishing.publish(version)
    hank = Notification.objects.get(version=version, person="p-hank")
    assert (hank.sent, hank.error.startswith("SMTPRecipientsRefused")) == (False, True)
    person = Person.objects.get(event=event, key="p-hank")
    person.organization = "o-atlas"
    person.save()
    use_mailer(settings, LOCMEM)
    mail.outbox.clear()
    return version


def _to_hank() -> list[str]:
    return [str(m.body) for m in mail.outbox if m.to == ["hank@example.org"]]


def test_a_recorded_person_gets_the_changes_recorded_at_publication(
    houston_mission: Event, settings: pytest.FixtureRequest
) -> None:
    version = _published_then_hank_leaves(houston_mission, settings)
    tried = publishing.send_again(version)
    assert [row.person for row in tried] == ["p-hank"]
    [body] = _to_hank()
    assert "Your agenda changed in the newly published version 1:" in body
    new = body.split("New:", 1)[1].split("\n\n", 1)[0]
    # the visit as the host's agenda shows it (his own no longer does), not its id
    line = new.strip().replace("\u202f", " ")  # CLDR's narrow space before AM
    assert line == "- Mar 11, 2030 10:00 AM CDT · Receiving the delegation · Port of Houston"
    assert Notification.objects.get(version=version, person="p-hank").sent


def test_a_person_recorded_before_the_changes_were_gets_a_plain_message(
    houston_mission: Event, settings: pytest.FixtureRequest
) -> None:
    """A version published before its changes were recorded: compared again, Hank's come
    out empty; he is told his agenda was updated, with the link to it."""
    version = _published_then_hank_leaves(houston_mission, settings)
    link = reverse("agendas:me", args=[houston_mission.slug])
    ScheduleVersion.objects.filter(pk=version.pk).update(affected=None)  # as migrated
    version.refresh_from_db()
    publishing.send_again(version)
    [body] = _to_hank()
    assert "Your agenda was updated in the newly published version 1." in body
    assert "Your agenda changed" not in body
    assert "New:" not in body
    base = settings.BASE_URL  # type: ignore[attr-defined]
    assert body.rstrip().endswith(f"Your agenda: {base}{link}")
    assert Notification.objects.get(version=version, person="p-hank").sent


def test_a_recorded_person_removed_from_the_event_since_gets_the_visit_by_its_host(
    houston_mission: Event, settings: pytest.FixtureRequest
) -> None:
    """His participant account is left (the organizer did not remove it): the message goes,
    its line read from the host's agenda (his own agenda cannot be built any more)."""
    version = _published_then_hank_leaves(houston_mission, settings)
    Person.objects.filter(event=houston_mission, key="p-hank").delete()
    publishing.send_again(version)
    [body] = _to_hank()
    assert "· Receiving the delegation · Port of Houston" in body
