"""An upload that removes nothing but withdraws sign-in access (a person given another
e-mail address: the old address's account loses the event) stops at the preview, with
the exact account counts and the names of those who lose their access; nothing is stored
until the organizer confirms. An upload that changes no access is stored at once.

Before, only removals and host roles were previewed: such an upload was stored at once
and the organizer was never told that Chen's account lost the event. Runs on SQLite, and
on PostgreSQL with ``DATABASE_URL``."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Membership, Role
from liqa.web.events.models import Event, Person
from liqa.web.events.staged_uploads import root
from tests.web.spreadsheet_steps import decide, staged_token, tables, upload

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("data_dir")]


def _readdressed(event: Event, folder: Path, old: str, new: str) -> Path:
    """The event's people table with one person's address changed, nothing else."""
    people = tables(event, folder)["people"]
    text = people.read_text(encoding="utf-8")
    assert old in text
    people.write_text(text.replace(old, new), encoding="utf-8")
    return people


def _access(event: Event) -> dict[int, str]:
    """The accounts with any role in the event: their address by id."""
    members = Membership.objects.filter(event=event).select_related("user")
    return {m.user_id: m.user.email for m in members}


def _withdrawn_list(answer: str) -> str:
    return answer.split('id="access-withdrawn">', 1)[1].split("</ul>", 1)[0]


def test_a_new_address_is_previewed_with_counts_and_the_name_of_who_loses_access(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    people = _readdressed(event, tmp_path, "chen@example.org", "li.chen@newco.example")
    before, users = _access(event), get_user_model().objects.count()
    answer = upload(organizer_client, event.slug, [people], "keep")
    assert answer.startswith("200 "), answer[:300]
    assert 'name="staged"' in answer  # stopped at the preview
    told = [
        "1 sign-in account will be created for a new address.",
        "3 accounts will keep their access to the event.",
        "1 account will lose its access to the event.",
    ]
    assert [line for line in told if line in answer] == told
    assert "existing account" not in answer  # no existing account is given access
    withdrawn = _withdrawn_list(answer)
    assert "Chen Li" in withdrawn
    assert "chen@example.org" in withdrawn
    assert "Amina" not in withdrawn
    assert "Store the files and withdraw this access" in answer
    assert "brought back from a backup" not in answer  # nothing is removed
    # nothing stored yet
    assert Person.objects.get(event=event, key="p-chen").email == "chen@example.org"
    assert (_access(event), get_user_model().objects.count()) == (before, users)


def test_cancelling_the_access_preview_stores_nothing(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    people = _readdressed(event, tmp_path, "chen@example.org", "li.chen@newco.example")
    before, users = _access(event), get_user_model().objects.count()
    answer = upload(organizer_client, event.slug, [people], "keep")
    done = decide(organizer_client, event.slug, staged_token(answer), "cancel")
    assert done.startswith("200 "), done[:300]
    assert 'id="cancelled"' in done
    assert Person.objects.get(event=event, key="p-chen").email == "chen@example.org"
    assert (_access(event), get_user_model().objects.count()) == (before, users)
    assert list(root().iterdir()) == []  # the staged files are deleted


def test_confirming_stores_and_the_accounts_are_as_previewed(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    people = _readdressed(event, tmp_path, "chen@example.org", "li.chen@newco.example")
    before, users = _access(event), get_user_model().objects.count()
    answer = upload(organizer_client, event.slug, [people], "keep")
    done = decide(organizer_client, event.slug, staged_token(answer))
    assert done.startswith("200 "), done[:300]
    assert 'id="imported"' in done
    after = _access(event)
    created = get_user_model().objects.count() - users
    given, kept = len(set(after) - set(before)) - created, len(set(before) & set(after))
    counts = (created, given, kept, len(set(before) - set(after)))
    assert counts == (1, 0, 3, 1)  # created, given, kept, withdrawn: as previewed
    assert [before[pk] for pk in set(before) - set(after)] == ["chen@example.org"]
    holders = Membership.objects.filter(event=event, role=Role.PARTICIPANT, person="p-chen")
    assert [m.user.email for m in holders] == ["li.chen@newco.example"]


def test_an_account_given_access_after_the_preview_stops_the_confirmation(
    event: Event, organizer_client: Client, stranger: User, tmp_path: Path
) -> None:
    """The preview named who loses access; confirming would withdraw one more account (a
    role granted meanwhile that the upload lapses), so nothing is stored."""
    people = _readdressed(event, tmp_path, "chen@example.org", "li.chen@newco.example")
    answer = upload(organizer_client, event.slug, [people], "keep")
    accounts.grant(stranger, event, Role.PARTICIPANT, person="p-chen")
    done = decide(organizer_client, event.slug, staged_token(answer))
    assert done.startswith("400 "), done[:300]
    assert "the event changed since the preview" in done
    assert Person.objects.get(event=event, key="p-chen").email == "chen@example.org"


def test_an_upload_that_changes_no_access_is_stored_at_once(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    people = tables(event, tmp_path)["people"]
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("Chen Li", "Chen Lee"), encoding="utf-8")
    before = _access(event)
    answer = upload(organizer_client, event.slug, [people], "keep")
    assert answer.startswith("200 "), answer[:300]
    assert 'name="staged"' not in answer
    assert 'id="imported"' in answer
    assert Person.objects.get(event=event, key="p-chen").name == "Chen Lee"
    assert _access(event) == before


def test_a_new_person_with_a_new_address_is_stored_at_once(
    event: Event, organizer_client: Client, tmp_path: Path
) -> None:
    """Giving access withdraws none: adding delegates is not held for a preview."""
    people = tables(event, tmp_path)["people"]
    lines = people.read_text(encoding="utf-8").splitlines()
    header = lines[0].lstrip("\ufeff").split(",")
    new = {"id": "p-nadia", "name": "Nadia Ben", "organization": "o-alpha"}
    new["email"] = "nadia@example.org"
    lines.append(",".join(new.get(h, "") for h in header))
    people.write_text("\n".join(lines) + "\n", encoding="utf-8")
    answer = upload(organizer_client, event.slug, [people], "keep")
    assert 'name="staged"' not in answer, answer[:300]
    holders = Membership.objects.filter(event=event, person="p-nadia").select_related("user")
    assert [m.user.email for m in holders] == ["nadia@example.org"]


def test_the_access_preview_names_people_in_the_arabic_readers_script(
    event: Event, dina: Person, organizer_client: Client, tmp_path: Path
) -> None:
    people = _readdressed(event, tmp_path, "dina@example.org", "dina.h@example.org")
    organizer_client.cookies["django_language"] = "ar"
    answer = upload(organizer_client, event.slug, [people], "keep")
    assert answer.startswith("200 "), answer[:300]
    withdrawn = _withdrawn_list(answer)
    assert "دينا حداد" in withdrawn
    assert "Dina Haddad" not in withdrawn
    assert '<bdi dir="ltr">dina@example.org</bdi>' in withdrawn
    assert Person.objects.get(event=event, key="p-dina").email == "dina@example.org"


@pytest.mark.parametrize(
    ("lang", "heading", "button"),
    [
        (
            "fr",
            "Vérifiez qui perd l'accès à l'événement",
            "Enregistrer les fichiers et retirer ces accès",
        ),
        (
            "ar",
            "تحقّق ممن يفقد الوصول إلى الفعالية",
            "خزّن الملفات واسحب هذا الوصول",
        ),
    ],
)
def test_the_access_preview_in_french_and_arabic(
    event: Event, organizer_client: Client, tmp_path: Path, lang: str, heading: str, button: str
) -> None:
    """Fails until the catalog has the new msgids (fr and ar as given in the report)."""
    people = _readdressed(event, tmp_path, "chen@example.org", "li.chen@newco.example")
    organizer_client.cookies["django_language"] = lang
    answer = upload(organizer_client, event.slug, [people], "keep")
    assert answer.startswith("200 "), answer[:300]
    page = html.unescape(answer)
    assert (heading in page, button in page) == (True, True)
