"""The communiqué names each kind of host by what it is.

Every host that was not a company used to be called a "public institution": the demo
mission's two universities and its association were among "7 public institutions" with the
government offices it met. Hosts are now counted kind by kind (companies, government
institutions, government agencies, academic institutions, associations, other
organizations), empty kinds left out, their sum the report's hosts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from liqa.core.missionfile import load_event
from liqa.core.model import (
    Event,
    Organization,
    OrgKind,
    Schedule,
    Side,
)
from liqa.core.outputs.communique import build_communique, scheduled_meetings
from liqa.core.outputs.report import compute_figures, hosts_met
from liqa.core.outputs.timeline import timeline
from liqa.core.scheduling.planning import PlanSettings, plan_event
from tests.core.outputs.mission import (
    CYBER_MEETING,
    NASA_VISIT,
    make_event,
    make_schedule,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


@cache
def planned(name: str) -> tuple[Event, Schedule]:
    """An example planned once per test process."""
    event = load_event(EXAMPLES / name / "mission.yaml")
    return event, plan_event(event, PlanSettings(time_limit=1.0)).schedule


def host_kinds(event: Event, schedule: Schedule) -> Counter[OrgKind]:
    """The kinds of the distinct host organizations met (the report's ``hosts``)."""
    met = hosts_met(event, scheduled_meetings(timeline(event, schedule)))
    return Counter(o.kind for o in event.organizations if o.id in met)


def with_nasa_as(kind: OrgKind) -> Event:
    """The hand-built mission with its NASA host of ``kind``."""
    event = make_event()
    organizations = tuple(
        replace(o, kind=kind) if o.id == "h-nasa" else o for o in event.organizations
    )
    return replace(event, organizations=organizations)


@pytest.mark.parametrize(
    ("kind", "hosts"),
    [
        (OrgKind.COMPANY, "1 company"),
        (OrgKind.GOVERNMENT, "1 government institution"),
        (OrgKind.AGENCY, "1 government agency"),
        (OrgKind.ACADEMIC, "1 academic institution"),
        (OrgKind.ASSOCIATION, "1 association"),
        (OrgKind.OTHER, "1 organization"),  # not "1 other organization": other than what?
    ],
)
def test_one_host_is_named_by_its_kind(kind: OrgKind, hosts: str) -> None:
    communique = build_communique(with_nasa_as(kind), make_schedule(1, NASA_VISIT), "en")
    assert communique.paragraphs[2].endswith(
        f"The programme included 1 professional meeting with {hosts}, which shared its "
        "experience in cybersecurity."
    ), communique.paragraphs[2]


def test_hosts_of_every_kind_are_counted_by_kind_in_the_press_order() -> None:
    """Companies, government institutions, agencies, academic institutions, associations,
    then the others; an empty group is left out; two of a kind read in the plural."""
    base = make_event()
    extra = (
        Organization("h-uni", "Rice University", Side.HOST, OrgKind.ACADEMIC),
        Organization("h-lab", "Valley Research Institute", Side.HOST, OrgKind.ACADEMIC),
        Organization("h-club", "Texas Tech Club", Side.HOST, OrgKind.ASSOCIATION),
        Organization("h-hub", "Startup Station", Side.HOST, OrgKind.OTHER),
        Organization("h-desk", "Trade Desk", Side.HOST, OrgKind.AGENCY),
    )
    event = replace(base, organizations=base.organizations + extra)
    visits = [
        replace(CYBER_MEETING, id=f"r-{org.id}", parties=("DGSSI", org.id), table=None)
        for org in extra
    ]
    schedule = make_schedule(1, NASA_VISIT, CYBER_MEETING, *visits)
    programme = build_communique(event, schedule, "en").paragraphs[2]
    assert (
        "The programme included 7 professional meetings with 1 company, 1 government "
        "institution, 1 government agency, 2 academic institutions, 1 association, and 1 other "
        "organization, who shared their experience in" in programme
    ), programme
    assert "public institution" not in programme
    assert compute_figures(event, schedule, "en").hosts == 7


def test_the_demo_missions_hosts_are_named_by_kind() -> None:
    """The seed mission met companies, government offices, universities and an association:
    only the government offices are government institutions (no "public institution")."""
    event, schedule = planned("morocco-us-digital-2024")
    kinds = host_kinds(event, schedule)
    companies, government = kinds[OrgKind.COMPANY], kinds[OrgKind.GOVERNMENT]
    academic, associations = kinds[OrgKind.ACADEMIC], kinds[OrgKind.ASSOCIATION]
    assert set(kinds) == {
        OrgKind.COMPANY,
        OrgKind.GOVERNMENT,
        OrgKind.ACADEMIC,
        OrgKind.ASSOCIATION,
    }
    assert companies > 1
    assert government > 1
    assert associations == 1
    universities = (
        "1 academic institution" if academic == 1 else f"{academic} academic institutions"
    )
    programme = build_communique(event, schedule, "en").paragraphs[2]
    assert (
        f"with {companies} companies, {government} government institutions, {universities}, "
        "and 1 association, who shared their experience in " in programme
    ), programme
    assert sum(kinds.values()) == compute_figures(event, schedule, "en").hosts
    assert "public institution" not in programme


def test_the_seed_missions_french_and_arabic_hosts_read_as_the_seed_article() -> None:
    """Needs the catalog's French and Arabic for the new host kinds: the seed article's
    "مع شركات … ومع مؤسسات حكومية", one or two of a kind said by the noun (singular, dual)."""
    event, schedule = planned("morocco-us-digital-2024")
    kinds = host_kinds(event, schedule)
    companies, government = kinds[OrgKind.COMPANY], kinds[OrgKind.GOVERNMENT]
    academic, associations = kinds[OrgKind.ACADEMIC], kinds[OrgKind.ASSOCIATION]
    assert companies > 10
    assert 2 < government < 11
    assert academic in (1, 2)
    assert associations == 1
    universities = {1: "1 établissement universitaire", 2: "2 établissements universitaires"}
    fr = build_communique(event, schedule, "fr").paragraphs[2]
    assert (
        f"avec {companies} entreprises, {government} institutions publiques, "
        f"{universities[academic]} et 1 association, qui ont partagé leur expérience" in fr
    ), fr
    ar = build_communique(event, schedule, "ar").paragraphs[2]
    universities = {1: "مؤسسة جامعية واحدة", 2: "مؤسستين جامعيتين"}
    assert (
        f"مع {companies} شركة و{government} مؤسسات حكومية و{universities[academic]} "
        "وجمعية واحدة، تقاسمت تجاربها" in ar
    ), ar
