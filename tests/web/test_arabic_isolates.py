"""Latin text in Arabic sits in an isolate (U+2066…U+2069, ``<bdi>``, ``dir="ltr"``).

Found bare by helpers reading the demo in Arabic: "v1" beside "منشورة" in the organizer's
version list; a Latin event title in the Arabic host e-mail; "(USTDA)" inside the Arabic
organizer's name of the communiqué (text and HTML). The last tests read the main Arabic
pages and outputs of the demo with :mod:`tests.web.arabic_bare_latin` and keep what is
still bare to the lists below (allowed, or known and left for another change): a Latin
run bare anywhere else fails.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core import mail
from django.test import Client

from liqa.core.missionfile import load_event
from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.communique import build_communique, isolated_runs
from liqa.core.outputs.settings import OutputSettings
from liqa.core.templating import render
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Membership, Role
from liqa.web.events.models import Event
from tests.web.arabic_bare_latin import bare_in_page, bare_in_text
from tests.web.factories import DEMO
from tests.web.page_text import title
from tests.web.test_communique_page import drafts
from tests.web.test_h2_host_page_and_mail import beta_admin_mail
from tests.web.test_published_staleness_mission import demo_schedule
from tests.web.test_report_page import organizer_client, published_demo

LRI, PDI = "\u2066", "\u2069"

ALLOWED = {"liqa", "PDF"}
"""Bare on purpose: the product's name in the header, beside لقاء; the PDF format's name."""

KNOWN: dict[str, set[str]] = {}
"""What is known bare and left for another change, by page (none now: the version grid,
the public page, the overview's tables, a delegate's agenda, the published page's list of
changes and the agenda PDF isolate their Latin runs, ``bidi_runs``)."""


def _bare(page: str, *allowed: set[str]) -> set[str]:
    """The page's bare Latin runs, and its ``<title>``'s (plain text: isolate characters
    only, where nothing is allowed bare)."""
    in_title = {f"<title> {run}" for run in bare_in_text(title(page))}
    return set(bare_in_page(page)) - ALLOWED - set().union(*allowed) | in_title


@pytest.mark.django_db
def test_the_version_list_isolates_v1() -> None:
    """The overview's and the report's version lists, the publish page: "v1" in <bdi>."""
    row, _version = published_demo()
    client = organizer_client()
    for url in (f"/organize/{row.slug}/", f"/organize/{row.slug}/report/"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
        assert '<bdi class="ltr">v1</bdi></a>' in page, url
        assert not {"v", "v1"} & set(bare_in_page(page)), url
    english = client.get(f"/organize/{row.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert ">v1</a>" in english  # nothing to isolate in a left-to-right page


@pytest.mark.django_db
def test_the_arabic_host_e_mail_isolates_a_latin_title(event: Event) -> None:
    Event.objects.filter(pk=event.pk).update(title={"en": "Tunis B2B 2030"})
    body = beta_admin_mail(event, "ar")
    assert f"{LRI}Tunis B2B 2030{PDI}" in body, body
    # the participants' invitation in Arabic too (Amina reads Arabic)
    [amina] = [str(m.body) for m in mail.outbox if m.to == ["amina@example.org"]]
    assert f"{LRI}Tunis B2B 2030{PDI}" in amina, amina


def test_isolated_runs_keeps_brackets_and_digits_with_the_arabic_sentence() -> None:
    assert (
        isolated_runs("والتنمية (USTDA)، في 2024", "ar") == f"والتنمية ({LRI}USTDA{PDI})، في 2024"
    )
    assert isolated_runs("مع Atlas Smart City 2 و B2B 2030.", "ar") == (
        f"مع {LRI}Atlas Smart City{PDI} 2 و {LRI}B2B{PDI} 2030."
    )
    already = f"من {LRI}US Commercial Service, Casablanca{PDI} و{LRI}USTDA{PDI}"
    assert isolated_runs(already, "ar") == already
    assert isolated_runs("USTDA (B2B)", "fr") == "USTDA (B2B)"


@pytest.mark.parametrize(
    "now", [datetime(2024, 1, 1, tzinfo=UTC), datetime(2025, 1, 1, tzinfo=UTC)]
)
def test_the_arabic_communique_isolates_the_mission_files_latin(now: datetime) -> None:
    event = load_event(DEMO)
    communique = build_communique(event, demo_schedule(), "ar", now)
    text = communique.as_text()
    assert "(USTDA)" not in text
    assert f"({LRI}USTDA{PDI})" in text
    assert bare_in_text(text) == []
    page = render("communique.html", "ar", communique=communique)
    assert f"({LRI}USTDA{PDI})" in page
    assert set(bare_in_page(page)) <= ALLOWED, bare_in_page(page)


@pytest.mark.django_db
def test_the_demos_arabic_pages_isolate_their_latin_text() -> None:
    """The organizer's overview, version grid (by people, by hosts, by day), published
    page, report, communiqué and follow-ups, a delegate's agenda, a host's page and the
    public page, read in Arabic: Latin text only in an isolate, but for what is allowed or
    known (above); their titles only with isolate characters."""
    row, _version = published_demo()
    organizer = organizer_client()
    slug = row.slug
    found: dict[str, set[str]] = {}
    for name, url in {
        "overview": f"/organize/{slug}/",
        "grid": f"/organize/{slug}/versions/1/",
        "grid by hosts": f"/organize/{slug}/versions/1/?by=hosts",
        "grid by day": f"/organize/{slug}/versions/1/?by=day&day=2024-02-12",
        "grid on the flight's day": f"/organize/{slug}/versions/1/?by=day&day=2024-02-16",
        "published": f"/organize/{slug}/versions/1/published/",
        "report": f"/organize/{slug}/report/",
        "communique": f"/organize/{slug}/communique/",
        "public": f"/events/{slug}/",
        "follow-ups": f"/organize/{slug}/follow-ups/",
    }.items():
        response = organizer.get(url, HTTP_ACCEPT_LANGUAGE="ar")
        assert response.status_code == 200, url
        found[name] = _bare(response.content.decode(), KNOWN.get(name, set()))
    delegate = Membership.objects.get(event=row, role=Role.PARTICIPANT, person="p-lamrani")
    client = Client()
    client.force_login(delegate.user)
    agenda = client.get(f"/me/{slug}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    found["agenda"] = _bare(agenda, KNOWN.get("agenda", set()))
    host = accounts.user_for_email("m.hall@example.com")
    accounts.grant(host, row, Role.HOST_ADMIN, organization="h-tx-cyber")
    client = Client()
    client.force_login(host)
    host_page = client.get(f"/host/{slug}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    found["host"] = _bare(host_page)
    found["communique text"] = set(bare_in_text(drafts(organizer, row)["ar"]))
    for name, runs in found.items():
        print(name, sorted(runs))
    assert found == {name: set() for name in found}


def test_the_demos_arabic_agenda_pdf_isolates_its_latin_text() -> None:
    """The HTML the agenda PDF is made from (the print variant: isolate characters for
    ``<bdi>``), a delegate's and a host's, in Arabic: the place a visit's travel starts
    from and a lunch's "near …" isolate their Latin venue names."""
    event = load_event(DEMO)
    found: dict[str, set[str]] = {}
    for whom in ("p-lamrani", "h-tx-cyber"):
        agenda = build_agenda(event, demo_schedule(), whom, "ar", OutputSettings())
        page = render("agenda.html", "ar", inline_css="", for_pdf=True, agenda=agenda)
        found[whom] = _bare(page, KNOWN.get("agenda pdf", set()))
    assert found == {whom: set() for whom in found}


@pytest.mark.django_db
def test_titles_isolate_with_characters_and_english_and_french_pages_stay_bare() -> None:
    """A ``<title>`` holds no ``<bdi>``: "v1" beside لقاء between isolate characters. A
    left-to-right page has nothing to isolate: its titles, the published page's changes,
    the public page's organizers and names, the follow-ups as they were."""
    row, _version = published_demo()
    organizer = organizer_client()
    slug = row.slug
    grid = organizer.get(f"/organize/{slug}/versions/1/", HTTP_ACCEPT_LANGUAGE="ar")
    assert title(grid.content.decode()) == f"{LRI}v1{PDI} · لقاء"
    for lang in ("en", "fr"):
        grid = organizer.get(f"/organize/{slug}/versions/1/", HTTP_ACCEPT_LANGUAGE=lang)
        assert title(grid.content.decode()) == "v1 · liqa"
        for url in (
            f"/organize/{slug}/versions/1/published/",
            f"/events/{slug}/",
            f"/organize/{slug}/follow-ups/",
            f"/organize/{slug}/",
        ):
            page = organizer.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
            assert "<bdi" not in page, (lang, url)
            assert not {LRI, PDI} & set(title(page)), (lang, url)
    english = organizer.get(f"/events/{slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Development Agency (USTDA)</p>" in english, english
    arabic = organizer.get(f"/events/{slug}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '(<bdi class="ltr">USTDA</bdi>)</p>' in arabic
