"""The spreadsheet preview's sign-in accounts are the ones storing the files makes,
keeps and withdraws, counted by the rules that do it.

Before, the preview counted only the participants of the people removed and the
administrators of the hosts removed: an upload removing Dina and giving Chen another
address said "1 account will lose its access to the event." where two did (Chen's old
address too), and said nothing of the accounts made for new addresses. Runs on SQLite,
and on PostgreSQL with ``DATABASE_URL``."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts.models import Membership
from liqa.web.events.models import Event, Person
from tests.web.spreadsheet_steps import decide, staged_token, tables, upload, without_rows

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]


def _with_people(path: Path, *people: dict[str, str]) -> Path:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].lstrip("\ufeff").split(",")
    added = [",".join((dict.fromkeys(header, "") | p)[h] for h in header) for p in people]
    path.write_text("\n".join([*lines, *added]) + "\n", encoding="utf-8")
    return path


def _with_access(event: Event) -> set[int]:
    return set(Membership.objects.filter(event=event).values_list("user_id", flat=True))


def test_the_preview_counts_the_accounts_storing_makes_keeps_and_withdraws(
    event: Event, dina: Person, organizer_client: Client, stranger: User, tmp_path: Path
) -> None:
    people = without_rows(tables(event, tmp_path)["people"], "p-dina")
    people.write_text(
        people.read_text(encoding="utf-8").replace("chen@example.org", "li.chen@example.org"),
        encoding="utf-8",
    )
    _with_people(
        people,
        {
            "id": "p-nadia",
            "name": "Nadia Ben",
            "organization": "o-alpha",
            "email": "nadia@example.org",
        },
        {
            "id": "p-sami",
            "name": "Sami Ali",
            "organization": "o-beta",
            "email": "Stranger@example.org",
        },
    )
    before, users = _with_access(event), get_user_model().objects.count()
    answer = upload(organizer_client, event.slug, [people], "remove")
    assert answer.startswith("200 "), answer[:300]
    told = [
        "2 sign-in accounts will be created for new addresses.",
        "1 existing account will be given access to the event.",
        "3 accounts will keep their access to the event.",
        "2 accounts will lose their access to the event.",
    ]
    assert [line for line in told if line in answer] == told
    assert "1 account will lose its access to the event." not in answer

    done = decide(organizer_client, event.slug, staged_token(answer))
    assert done.startswith("200 "), done[:300]
    after = _with_access(event)
    created = get_user_model().objects.count() - users
    assert (created, len(after - before) - created, len(before & after), len(before - after)) == (
        2,
        1,
        3,
        2,
    )
