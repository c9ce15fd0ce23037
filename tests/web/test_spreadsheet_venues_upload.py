"""The web upload stores a venues sheet as it stores the other tables, and previews the
venues it would remove."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.core.spreadsheets import export_event
from liqa.web.events.models import Event, Venue
from liqa.web.events.records import event_record, stored_event
from tests.web.spreadsheet_steps import decide, staged_token, tables, upload

PORT = core.Venue(
    "v-port",
    "Port de Radès",
    "Tunis",
    "Africa/Tunis",
    address="Radès",
    latitude=36.77,
    longitude=10.27,
    name_ar="ميناء رادس",
)


def test_a_venue_added_in_the_workbook_is_stored_and_named_by_a_host(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    core_event = stored_event(event)
    gamma = next(o for o in core_event.organizations if o.id == "o-gamma")
    changed = dataclasses.replace(
        core_event,
        venues=(*core_event.venues, PORT),
        organizations=tuple(
            dataclasses.replace(o, venue="v-port") if o is gamma else o
            for o in core_event.organizations
        ),
    )
    workbook = export_event(changed, tmp_path / "tables.xlsx")
    answer = upload(client_for(organizer), event.slug, workbook, "refuse")
    assert answer.startswith("200 "), answer
    assert '<span class="tag" data-table="venues">Venues 2</span>' in answer
    record = event_record(event)
    assert record.venues == (*core_event.venues, PORT)
    assert record.organization("o-gamma").venue == "v-port"


def test_a_venue_left_out_is_previewed_then_removed(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    Venue.objects.create(
        event=event, key="v-old", position=1, name="Old hall", city="Tunis", timezone="Africa/Tunis"
    )
    files = list(tables(event, tmp_path).values())
    venues = next(f for f in files if f.name == "venues.csv")
    lines = venues.read_text(encoding="utf-8-sig").splitlines()
    venues.write_text("\n".join(line for line in lines if "v-old" not in line) + "\n")
    client = client_for(organizer)
    preview = upload(client, event.slug, files, "remove")
    assert "Old hall (v-old)" in preview
    assert list(Venue.objects.filter(event=event).values_list("key", flat=True)) == [
        "v-hall",
        "v-old",
    ]
    done = decide(client, event.slug, staged_token(preview))
    assert done.startswith("200 "), done
    assert list(Venue.objects.filter(event=event).values_list("key", flat=True)) == ["v-hall"]


def test_an_unknown_venue_of_a_host_names_its_row(
    event: Event, organizer: User, client_for: Callable[..., Client], tmp_path: Path
) -> None:
    files = tables(event, tmp_path)
    organizations = files["organization"]
    text = organizations.read_text(encoding="utf-8-sig").replace("v-hall", "v-hal")
    organizations.write_text(text, encoding="utf-8")
    answer = upload(client_for(organizer), event.slug, list(files.values()), "refuse")
    assert answer.startswith("400 "), answer
    assert "organizations.csv row 3" in answer
    assert "unknown venue &#39;v-hal&#39;" in answer
    assert event_record(event).organization("o-beta").venue == "v-hall"
