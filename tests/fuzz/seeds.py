"""Valid mission files that the near-valid strategies start from (one of each kind)."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from liqa.core.missionfile.reading import read_text
from tests.core.missionfile.factories import VALID as TRADE_MISSION

BROKERAGE = """\
liqa: 2
event:
  id: tunis-b2b
  kind: brokerage
  title: {en: Tunis B2B, fr: Rencontres B2B, ar: لقاءات الأعمال}
  languages: [ar, fr, en]
  themes: [fintech, agritech]
legs:
  - id: tunis
    city: Tunis
    timezone: Africa/Tunis
    start: 2030-03-14
    end: 2030-03-15
    day: {start: "08:30", end: "18:00"}
    lunch: {start: "12:00", end: "14:00", minutes: 60}
    travel: {speed_kmh: 30, detour_factor: 1.3, buffer_minutes: 10}
venues:
  - id: v-hall
    name: Palais des Congrès
    name_ar: قصر المؤتمرات
    city: Tunis
    timezone: Africa/Tunis
    lat: 36.8065
    lon: 10.1815
organizations:
  - id: o-alpha
    name: Alpha Pay
    side: delegation
    kind: company
    country: MA
    themes: [fintech]
    offers: {fr: Paiement mobile, ar: الدفع عبر الهاتف}
  - id: o-beta
    name: Beta Bank
    side: host
    venue: v-hall
  - id: o-gamma
    name: Gamma Farms
    side: both
people:
  - id: p-amina
    name: Amina Idrissi
    name_ar: أمينة الإدريسي
    organization: o-alpha
    languages: [ar, fr]
    email: amina@example.org
    table: 1
    availability:
      - {start: "2030-03-14 09:00", end: "2030-03-14 12:00"}
  - id: p-bruno
    name: Bruno Martin
    organization: o-beta
    table: 2
  - id: p-chen
    name: Chen Li
    organization: o-gamma
requests:
  - id: r-1
    from: p-amina
    to: p-bruno
    priority: must_meet
    status: accepted
    session: morning
    fixed_start: "2030-03-14 09:20"
    created_at: "2030-01-20T10:00:00+01:00"
  - id: r-2
    from: o-alpha
    to: p-chen
    after: [r-1]
    attendees: [p-amina]
programme:
  - id: prog-opening
    kind: reception
    title: {fr: Ouverture, ar: الافتتاح}
    start: "2030-03-14T08:30:00+01:00"
    end: "2030-03-14 09:00"
    venue: v-hall
brokerage:
  venue: v-hall
  slot_minutes: 20
  tables: 10
  max_meetings_per_session: 6
  sessions:
    - {id: morning, start: "2030-03-14 09:00", end: "2030-03-14 12:00"}
    - {id: afternoon, start: "2030-03-15 14:00", end: "2030-03-15 17:00"}
outcomes:
  - assignment: r-1
    kind: held
    follow_up: proposal
    owner: p-amina
    notes: Devis à envoyer
    recorded_at: "2030-03-14T18:00:00+01:00"
"""

SEED_TEXTS = {"trade_mission.yaml": TRADE_MISSION, "brokerage.yaml": BROKERAGE}
"""Seed file name -> text; both load without a problem (tests/fuzz/test_seeds.py)."""


def seed_data(name: str) -> Any:
    """The seed's parsed data (plain dicts, lists and scalars), a fresh copy each call."""
    return copy.deepcopy(_parsed(name))


@cache
def _parsed(name: str) -> Any:
    return read_text(SEED_TEXTS[name], name).data
