"""Defects found on an organizer's QA walk of the demo mission in French and Arabic
(1366 × 768, Chromium; see tests/web/e2e/test_qa_walk_organizer.py): labels whose colon
French writes after a space read "Demandes:" and "Villes:", and the event editor listed the
organizations and venues by their English names with no separator before "Delete"."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core.spreadsheets import export_event
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.events.services import import_mission_file
from tests.web.test_report_page import organizer_client, published_demo

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "examples" / "morocco-us-digital-2024" / "mission.yaml"


@pytest.fixture
def demo() -> Event:
    return import_mission_file(DEMO.read_bytes(), "mission.yaml")


@pytest.fixture
def organizer(demo: Event) -> Client:
    user = accounts.user_for_email("org@example.org")
    accounts.grant(user, demo, Role.ORGANIZER)
    client = Client()
    client.force_login(user)
    return client


def read(page: str) -> str:
    """``page`` as read: tags dropped, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_french_labels_take_a_space_before_their_colon(demo: Event, organizer: Client) -> None:
    overview = read(
        organizer.get(f"/organize/{demo.slug}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    )
    public = read(
        organizer.get(f"/events/{demo.slug}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    )
    arabic = read(
        organizer.get(f"/events/{demo.slug}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    )
    assert "Demandes : " in overview
    assert "18 acceptées" in overview  # the number in the phrase (0d57b89)
    assert "Demandes:" not in overview
    for label in ("Villes :", "Organisateurs :", "Thèmes :"):
        assert label in public, label
    assert not re.search(r"(Villes|Organisateurs|Thèmes):", public)
    for label in ("المدن:", "المنظمون:", "المحاور:"):  # Arabic: no space before the colon
        assert label in arabic, label


@pytest.mark.parametrize(
    ("lang", "organization", "venue"),
    [
        ("fr", "Agence de Développement du Digital (ADD)", "Hôtel Bayou Centre"),
        ("ar", "وكالة التنمية الرقمية", "فندق بايو سنتر"),
        (
            "en",
            "Digital Development Agency (Agence de Développement du Digital)",
            "Hotel Bayou Centre",
        ),
    ],
)
def test_the_editor_names_organizations_and_venues_in_the_readers_language(
    lang: str, organization: str, venue: str, demo: Event, organizer: Client
) -> None:
    """The Name column showed the English name on the French and Arabic editor, where
    the column 'Organization' of its people (and the public page) already read the name
    in the reader's language."""
    page = organizer.get(f"/events/{demo.slug}/edit/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    for section, key, name in (
        ("organizations", "ADD", organization),
        ("venues", "v-hotel-houston", venue),
    ):
        row = re.search(
            rf'<tr data-key="{key}">(.*?)</tr>', page[page.index(f'id="{section}"') :], re.S
        )
        assert row is not None, key
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)
        assert html.unescape(cells[1]).strip() == name, (section, cells[1])


def test_every_action_of_an_editor_row_is_separated(demo: Event, organizer: Client) -> None:
    """'Modifier · Profil de mise en relation Supprimer': the Delete button followed the
    last link with only a space."""
    page = organizer.get(f"/events/{demo.slug}/edit/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    for key in ("ADD", "p-add-identity"):
        row = re.search(rf'<tr data-key="{key}">(.*?)</tr>', page, re.S)
        assert row is not None, key
        actions = read(re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)[-1]).strip()
        assert re.fullmatch(r"Modifier · [^·]+ · Supprimer", actions), actions


def test_the_communique_leads_back_to_the_overview(demo: Event, organizer: Client) -> None:
    """The communiqué was the one organizer page with no way back but the browser's."""
    page = organizer.get(f"/organize/{demo.slug}/communique/", HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 200
    link = re.search(rf'<a href="/organize/{demo.slug}/">([^<]*)</a>', page.content.decode())
    assert link is not None
    assert html.unescape(link.group(1)) == "Retour à la vue d'ensemble"


def test_an_import_says_what_it_stored_in_the_readers_language(
    demo: Event, organizer: Client, tmp_path: Path
) -> None:
    """After an upload the page showed 'organizations 31 people 39 requests 24 venues 29',
    the tables' codes in English on the French and Arabic page, with no sentence."""
    workbook = export_event(event_record(demo), tmp_path / "tables.xlsx")
    said = {}
    for lang in ("fr", "ar", "en"):
        uploads = [SimpleUploadedFile(f.name, f.read_bytes()) for f in workbook]
        answer = organizer.post(
            f"/events/{demo.slug}/spreadsheets/",
            {"sheets": uploads, "missing": "refuse"},
            HTTP_ACCEPT_LANGUAGE=lang,
        ).content.decode()
        notice = re.search(r'<p class="notice" role="status" id="imported">(.*?)</p>', answer, re.S)
        assert notice is not None, lang
        said[lang] = read(notice.group(1)).strip()
    assert said["en"] == "Imported rows: Organizations 31 People 39 Requests 24 Venues 29"
    assert "Organisations 31 Personnes 39 Demandes 24 Lieux 29" in said["fr"]
    assert "الهيئات 31 الأشخاص 39 الطلبات 24 الأماكن 29" in said["ar"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", {"1": "souhaitée", "2": "importante", "3": "incontournable"}),
        ("ar", {"1": "مرغوبة", "2": "مهمة", "3": "ضرورية"}),
        ("en", {"1": "would like", "2": "important", "3": "must meet"}),
    ],
)
def test_the_overview_says_each_requests_priority_in_words(
    lang: str, words: dict[str, str], demo: Event, organizer: Client
) -> None:
    """The requests table's Priority column showed 1, 2 or 3, a code the organizer had to
    know, where the request form and the history say 'would like', 'important', 'must
    meet'."""
    page = organizer.get(f"/organize/{demo.slug}/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    table = page[page.index('id="requests"') :]
    cells = re.findall(r'<td data-priority="(\d)">([^<]*)</td>', table)
    assert len(cells) == 24
    assert {code for code, _shown in cells} == {"1", "2", "3"}
    for code, shown in cells:
        assert shown == words[code], (code, shown)


def test_the_published_page_leads_on_before_its_list_of_changes(db: None) -> None:
    """After publishing, the links back to the overview, the grid and the report came
    after the list of every changed agenda: 38 rows of the demo (10,000 px on a laptop),
    97 screens for the brokerage example's 120 participants."""
    event, version = published_demo()
    page = organizer_client().get(
        f"/organize/{event.slug}/versions/{version.number}/published/", HTTP_ACCEPT_LANGUAGE="fr"
    )
    html_text = page.content.decode()
    assert page.status_code == 200
    links = html_text.index('id="back-to-overview"')
    assert links < html_text.index("<table")
    assert html_text.index('id="grid"') < html_text.index("<table")
    assert html_text.index('id="report"') < html_text.index("<table")
