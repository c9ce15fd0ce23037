"""A small mission and helpers that write workbooks and CSV files the way organizers do."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import Workbook

from liqa.core.model import (
    BrokerageSetup,
    Event,
    EventKind,
    Leg,
    MeetingFormat,
    MeetingRequest,
    Organization,
    OrgKind,
    Person,
    RequestStatus,
    Session,
    Side,
    TimeWindow,
    Venue,
)
from liqa.core.spreadsheets.cells import Cell

CHICAGO = ZoneInfo("America/Chicago")
LEGS = (
    Leg("houston", "Houston", "America/Chicago", date(2024, 2, 11), date(2024, 2, 15)),
    Leg("sv", "San Jose", "America/Los_Angeles", date(2024, 2, 16), date(2024, 2, 21)),
)


def base_event(kind: EventKind = EventKind.TRADE_MISSION) -> Event:
    """An event with legs and venues (and slots at a brokerage event) but no
    organizations, people or requests."""
    brokerage = None
    if kind is EventKind.BROKERAGE:
        morning = Session(
            "morning",
            datetime(2024, 2, 12, 9, tzinfo=CHICAGO),
            datetime(2024, 2, 12, 12, tzinfo=CHICAGO),
        )
        brokerage = BrokerageSetup("v-nasa", 20, 30, (morning,))
    return Event(
        id="mini",
        kind=kind,
        title={"en": "Mini mission"},
        legs=LEGS,
        venues=(Venue("v-nasa", "NASA Johnson Space Center", "Houston", "America/Chicago"),),
        brokerage=brokerage,
    )


def mission() -> Event:
    """A small full mission: two organizations, three people, two requests."""
    return Event(
        id="mini",
        kind=EventKind.TRADE_MISSION,
        title={"en": "Mini mission"},
        legs=LEGS,
        venues=base_event().venues,
        organizations=(
            Organization(
                "DGSSI",
                "Direction Générale de la Sécurité des Systèmes d'Information",
                Side.DELEGATION,
                OrgKind.GOVERNMENT,
                name_ar="المديرية العامة لأمن نظم المعلومات",
                short_name="DGSSI",
                themes=("cybersecurity",),
                seeks={"fr": "Formation, audit", "ar": "التكوين"},
            ),
            Organization(
                "h-nasa",
                "NASA",
                Side.HOST,
                OrgKind.AGENCY,
                venue="v-nasa",
                offers={"en": "=Cyber resilience"},
                fictional=True,
            ),
        ),
        people=(
            Person(
                "p-lamrani",
                "Sarah Lamrani",
                "DGSSI",
                role="Director",
                name_ar="سارة لمراني",
                languages=("ar", "fr", "en"),
                email="s.lamrani@example.org",
                phone="+212 600 000 000",
                availability=(
                    TimeWindow(
                        datetime(2024, 2, 12, 8, tzinfo=CHICAGO),
                        datetime(2024, 2, 12, 18, tzinfo=CHICAGO),
                    ),
                ),
            ),
            Person("p-el-idrissi", "Youssef El Idrissi", "DGSSI", table=4),
            Person("p-smith", "John Smith", "h-nasa", role="-Head of outreach"),
        ),
        requests=(
            MeetingRequest(
                "r-1",
                "DGSSI",
                "h-nasa",
                priority=3,
                status=RequestStatus.ACCEPTED,
                format=MeetingFormat.SITE_VISIT,
                duration_minutes=90,
                attendees=("p-el-idrissi",),
            ),
            MeetingRequest(
                "r-2",
                "p-lamrani",
                "p-smith",
                message="@cloud security",
                fixed_start=datetime(2024, 2, 13, 10, 30, tzinfo=CHICAGO),
                after=("r-1",),
            ),
        ),
    )


def workbook(path: Path, sheets: dict[str, Sequence[Sequence[Cell]]]) -> Path:
    """Write ``sheets`` (name -> rows of raw cells) to an XLSX workbook, as typed."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def csv_file(
    path: Path, rows: Sequence[Sequence[str]], *, delimiter: str = ",", encoding: str = "utf-8"
) -> Path:
    """Write ``rows`` to a CSV file."""
    with path.open("w", encoding=encoding, newline="") as stream:
        csv.writer(stream, delimiter=delimiter).writerows(rows)
    return path
