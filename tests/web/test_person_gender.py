"""People's gender (``female``/``male``) in the web app: stored, edited, given by the API,
kept by a backup, and read by the pages, whose French and Arabic titles agree with it."""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.backup.dump import backup_event
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Event, Person
from liqa.web.events.records import event_record, store_event
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.core.outputs.feminine import FEMININE_FORMS, feminine_catalog  # noqa: F401
from tests.web.factories import api_client_for as _api
from tests.web.factories import make_core_event, make_schedule, person_user


def _with_genders(event: core.Event) -> core.Event:
    """Bruno Martin, Beta Bank's host, becomes Brune Martin, its director; Amina a woman;
    Chen Li without a gender."""
    female = core.Gender.FEMALE
    changes = {
        "p-amina": lambda p: dataclasses.replace(p, gender=female),
        "p-bruno": lambda p: dataclasses.replace(
            p, name="Brune Martin", role="Director", gender=female
        ),
    }
    people = tuple(changes.get(p.id, lambda p: p)(p) for p in event.people)
    return dataclasses.replace(event, people=people)


@pytest.fixture
def gendered_event(db: None) -> Event:
    """The test event with its people's genders, published, everyone enrolled."""
    core_event = _with_genders(make_core_event())
    row = store_event(core_event)
    row.public = True
    row.save(update_fields=["public"])
    accounts.enrol_everyone(row)
    publish(store_schedule(row, make_schedule(core_event)), notify=False)
    return row


def test_stored_gender_reads_back_and_stays_unset_for_the_others(gendered_event: Event) -> None:
    event = event_record(gendered_event)
    assert [(p.id, p.gender) for p in event.people] == [
        ("p-amina", core.Gender.FEMALE),
        ("p-bruno", core.Gender.FEMALE),
        ("p-chen", None),
    ]
    assert Person.objects.get(event=gendered_event, key="p-chen").gender == ""


def _person_change(**fields: str) -> dict[str, str]:
    return {"key": "p-bruno", "name": "Bruno Martin", "organization": "o-beta", **fields}


def test_organizer_sets_and_clears_a_persons_gender_in_the_editing_form(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    url = f"/events/{event.slug}/edit/people/p-bruno/"
    form = client.get(url).content.decode()
    assert re.search(r'<select name="gender"[^>]*>', form)
    assert '<option value="female">female</option>' in form
    assert client.post(url, _person_change(gender="male")).status_code == 302
    assert event_record(event).person("p-bruno").gender is core.Gender.MALE
    assert 'value="male" selected' in client.get(url).content.decode()
    assert client.post(url, _person_change(gender="")).status_code == 302
    assert event_record(event).person("p-bruno").gender is None


def test_a_bad_gender_is_refused_naming_the_field(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    url = f"/events/{event.slug}/edit/people/p-bruno/"
    response = client.post(url, _person_change(gender="Mme"))
    assert response.status_code == 400
    page = response.content.decode()
    error = re.search(r'<ul class="error" id="error-gender"><li>(.*?)</li>', page)
    assert error is not None
    assert html.unescape(error.group(1)) == (
        "'Mme' is not a gender: choose female or male, or leave it empty (—) when not known."
    )
    assert event_record(event).person("p-bruno").gender is None


def test_api_gives_each_persons_gender_or_null(gendered_event: Event) -> None:
    amina = _api(person_user("amina@example.org"))
    response = amina.get(f"/api/events/{gendered_event.slug}/people/")
    assert response.status_code == 200
    assert {p["id"]: p["gender"] for p in response.json()} == {
        "p-amina": "female",
        "p-bruno": "female",
        "p-chen": None,
    }


def test_a_backup_keeps_peoples_gender(gendered_event: Event, tmp_path: Path) -> None:
    archive = tmp_path / "backup.zip"
    archive.write_bytes(backup_event(gendered_event).content)
    restored = restore_backup(archive, as_slug="copy-2030")
    assert [(p.id, p.gender) for p in event_record(restored.event).people] == [
        ("p-amina", core.Gender.FEMALE),
        ("p-bruno", core.Gender.FEMALE),
        ("p-chen", None),
    ]


def _who(page: str, key: str) -> list[str]:
    entry = page.split(f'data-id="{key}"', 1)[1].split("</li>", 1)[0]
    lines = re.findall(r'<p class="who">(.*?)</p>', entry, re.S)
    return [" ".join(re.sub(r"<[^>]+>", "", line).split()) for line in lines]


@pytest.mark.usefixtures("feminine_catalog", "empty_caches")
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_agenda_page_gives_a_woman_host_her_feminine_title(
    gendered_event: Event, client_for: Callable[..., Client], lang: str
) -> None:
    """Amina's agenda names Beta Bank's director "Directrice" / "المديرة" (with a catalog
    that has the feminine form; the shipped one gets it from the translators)."""
    amina = client_for(person_user("amina@example.org"))
    amina.post("/i18n/setlang/", {"language": lang, "next": "/"})
    page = amina.get(f"/me/{gendered_event.slug}/").content.decode()
    assert f"({FEMININE_FORMS[lang]['Director']})" in _who(page, "r-1")[1]
