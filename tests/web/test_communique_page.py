"""The organizer's communiqué page (``/organize/<event>/communique/``) and what it leaves
in the event's history.

Found on an organizer's QA walk of the demo: with one meeting's outcome recorded the draft
said "1 professional meeting with 1 company" where the report page showed 23 meetings and
visits with 23 host organizations; the English draft opened "— Commercial Section, …
organized"; publishing the communiqué landed silently at the top of the public page, and
neither it nor the overview's invitations appeared in the history.
"""

from __future__ import annotations

import html
import re

import pytest
from django.core import mail
from django.test import Client

from liqa.core.model import MeetingFormat, organizer_name
from liqa.core.outputs.communique import isolated_runs
from liqa.core.outputs.timeline import timeline
from liqa.web.events.models import Event, Outcome
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record
from tests.web.test_report_page import kpis, organizer_client, published_demo, report_url

pytestmark = pytest.mark.django_db


def read(fragment: str) -> str:
    """``fragment`` as read: tags dropped, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def drafts(client: Client, row: Event) -> dict[str, str]:
    """The three texts of the communiqué form, by language."""
    page = client.get(f"/organize/{row.slug}/communique/").content.decode()
    found = re.findall(r'<textarea id="text-(\w+)"[^>]*>(.*?)</textarea>', page, re.S)
    return {lang: html.unescape(text) for lang, text in found}


def one_held(row: Event, version: ScheduleVersion) -> None:
    """The first meeting of the version recorded as held (the report's "Held": 1)."""
    items = timeline(event_record(row), schedule_record(version))
    first = next(i for i in items if i.format is not MeetingFormat.PROGRAMME_ITEM)
    Outcome.objects.create(event=row, assignment=first.id, kind="held")


def history(client: Client, row: Event) -> str:
    return read(client.get(f"/organize/{row.slug}/history/").content.decode())


def test_the_demos_draft_states_the_report_pages_figures() -> None:
    row, version = published_demo()
    one_held(row, version)
    client = organizer_client()
    report = client.get(report_url(row), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    participants, organizations, hosts, meetings = (int(n) for n in kpis(report))
    assert '<th>Held</th><td class="num">1</td>' in report
    assert meetings > 1
    texts = drafts(client, row)
    assert set(texts) == {"ar", "fr", "en"}
    said = {
        "en": f"The programme included {meetings} professional meetings with ",
        "fr": f"Le programme comprenait {meetings} rencontres professionnelles avec ",
    }
    for lang, text in texts.items():
        paragraphs = text.split("\n\n")
        lead, composition, programme = paragraphs[1:4]  # after the headline
        assert f"{participants} " in lead, lang
        assert re.findall(r"\d+", composition)[0] == str(organizations), lang
        numbers = [int(n) for n in re.findall(r"\d+", programme)]
        assert numbers[0] == meetings, (lang, programme)
        if lang != "ar":  # Arabic says one or two hosts of a kind by the noun, without a digit
            # the hosts, kind by kind, then how many of the meetings were held (the report's 1)
            assert sum(numbers[1:-1]) == hosts, (lang, programme)
            assert numbers[-1] == 1, (lang, programme)
        if lang in said:
            assert said[lang] in programme, programme


def test_the_demos_draft_opens_with_its_organizers() -> None:
    row, _ = published_demo()
    texts = drafts(organizer_client(), row)
    record = event_record(row)
    for lang, text in texts.items():
        opening = text.split("\n\n")[1].split(" — ", 1)[1]
        # a Latin acronym in an Arabic name is isolated (⁦USTDA⁩)
        names = [isolated_runs(organizer_name(names, lang), lang) for names in record.organizers]
        assert all(name and name in opening for name in names), (lang, opening)
    english = [organizer_name(names, "en") for names in record.organizers]
    assert (
        texts["en"]
        .split("\n\n")[1]
        .split(" — ", 1)[1]
        .startswith(
            f"A trade mission organized by the {english[0]} and the {english[1]} was held from "
        )
    )


def test_publishing_the_communique_says_so_and_is_in_the_history() -> None:
    row, _ = published_demo()
    client = organizer_client()
    texts = drafts(client, row)
    answer = client.post(f"/organize/{row.slug}/communique/", texts, HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 302
    assert answer["Location"] == f"/organize/{row.slug}/communique/"
    page = client.get(answer["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    notice = re.search(r'<p class="notice" role="status" id="communique-saved">(.*?)</p>', page)
    assert notice is not None
    assert read(notice.group(1)) == (
        "The communiqué is published on the public page. See it on the public page"
    )
    assert f'href="/events/{row.slug}/#communique"' in notice.group(1)
    # said once: the next visit has no notice
    again = client.get(f"/organize/{row.slug}/communique/").content.decode()
    assert "communique-saved" not in again
    row.refresh_from_db()
    assert row.communique == {lang: text.strip() for lang, text in texts.items()}
    public = client.get(f"/events/{row.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<h2 id="communique">Communiqué</h2>' in public
    words = history(client, row)
    assert "published · Event" in words
    english = texts["en"].strip()
    assert f"Communiqué in English: — → {english[:20]}" in words
    assert "Communiqué in French: — → " in words
    assert "Communiqué in Arabic: — → " in words
    # publishing the same texts again records nothing new
    before = words.count("Communiqué in English")
    client.post(f"/organize/{row.slug}/communique/", texts)
    assert history(client, row).count("Communiqué in English") == before
    # emptied: withdrawn from the public page, said so and recorded as a change
    withdrawn = client.post(
        f"/organize/{row.slug}/communique/", {"ar": "", "fr": " ", "en": ""}, follow=True
    ).content.decode()
    assert "The communiqué is withdrawn from the public page: every text was empty." in withdrawn
    assert "See it on the public page" not in withdrawn
    row.refresh_from_db()
    assert row.communique == {}
    words = history(client, row)
    assert "changed · Event" in words
    assert f"Communiqué in English: {english[:20]}" in words


def test_the_invitations_are_in_the_history() -> None:
    row, _ = published_demo()
    client = organizer_client()
    page = client.post(f"/organize/{row.slug}/invite/").content.decode()
    sent = re.search(r'<p id="invited">(\d+) invitations? (was|were) sent\.</p>', page)
    assert sent is not None, page
    assert int(sent.group(1)) == len(mail.outbox) > 0
    words = history(client, row)
    # how many were delivered, of how many (the e-mail tally, as a publication's entry)
    assert f"sent · Invitations {row.slug} Invitations e-mailed: — → {sent.group(1)} of " in words
    assert words.index("sent · Invitations") < words.index("published · Schedule version")
