"""A small valid mission file to mutate in tests, and helpers to read problems compactly."""

from __future__ import annotations

from liqa.core.missionfile import validate_text
from liqa.core.problems import Problem

VALID = """\
liqa: 2
event:
  id: mini
  kind: trade_mission
  title: {en: Mini mission, fr: Mini mission, ar: بعثة صغيرة}
  themes: [cybersecurity]
legs:
  - id: houston
    city: Houston
    timezone: America/Chicago
    start: 2024-02-11
    end: 2024-02-15
    hotel: v-hotel
  - id: sv
    city: San Jose
    timezone: America/Los_Angeles
    start: 2024-02-16
    end: 2024-02-21
venues:
  - id: v-hotel
    name: Hilton Americas
    city: Houston
    timezone: America/Chicago
    lat: 29.752
    lon: -95.3583
  - id: v-nasa
    name: NASA Johnson Space Center
    city: Houston
    timezone: America/Chicago
organizations:
  - id: DGSSI
    name: General Directorate for Information Systems Security
    name_ar: المديرية العامة لأمن نظم المعلومات
    side: delegation
    kind: government
  - id: h-nasa
    name: NASA
    side: host
    venue: v-nasa
people:
  - id: p-lamrani
    name: Sarah Lamrani
    organization: DGSSI
    availability:
      - {start: "2024-02-12 08:00", end: "2024-02-12 18:00"}
  - id: p-host
    name: John Smith
    organization: h-nasa
requests:
  - id: r-1
    from: DGSSI
    to: h-nasa
    priority: 3
    status: accepted
visits:
  - id: vis-nasa
    host: h-nasa
    duration_minutes: 90
programme:
  - id: prog-briefing
    kind: briefing
    title: Welcome briefing
    start: "2024-02-12 08:30"
    end: "2024-02-12 10:00"
    venue: v-hotel
"""


def line_of(text: str, fragment: str) -> int:
    """1-based line of the only line containing ``fragment``."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert len(hits) == 1, f"{fragment!r} found on lines {hits}"
    return hits[0]


def mutate(old: str, new: str, text: str = VALID) -> str:
    """``text`` with the one occurrence of ``old`` replaced by ``new``."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def problems_of(text: str, filename: str = "mission.yaml") -> list[Problem]:
    """Every problem of mission file ``text`` (and checks that no event came with them)."""
    event, problems = validate_text(text, filename)
    assert (event is None) == bool(problems)
    return problems


def brief(problems: list[Problem]) -> list[tuple[int | None, str, str, str, str]]:
    """Problems as (line, path, message, hint, code) tuples for exact comparisons."""
    return [(p.line, p.path, p.message, p.hint, p.code) for p in problems]
