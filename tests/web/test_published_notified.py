"""The published page says whether participants were told: publishing records it on the
version, in the same save that publishes (the demo publishes silently)."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import Notification, ScheduleVersion


def _count_line(client: Client, event: Event) -> str:
    page = client.get(f"/organize/{event.slug}/versions/1/published/").content.decode()
    found = re.search(r'<p id="affected-count">(.*?)</p>', page)
    assert found is not None
    return found.group(1)


def test_silent_publication_says_nobody_was_notified(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publishing.publish(draft, notify=False)
    draft.refresh_from_db()
    assert (draft.notified, len(mail.outbox)) == (False, 0)
    assert _count_line(client_for(organizer), event) == (
        "3 participants' agendas changed and were not notified (published without e-mails)."
    )


def test_publication_with_e_mails_says_who_was_e_mailed(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """The count line no longer claims everyone was notified: the e-mails' line below it
    says who was (tests/web/test_publishing_notifications.py)."""
    client = client_for(organizer)
    client.post(f"/organize/{event.slug}/versions/1/publish/")
    draft.refresh_from_db()
    assert (draft.notified, len(mail.outbox)) == (True, 3)
    assert _count_line(client, event) == "3 participants' agendas changed."
    page = client.get(f"/organize/{event.slug}/versions/1/published/").content.decode()
    assert '<span id="told-sent">E-mailed 3 participants.</span>' in page


def test_publication_e_mailed_before_records_were_kept_says_they_were_notified(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """A version published with e-mails before the per-person records existed."""
    publishing.publish(draft)
    Notification.objects.filter(version=draft).delete()  # as migrated
    client = client_for(organizer)
    assert _count_line(client, event) == "3 participants' agendas changed and were notified."
    page = client.get(f"/organize/{event.slug}/versions/1/published/").content.decode()
    assert 'id="told' not in page


def test_publication_from_before_the_flag_claims_nothing_about_e_mails(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """A version published before the migration keeps ``notified`` NULL: unknown."""
    publishing.publish(draft)
    ScheduleVersion.objects.filter(pk=draft.pk).update(notified=None)  # as migrated
    assert _count_line(client_for(organizer), event) == "3 participants' agendas changed."


def test_draft_is_not_notified(draft: ScheduleVersion) -> None:
    draft.refresh_from_db()
    assert draft.notified is None
