"""Agendas: day headers per leg, local times with zone names, places, people, travel."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from liqa.core.i18n import translator
from liqa.core.model import Event, EventKind
from liqa.core.outputs.agenda import Attendee, SideView, build_agenda
from liqa.core.outputs.calendar import build_calendar
from liqa.core.outputs.settings import OutputSettings
from liqa.core.templating import render
from tests.core.outputs.mission import make_event, make_schedule

SETTINGS = OutputSettings()


def test_agenda_groups_days_under_each_leg_with_its_zone() -> None:
    agenda = build_agenda(make_event(), make_schedule(), "p-benali", "en", SETTINGS)
    assert [(d.day, d.city, d.zone_name) for d in agenda.days] == [
        (date(2024, 2, 12), "Houston", "Central Standard Time"),
        (date(2024, 2, 15), "Houston → Silicon Valley", "CST → PST"),  # the flight's day
    ]


def test_agenda_entries_show_local_time_zone_place_and_table() -> None:
    agenda = build_agenda(make_event(), make_schedule(), "p-benali", "en", SETTINGS)
    rows = [
        (e.id, e.title, e.start.strftime("%H:%M"), e.zone, e.place, e.table)
        for d in agenda.days
        for e in d.entries
    ]
    assert rows == [
        ("prog-brief", "Welcome briefing", "08:30", "CST", "Hilton Americas-Houston", None),
        (
            "vis-nasa",
            "Visit: NASA Johnson Space Center",
            "10:30",
            "CST",
            "NASA Johnson Space Center",
            None,
        ),
        (
            "prog-flight",
            "Flight to San Francisco",
            "07:00",
            "CST",
            "George Bush Intercontinental Airport",
            None,
        ),
        ("r-cyber", "Meeting with CyberCorp", "14:00", "PST", "CyberCorp HQ", 4),
    ]


def test_agenda_entry_names_both_sides_travel_topic_and_map() -> None:
    agenda = build_agenda(make_event(), make_schedule(), "p-benali", "en", SETTINGS)
    meeting = agenda.days[1].entries[1]
    assert meeting.sides == (
        SideView("Delegation", (), (Attendee("Karim Benali", "", ""),), True),
        SideView("Hosts", ("CyberCorp",), (Attendee("David Lee", "CEO", "CyberCorp"),), False),
    )
    assert (meeting.travel_minutes, meeting.travel_from) == (
        30,
        "San Francisco International Airport",
    )
    assert meeting.topic == "Managed security operations for ministries"
    assert meeting.themes == ("cybersecurity",)
    assert meeting.map_url == (
        "https://www.openstreetmap.org/?mlat=37.336200&mlon=-121.890600#map=17/37.336200/-121.890600"
    )


def test_agenda_shows_the_whole_delegation_once_instead_of_every_name() -> None:
    agenda = build_agenda(make_event(), make_schedule(), "p-benali", "fr", SETTINGS)
    visit = agenda.days[0].entries[1]
    assert visit.sides[0] == SideView(
        "Délégation", (), (Attendee("toute la délégation", "", ""),), True
    )
    assert visit.topic == "Cyber-résilience des infrastructures critiques"


def test_arabic_agenda_uses_arabic_names_and_translated_labels() -> None:
    agenda = build_agenda(make_event(), make_schedule(), "p-benali", "ar", SETTINGS)
    assert (agenda.name, agenda.subtitle) == (
        "كريم بنعلي",
        "Head of Cyber Defence، المديرية العامة لأمن نظم المعلومات",
    )
    assert [d.city for d in agenda.days] == ["هيوستن", "هيوستن ← وادي السيليكون"]
    assert agenda.days[0].entries[1].title == "زيارة: NASA Johnson Space Center"
    assert agenda.days[0].entries[1].place == "مركز جونسون للفضاء"


def test_host_staff_agenda_shows_the_visits_their_organization_receives() -> None:
    agenda = build_agenda(make_event(), make_schedule(), "p-smith", "en", SETTINGS)
    assert [e.id for d in agenda.days for e in d.entries] == ["vis-nasa"]


@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "Receiving the delegation"), ("fr", "Accueil de la délégation")],
)
def test_the_host_reads_its_visits_as_receiving_the_delegation(lang: str, title: str) -> None:
    """Not "Visit: NASA Johnson Space Center" on NASA's own agenda and its staff's."""
    for subject in ("p-smith", "h-nasa"):
        agenda = build_agenda(make_event(), make_schedule(), subject, lang, SETTINGS)
        [visit] = [e for d in agenda.days for e in d.entries if e.id == "vis-nasa"]
        assert visit.title == title, subject
    delegate = build_agenda(make_event(), make_schedule(), "p-benali", "en", SETTINGS)
    assert "Visit: NASA Johnson Space Center" in [e.title for d in delegate.days for e in d.entries]


def test_organization_agenda_merges_its_members_meetings() -> None:
    agenda = build_agenda(make_event(), make_schedule(), "MTNRA", "en", SETTINGS)
    assert [e.id for d in agenda.days for e in d.entries] == [
        "prog-brief",
        "vis-nasa",
        "prog-flight",
        "r-call",
    ]
    assert agenda.meeting_count == 2


def test_agenda_links_the_live_page_and_prints_its_qr_code() -> None:
    agenda = build_agenda(make_event(), make_schedule(), "p-benali", "ar", SETTINGS)
    assert agenda.live_url == "http://localhost:8000/ar/events/ma-us-2024/agenda/p-benali/"
    assert agenda.qr_image.startswith("data:image/png;base64,")
    html = render("agenda.html", "ar", agenda=agenda, inline_css="")
    assert '<html lang="ar" dir="rtl">' in html
    assert agenda.live_url in html


def test_agenda_without_meetings_says_nothing_is_scheduled() -> None:
    event = make_event(programme=())
    schedule = make_schedule(2, make_schedule().assignments[2])
    empty = build_agenda(event, schedule, "p-alaoui", "en", SETTINGS)
    assert empty.days == ()
    assert "Nothing is scheduled yet." in render("agenda.html", "en", agenda=empty, inline_css="")


def test_latin_name_in_an_arabic_title_keeps_its_final_full_stop() -> None:
    """ "لقاء مع Duero GovTech S.L." printed as "لقاء مع .Duero GovTech S.L" (the full stop
    took the Arabic sentence's direction); the .ics SUMMARY carries the same title."""
    event = make_event()
    orgs = tuple(
        replace(o, name="CyberCorp S.L.") if o.id == "h-cyber" else o for o in event.organizations
    )
    agenda = build_agenda(
        replace(event, organizations=orgs), make_schedule(), "p-benali", "ar", SETTINGS
    )
    entries = {e.title: e.print_title for day in agenda.days for e in day.entries}
    assert entries["لقاء مع CyberCorp S.L."] == "لقاء مع \u2066CyberCorp S.L.\u2069"
    html = render("agenda.html", "ar", agenda=agenda, inline_css="", for_pdf=True)
    assert "<h3>لقاء مع \u2066CyberCorp S.L.\u2069</h3>" in html
    calendar = build_calendar(
        replace(event, organizations=orgs), make_schedule(), "p-benali", "ar", SETTINGS
    )
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert "لقاء مع \u2066CyberCorp S.L.\u2069" in summaries
    english = build_agenda(
        replace(event, organizations=orgs), make_schedule(), "p-benali", "en", SETTINGS
    )
    assert "Meeting with CyberCorp S.L." in [e.title for day in english.days for e in day.entries]


def test_french_labels_take_a_space_before_their_colon_as_the_catalogs_do() -> None:
    """The French agenda printed "Délégation:" and "Hôtes:" above "Sujet :" and "Thèmes :"."""
    agenda = build_agenda(make_event(), make_schedule(), "p-benali", "fr", SETTINGS)
    html = render("agenda.html", "fr", agenda=agenda, inline_css="")
    assert "<b>Délégation :</b>" in html
    assert "<b>Hôtes :</b>" in html
    assert ":</b>" not in html.replace(" :</b>", "")
    english = render(
        "agenda.html",
        "en",
        agenda=build_agenda(make_event(), make_schedule(), "p-benali", "en", SETTINGS),
        inline_css="",
    )
    assert "<b>Delegation:</b>" in english


def test_brokerage_agenda_names_participants_not_a_delegation() -> None:
    """A brokerage meeting's people were listed as 'Delegation' ('الوفد'), a trade mission's
    word, even for a visitor and an exhibitor meeting at a table."""
    event = make_event(kind=EventKind.BROKERAGE)
    agenda = build_agenda(event, make_schedule(), "p-benali", "ar", SETTINGS)
    meeting = next(e for d in agenda.days for e in d.entries if e.id == "r-cyber")
    t = translator("ar")
    assert [s.label for s in meeting.sides] == [t.gettext("Participants"), t.gettext("Hosts")]
    mission = build_agenda(make_event(), make_schedule(), "p-benali", "ar", SETTINGS)
    meeting = next(e for d in mission.days for e in d.entries if e.id == "r-cyber")
    assert [s.label for s in meeting.sides] == ["الوفد", "المضيفون"]


def test_brokerage_agenda_names_the_organization_of_whoever_one_meets() -> None:
    """A brokerage agenda gave a host's organization and role but only the name of a
    participant from the other side ("Participants: Aya Konan"): an exhibitor meeting a
    visitor wants to know whom they represent too. A trade mission's own delegation keeps
    its names only."""
    event = make_event(kind=EventKind.BROKERAGE)
    agenda = build_agenda(event, make_schedule(), "p-lee", "en", SETTINGS)
    meeting = next(e for d in agenda.days for e in d.entries if e.id == "r-cyber")
    participants = meeting.sides[0]
    assert (participants.label, participants.compact) == ("Participants", False)
    assert participants.organizations == ("General Directorate for Information Systems Security",)
    html = render("agenda.html", "en", agenda=agenda, inline_css="")
    assert "<b>Participants:</b> General Directorate for Information Systems Security — " in html
    mission = build_agenda(make_event(), make_schedule(), "p-lee", "en", SETTINGS)
    meeting = next(e for d in mission.days for e in d.entries if e.id == "r-cyber")
    assert (meeting.sides[0].label, meeting.sides[0].compact) == ("Delegation", True)


DGSSI_FR = "Direction générale de la sécurité des systèmes d'information"
MTNRA_FR = "Ministère de la Transition numérique et de la Réforme de l'Administration"


def _with_french_names() -> Event:
    event = make_event()
    french = {"DGSSI": DGSSI_FR, "MTNRA": MTNRA_FR}
    orgs = tuple(replace(o, name_fr=french.get(o.id, "")) for o in event.organizations)
    return replace(event, organizations=orgs)


def test_french_agenda_names_moroccan_organizations_by_their_french_names() -> None:
    """French agendas named "Ministry of Digital Transition and Administrative Reform" in
    English, where French readers know it as the Ministère de la Transition numérique…"""
    event = _with_french_names()
    agenda = build_agenda(event, make_schedule(), "p-benali", "fr", SETTINGS)
    assert agenda.subtitle.endswith(DGSSI_FR)
    ministry = build_agenda(event, make_schedule(), "MTNRA", "fr", SETTINGS)
    assert ministry.name == MTNRA_FR
    html = render("agenda.html", "fr", agenda=ministry, inline_css="")
    assert "Ministère de la Transition numérique" in html.replace("&#39;", "'")
    english = build_agenda(event, make_schedule(), "MTNRA", "en", SETTINGS)
    assert english.name == "Ministry of Digital Transition and Administrative Reform"
    arabic = build_agenda(event, make_schedule(), "MTNRA", "ar", SETTINGS)
    assert arabic.name == "وزارة الانتقال الرقمي وإصلاح الإدارة"


def test_french_agenda_keeps_the_english_name_without_a_french_one() -> None:
    agenda = build_agenda(make_event(), make_schedule(), "MTNRA", "fr", SETTINGS)
    assert agenda.name == "Ministry of Digital Transition and Administrative Reform"
