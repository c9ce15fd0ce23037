"""Publishing tells a host's staff when a visit to their organization moves: their agenda
shows it although they are not its attendees (the phone walk: Angela Reyes saw the new time
on her agenda, was not listed on the published page and got no e-mail)."""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.editing_factories import organizer_of, port_visit
from tests.web.factories import person_user


def test_a_moved_visit_is_told_to_its_hosts_staff(houston_mission: Event) -> None:
    event = houston_mission
    publish(store_schedule(event, port_visit(event, 10)))
    mail.outbox.clear()
    second = store_schedule(event, port_visit(event, 14))
    affected = publish(second)
    assert sorted(affected) == ["p-amina", "p-hank", "p-omar"]
    assert affected["p-hank"].moved == ("vis-port",)
    # e-mailed, with the visit at its new time, Houston time
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amina@example.org",
        "hank@example.org",
        "omar@example.org",
    ]
    hank = next(m for m in mail.outbox if m.to == ["hank@example.org"])
    body = str(hank.body)
    assert "Moved:" in body
    assert re.search(r"- Mar 11, 2030 2:00\W?PM CDT · .*Port of Houston", body), body
    # the link leads to a page Hank can open, his agenda, which shows the visit
    link = re.search(r"Your agenda: http://testserver(\S+)", body)
    assert link is not None, body
    page = Client()
    page.force_login(person_user("hank@example.org"))
    response = page.get(link.group(1), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Port of Houston" in response.content.decode()
    # the published page lists him among those whose agenda changed, and e-mailed
    organizer = organizer_of(event)
    html = organizer.get(
        f"/organize/{event.slug}/versions/{second.number}/published/"
    ).content.decode()
    assert '<tr data-person="p-hank"><td>Hank Miller</td>' in html
    told = re.search(r'<p id="told-counts">(.*?)</p>', html)
    assert told is not None
    assert re.sub(r"<[^>]+>", "", told.group(1)) == "E-mailed 3 participants."
