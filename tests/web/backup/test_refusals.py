"""Bad, tampered or hostile archives are refused with a message naming the member and the
field; nothing is written unless everything can be."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from liqa.core.problems import InputError, Problem
from liqa.web.backup.dump import backup_event
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import Event

pytestmark = pytest.mark.integration


@pytest.fixture
def small(event: Event, tmp_path: Path) -> Path:
    """The backup of the small brokerage event of the web factories."""
    path = tmp_path / "small.zip"
    path.write_bytes(backup_event(event).content)
    return path


def rewrite(
    source: Path, changes: dict[str, bytes | None], *, sign: bool = True, name: str = "bad.zip"
) -> Path:
    """A copy of the archive with members replaced, added or (``None``) removed; with
    ``sign``, the manifest's digests follow, as a careful tamperer would do."""
    with zipfile.ZipFile(source) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    for member, content in changes.items():
        if content is None:
            members.pop(member)
        else:
            members[member] = content
    if sign:
        manifest = json.loads(members["manifest.json"])
        for member in changes:
            if member != "manifest.json" and members.get(member) is not None:
                manifest["members"][member] = {
                    "sha256": hashlib.sha256(members[member]).hexdigest(),
                    "bytes": len(members[member]),
                }
        members["manifest.json"] = json.dumps(manifest).encode()
    target = source.with_name(name)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return target


def member(path: Path, name: str) -> object:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(name))


def refusal(path: Path, **options: object) -> list[tuple[str, str, str]]:
    with pytest.raises(InputError) as caught:
        restore_backup(path, **options)  # type: ignore[arg-type]
    return [(p.file, p.path, p.message) for p in caught.value.problems]


def test_restore_over_an_existing_event_is_refused_without_replace(small: Path) -> None:
    with pytest.raises(InputError) as caught:
        restore_backup(small)
    assert caught.value.problems == [
        Problem(
            str(small),
            "an event with id 'tunis-b2b-2030' already exists; nothing was restored",
            "add --replace to overwrite it, or --as NEW_ID to restore a copy beside it",
            code="duplicate_event",
        )
    ]


def test_restore_of_a_file_that_is_not_a_zip_is_refused(tmp_path: Path, db: None) -> None:
    path = tmp_path / "backup.zip"
    path.write_text("event: not a zip", encoding="utf-8")
    assert refusal(path) == [
        (str(path), "", "not a liqa backup: not a zip archive (File is not a zip file)")
    ]


def test_changed_member_is_refused_by_its_digest(small: Path) -> None:
    path = rewrite(small, {"runs.json": b"[ ]\n"}, sign=False)
    assert refusal(path) == [
        (
            f"{path}:runs.json",
            "",
            "does not match its SHA-256 in manifest.json: the member was changed or damaged",
        )
    ]


def test_bad_fields_are_named_with_their_path(small: Path) -> None:
    memberships = member(small, "memberships.json")
    assert isinstance(memberships, list)
    memberships[1]["role"] = "emperor"
    versions = [{"number": 1, "created_at": "2030-03-14 09:00", "published_at": None}]
    path = rewrite(
        small,
        {
            "memberships.json": json.dumps(memberships).encode(),
            "versions.json": json.dumps(versions).encode(),
        },
    )
    assert refusal(path) == [
        (
            f"{path}:memberships.json",
            "[1].role",
            "'emperor' is not one of ['host_admin', 'organizer', 'participant']",
        ),
        (
            f"{path}:versions.json",
            "[0]",
            "'assignments' is a required property",
        ),
        (f"{path}:versions.json", "[0]", "'provenance' is a required property"),
        (f"{path}:versions.json", "[0]", "'unplaced' is a required property"),
        (
            f"{path}:versions.json",
            "[0].created_at",
            "'2030-03-14 09:00' is not an instant with its UTC offset (ISO 8601)",
        ),
    ]


def test_broken_references_are_named(small: Path) -> None:
    memberships = member(small, "memberships.json")
    runs: list[dict[str, object]] = [
        {
            "state": "done",
            "base": None,
            "result": 7,
            "created_by": "ghost",
            "created_at": "2030-03-01T10:00:00+00:00",
            "started_at": None,
            "finished_at": None,
            "time_limit": 1.0,
            "elapsed": 0.0,
            "objective": {},
            "bound": None,
            "gap": None,
            "cancel_requested": False,
            "message": "",
        }
    ]
    assert isinstance(memberships, list)
    memberships[0]["person"] = "p-nobody"
    manifest = member(small, "manifest.json")
    assert isinstance(manifest, dict)
    manifest["counts"]["runs"] = 1
    path = rewrite(
        small,
        {
            "memberships.json": json.dumps(memberships).encode(),
            "runs.json": json.dumps(runs).encode(),
            "manifest.json": json.dumps(manifest).encode(),
        },
    )
    assert refusal(path) == [
        (f"{path}:memberships.json", "[0].person", "unknown person 'p-nobody'"),
        (f"{path}:runs.json", "[0].result", "unknown version 7"),
        (f"{path}:runs.json", "[0].created_by", "unknown user 'ghost'"),
    ]


def test_counts_that_disagree_with_the_members_are_refused(small: Path) -> None:
    path = rewrite(small, {"memberships.json": b"[]"})
    assert refusal(path) == [
        (f"{path}:manifest.json", "counts.memberships", "says 3 but the archive holds 0")
    ]


def test_broken_mission_file_reports_the_core_problems_with_lines(small: Path) -> None:
    with zipfile.ZipFile(small) as archive:
        text = archive.read("mission.yaml").decode()
    broken = text.replace("kind: brokerage", "kind: picnic", 1)
    path = rewrite(small, {"mission.yaml": broken.encode()})
    [(file, where, message)] = refusal(path)
    assert (file, where) == (f"{path}:mission.yaml", "event.kind")
    assert message.startswith("'picnic' is not")


def test_missing_unknown_and_newer_members_are_refused(small: Path) -> None:
    path = rewrite(small, {"runs.json": None, "extra.json": b"{}"}, sign=False)
    assert refusal(path) == [
        (f"{path}:extra.json", "", "not a member of a liqa backup (written by a newer liqa?)"),
        (f"{path}:runs.json", "", "missing from the archive"),
    ]
    manifest = member(small, "manifest.json")
    assert isinstance(manifest, dict)
    manifest["format_version"] = 2
    path = rewrite(small, {"manifest.json": json.dumps(manifest).encode()}, name="newer.zip")
    assert refusal(path) == [
        (
            f"{path}:manifest.json",
            "format_version",
            "written by a newer liqa (backup format 2; this liqa reads format 1)",
        )
    ]


def test_zip_bomb_member_is_refused_before_it_is_unpacked(small: Path) -> None:
    path = rewrite(small, {"runs.json": b" " * (64 * 1024 * 1024)}, sign=False)
    [(file, where, message)] = refusal(path)
    assert (file, where) == (str(path), "")
    assert message.startswith("member runs.json unpacks to 67108864 bytes (")
    assert message.endswith(":1), more than allowed (a zip bomb?)")


def test_failure_while_writing_leaves_nothing_behind(small: Path) -> None:
    Event.objects.all().delete()
    get_user_model().objects.all().delete()
    users = member(small, "users.json")
    assert isinstance(users, list)
    # the archive's user has an e-mail no account has, but its username is taken
    get_user_model().objects.create_user(users[0]["username"], "someone.else@example.org")
    assert refusal(small) == [
        (
            f"{small}:users.json",
            "",
            f"user {users[0]['username']} has an e-mail no account here has, and another "
            "account already uses that username",
        )
    ]
    assert Event.objects.count() == 0


def test_invalid_new_id_is_refused(small: Path) -> None:
    assert refusal(small, as_slug="no spaces/please") == [
        ("--as", "", "'no spaces/please' is not an event id")
    ]


def test_unicode_mission_member_must_be_utf8(small: Path) -> None:
    path = rewrite(small, {"mission.yaml": "événement".encode("latin-1")})
    assert refusal(path) == [(f"{path}:mission.yaml", "", "not UTF-8 text (bad byte at offset 0)")]


def test_archive_round_trips_through_bytes(small: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(small.read_bytes())) as archive:
        assert archive.namelist() == [
            "manifest.json",
            "mission.yaml",
            "users.json",
            "event.json",
            "memberships.json",
            "versions.json",
            "runs.json",
            "confirmations.json",
            "reminders.json",
            "bookings.json",
            "audit.json",
        ]
