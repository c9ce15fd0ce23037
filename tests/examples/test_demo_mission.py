"""The demo mission has the shape the seed article and issue 2 promise."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from liqa.core.model import (
    Event,
    EventKind,
    MeetingFormat,
    ProgrammeKind,
    RequestStatus,
    Side,
)
from liqa.core.outputs.labels import org_name
from tests.examples.conftest import Checked

ARTICLE_ORGS = ["MTNRA", "ADD", "DGSSI", "CGEM", "AUSIM", "TECHNOPARK", "APEBI"]
THEMES = {
    "e-government",
    "artificial-intelligence",
    "cybersecurity",
    "cloud",
    "digital-identity",
    "data-centres",
    "skills-training",
    "startup-financing",
    "smart-cities",
    "energy-tech",
    "fintech",
    "telecoms",
}
ARABIC = re.compile(r"^[\u0600-\u06FF\s]+$")
CHICAGO = ZoneInfo("America/Chicago")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def test_demo_file_validates_without_problems(demo_checked: Checked) -> None:
    event, problems = demo_checked
    assert [str(p) for p in problems] == []
    assert event is not None


def test_demo_event_is_the_articles_mission(demo: Event) -> None:
    assert demo.id == "morocco-us-digital-2024"
    assert demo.kind is EventKind.TRADE_MISSION
    assert (demo.start, demo.end) == (date(2024, 2, 11), date(2024, 2, 21))
    assert demo.organizers == (
        {
            "en": "Commercial Section, US Consulate General in Casablanca (US Commercial Service)",
            "fr": "la Section commerciale du Consulat général des États-Unis à Casablanca "
            "(US Commercial Service)",
            "ar": "القسم التجاري الأمريكي التابع للقنصلية العامة الأمريكية بالدار البيضاء",
        },
        {
            "en": "US Trade and Development Agency (USTDA)",
            "fr": "l'Agence des États-Unis pour le commerce et le développement (USTDA)",
            "ar": "الوكالة الأمريكية للتجارة والتنمية (USTDA)",
        },
    )
    assert demo.languages == ("ar", "fr", "en")
    assert set(demo.themes) == THEMES


def test_demo_title_goals_description_in_three_languages(demo: Event) -> None:
    for text in (demo.title, demo.goals, demo.description):
        assert sorted(text) == ["ar", "en", "fr"]
    assert "skills development" in demo.goals["en"]
    assert "جذب الاستثمارات" in demo.goals["ar"]


def test_demo_legs_houston_then_silicon_valley_without_overlap(demo: Event) -> None:
    legs = [(leg.id, leg.city, leg.timezone, leg.start, leg.end, leg.hotel) for leg in demo.legs]
    assert legs == [
        (
            "houston",
            "Houston",
            "America/Chicago",
            date(2024, 2, 11),
            date(2024, 2, 15),
            "v-hotel-houston",
        ),
        (
            "silicon-valley",
            "Silicon Valley",
            "America/Los_Angeles",
            date(2024, 2, 16),
            date(2024, 2, 21),
            "v-hotel-santa-clara",
        ),
    ]
    assert demo.legs[0].end < demo.legs[1].start


def test_demo_delegation_is_15_people_from_the_7_named_organizations(demo: Event) -> None:
    delegation = [o.id for o in demo.organizations if o.side is Side.DELEGATION]
    assert delegation == ARTICLE_ORGS
    per_org = Counter(p.organization for p in demo.delegates())
    assert per_org == {
        "MTNRA": 3,
        "ADD": 3,
        "DGSSI": 2,
        "CGEM": 2,
        "AUSIM": 2,
        "TECHNOPARK": 1,
        "APEBI": 2,
    }


def test_demo_lamrani_is_the_only_real_delegate(demo: Event) -> None:
    lamrani = demo.person("p-lamrani")
    assert (lamrani.name, lamrani.name_ar, lamrani.organization) == (
        "Sarah Lamrani",
        "سارة العمراني",
        "MTNRA",
    )
    assert [p.id for p in demo.delegates() if not p.fictional] == ["p-lamrani"]


def test_demo_delegates_have_arabic_names_roles_languages_themes(demo: Event) -> None:
    incomplete = [
        p.id
        for p in demo.delegates()
        if not (ARABIC.match(p.name_ar) and p.role and p.themes)
        or not {"ar", "fr"} <= set(p.languages)
        or not set(p.themes) <= THEMES
    ]
    assert incomplete == []
    assert sum("en" in p.languages for p in demo.delegates()) == 12


def test_demo_moroccan_organizations_are_real_and_described_in_fr_and_ar(demo: Event) -> None:
    for org in demo.organizations:
        if org.side is Side.DELEGATION:
            assert (org.country, org.fictional) == ("MA", False), org.id
            assert ARABIC.match(org.name_ar), org.id
            assert {"fr", "ar"} <= set(org.offers) & set(org.seeks) & set(org.description)


def test_demo_moroccan_organizations_read_in_french_by_their_official_names(demo: Event) -> None:
    """French agendas named "Ministry of Digital Transition and Administrative Reform" in
    English. Technopark has no French name of its own: it keeps its name."""
    french = {o.id: org_name(o, "fr") for o in demo.organizations if o.id in ARTICLE_ORGS}
    assert french["MTNRA"] == (
        "Ministère de la Transition Numérique et de la Réforme de l'Administration"
    )
    assert french["DGSSI"].startswith("Direction Générale de la Sécurité des Systèmes")
    assert french["CGEM"] == "Confédération Générale des Entreprises du Maroc (CGEM)"
    assert french["TECHNOPARK"] == demo.organization("TECHNOPARK").name
    assert all(o.name_fr for o in demo.organizations if o.id in set(ARTICLE_ORGS) - {"TECHNOPARK"})
    assert org_name(demo.organization("MTNRA"), "en") == (
        "Ministry of Digital Transition and Administrative Reform"
    )


def test_demo_dgssi_seeks_soc_training_and_threat_intelligence(demo: Event) -> None:
    seeks = demo.organization("DGSSI").seeks["fr"]
    wanted = ("Formation en cybersécurité", "SOC", "threat intelligence")
    assert [w for w in wanted if w not in seeks] == []
    assert "cybersecurity" in demo.organization("DGSSI").themes


def test_demo_hosts_are_fictional_us_organizations_with_english_text(demo: Event) -> None:
    hosts = [o for o in demo.organizations if o.side is Side.HOST]
    assert len(hosts) == 24
    assert {(o.country, o.fictional) for o in hosts} == {("US", True)}
    assert [o.id for o in hosts if not (o.offers.get("en") and o.seeks.get("en"))] == []
    assert Counter(o.kind.value for o in hosts) == {
        "company": 16,
        "government": 5,
        "academic": 2,
        "association": 1,
    }


def test_demo_venues_fictional_except_airports_and_in_the_right_city(demo: Event) -> None:
    real = sorted(v.id for v in demo.venues if not v.fictional)
    assert real == ["v-iah", "v-sfo", "v-sjc"]
    boxes = {  # (lat min, lat max, lon min, lon max) of greater Houston / Silicon Valley + SFO
        "America/Chicago": (29.4, 30.1, -95.8, -94.9),
        "America/Los_Angeles": (37.2, 37.7, -122.4, -121.8),
    }
    outside = [
        v.id
        for v in demo.venues
        if v.latitude is None
        or v.longitude is None
        or not boxes[v.timezone][0] < v.latitude < boxes[v.timezone][1]
        or not boxes[v.timezone][2] < v.longitude < boxes[v.timezone][3]
    ]
    assert outside == []


def test_demo_has_24_candidate_visits_two_required(demo: Event) -> None:
    assert len(demo.visits) == 24
    assert [v.id for v in demo.visits if v.required] == ["vis-hou-egov", "vis-tx-cyber"]
    assert sorted({v.duration_minutes for v in demo.visits}) == [60, 90, 120]
    assert [v.id for v in demo.visits if not set(v.themes) <= THEMES] == []
    hosts = {o.id for o in demo.organizations if o.side is Side.HOST}
    assert sorted(v.host for v in demo.visits) == sorted(hosts)


def test_demo_visit_windows_are_local_to_the_host_venue_and_inside_a_leg(demo: Event) -> None:
    for visit in demo.visits:
        venue = demo.venue(visit.venue)
        assert visit.windows, visit.id
        for window in visit.windows:
            leg = demo.leg_on(window.start.astimezone(venue.tz).date())
            assert leg is not None, visit.id
            assert leg.timezone == venue.timezone, visit.id
            assert window.end - window.start >= timedelta(minutes=visit.duration_minutes)


def test_demo_government_hosts_closed_on_presidents_day(demo: Event) -> None:
    government = {o.id for o in demo.organizations if o.kind.value == "government"}
    open_on_19th = [
        v.id
        for v in demo.visits
        if v.host in government
        and any(w.start.astimezone(LOS_ANGELES).date() == date(2024, 2, 19) for w in v.windows)
    ]
    assert open_on_19th == []


def test_demo_required_attendees_are_delegates(demo: Event) -> None:
    delegates = {p.id for p in demo.delegates()}
    required = {p for v in demo.visits for p in v.required_attendees}
    assert required <= delegates
    assert demo.visits[1].required_attendees == ("p-dgssi-head", "p-dgssi-ti")


def test_demo_requests_go_from_delegation_organizations_to_hosts(demo: Event) -> None:
    sides = {o.id: o.side for o in demo.organizations}
    pairs = {(sides[r.requester], sides[r.target], r.format) for r in demo.requests}
    assert pairs == {(Side.DELEGATION, Side.HOST, MeetingFormat.SITE_VISIT)}
    assert Counter(r.status for r in demo.requests) == {
        RequestStatus.ACCEPTED: 18,
        RequestStatus.PROPOSED: 5,
        RequestStatus.DECLINED: 1,
    }


def test_demo_subgroups_keep_the_ministry_head_and_deputy_together(demo: Event) -> None:
    assert (demo.subgroups_max, demo.subgroup_min_size) == (2, 4)
    assert demo.together == (("p-lamrani", "p-mtnra-deputy"),)


def test_demo_programme_opens_with_a_briefing(demo: Event) -> None:
    first_working_day = [p for p in demo.programme if p.start.date() == date(2024, 2, 12)]
    assert [(p.id, p.kind) for p in first_working_day] == [
        ("prog-briefing", ProgrammeKind.BRIEFING)
    ]
    assert first_working_day[0].start == datetime(2024, 2, 12, 8, 30, tzinfo=CHICAGO)


def test_demo_flight_iah_to_sjc_with_transfers_on_the_16th(demo: Event) -> None:
    day = [p for p in demo.programme if p.start.astimezone(LOS_ANGELES).date() == date(2024, 2, 16)]
    assert [(p.kind, p.venue, p.end_venue) for p in day] == [
        (ProgrammeKind.TRANSFER, "v-hotel-houston", "v-iah"),
        (ProgrammeKind.FLIGHT, "v-iah", "v-sjc"),
        (ProgrammeKind.TRANSFER, "v-sjc", "v-hotel-santa-clara"),
    ]
    flight = day[1]
    assert flight.start == datetime(2024, 2, 16, 9, 5, tzinfo=CHICAGO)
    assert flight.end == datetime(2024, 2, 16, 11, 20, tzinfo=LOS_ANGELES)
    assert flight.end - flight.start == timedelta(hours=4, minutes=15)


def test_demo_arrival_and_departure_are_programmed(demo: Event) -> None:
    first, last = demo.programme[0], demo.programme[-1]
    assert (first.id, first.venue, first.end_venue) == ("prog-arrival", "v-iah", "v-hotel-houston")
    assert first.start.date() == date(2024, 2, 11)
    assert (last.id, last.end_venue) == ("prog-departure", "v-sfo")
    assert last.start == datetime(2024, 2, 21, 13, 0, tzinfo=LOS_ANGELES)
