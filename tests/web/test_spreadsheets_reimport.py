"""What an organizer sees after uploading the event's spreadsheets again: a row refused for
a bad cell is the one problem (its people and requests are not "left out"), the history
records what the upload changed (nothing: no entry), and confirming an upload that
withdraws host administrator roles names them on the page, as the preview did. Runs on
SQLite, and on PostgreSQL with ``DATABASE_URL``."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.audit.models import AuditEntry
from liqa.web.events.models import Event, Person
from tests.web.factories import history_changes
from tests.web.spreadsheet_steps import decide, staged_token, tables, upload, without_rows

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]


def _imports(event: Event) -> list[dict[str, Any]]:
    """The changes of the history's import entries after the event's own (its creation),
    oldest first."""
    entries = AuditEntry.objects.filter(event=event.slug, model="event", action="imported")
    found = [entry.changes for entry in entries.order_by("id")]
    assert found[0] == {"organizations": [None, 3], "people": [None, 3], "requests": [None, 3]}
    return found[1:]


def _three(event: Event, folder: Path) -> list[Path]:
    found = tables(event, folder)
    return [found["organization"], found["people"], found["request"]]


def _text(page: str, id: str) -> str:
    found = re.search(rf'id="{id}"[^>]*>(.*?)</section>', page, re.S)
    assert found is not None, page
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split())


def test_the_same_workbook_again_records_no_change(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    before = AuditEntry.objects.filter(event=event.slug).count()
    answer = upload(organizer_client, event.slug, _three(event, tmp_path), None)
    assert answer.startswith("200 "), answer
    assert 'id="imported"' in answer
    assert AuditEntry.objects.filter(event=event.slug).count() == before
    assert _imports(event) == []


def test_a_new_person_is_recorded_as_the_count_from_then_to_now(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    files = _three(event, tmp_path)
    lines = files[1].read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = dict.fromkeys(header, "") | {"id": "p-nadia", "name": "Nadia", "organization": "o-alpha"}
    files[1].write_text(
        "\n".join([*lines, ",".join(row[h] for h in header)]) + "\n", encoding="utf-8"
    )
    counts = [Person.objects.filter(event=event).count()]
    answer = upload(organizer_client, event.slug, files, None)
    assert answer.startswith("200 "), answer
    counts.append(Person.objects.filter(event=event).count())
    assert _imports(event) == [{"people": counts, "records": [None, {"people": {"added": 1}}]}]
    page = organizer_client.get(f"/organize/{event.slug}/history/").content.decode()
    assert f"People: {counts[0]} → {counts[1]}" in history_changes(page)


def test_a_changed_address_names_the_table_it_changed(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    files = _three(event, tmp_path)
    text = files[1].read_text(encoding="utf-8")
    assert "chen@example.org" in text
    files[1].write_text(text.replace("chen@example.org", "li.chen@example.org"), encoding="utf-8")
    count = Person.objects.filter(event=event).count()
    answer = upload(organizer_client, event.slug, files, None)
    assert "1 account will lose its access to the event." in answer  # Chen's old address
    answer = decide(organizer_client, event.slug, staged_token(answer))
    assert answer.startswith("200 "), answer
    assert _imports(event) == [
        {"people": [count, count], "records": [None, {"people": {"changed": 1}}]}
    ]


def test_confirming_names_the_host_administrator_roles_withdrawn(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    Person.objects.create(
        event=event,
        key="p-fatima",
        position=3,
        name="Fatima Zahra",
        organization="o-beta",
        email="fatima@example.org",
    )
    accounts.enrol_everyone(event)
    accounts.grant_host(event, "o-beta", "p-fatima")
    people = without_rows(tables(event, tmp_path)["people"], "p-fatima")
    answer = upload(organizer_client, event.slug, [people], "remove")
    assert answer.startswith("200 "), answer
    answer = decide(organizer_client, event.slug, staged_token(answer))
    assert answer.startswith("200 "), answer
    assert _text(answer, "hosts-withdrawn") == (
        "Host administrator roles withdrawn "
        "Fatima Zahra no longer administers the host page of Beta Bank."
    )


def test_an_upload_withdrawing_no_role_says_nothing_of_roles(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    answer = upload(organizer_client, event.slug, _three(event, tmp_path), None)
    assert answer.startswith("200 "), answer
    assert "hosts-withdrawn" not in answer


def test_a_blank_organization_name_is_the_one_problem_on_the_page(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    files = _three(event, tmp_path)
    lines = files[0].read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("o-beta,"))
    lines[number] = lines[number].replace("Beta Bank", "")
    files[0].write_text("\n".join(lines) + "\n", encoding="utf-8")
    answer = upload(organizer_client, event.slug, files, None)
    assert answer.startswith("400 "), answer
    assert "1 problem: nothing was imported" in answer
    assert "the table leaves out" not in answer
    rows = re.findall(r"<tr><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td>", answer, re.S)
    assert [(html.unescape(w), html.unescape(m)) for w, m in rows] == [
        (f"{files[0].name} row {number + 1}, column 'name'", "the organization has no name"),
        (
            f"{files[1].name}, {files[2].name}",
            "not checked further: 3 rows that name a row refused above "
            f"({files[1].name} rows 3; {files[2].name} rows 2, 4)",
        ),
    ]
