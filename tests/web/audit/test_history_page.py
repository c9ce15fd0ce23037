"""The organizer's history page: organizers only, newest first, by person, page by page."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from liqa.web.audit import domain
from liqa.web.audit.actor import acting
from liqa.web.events.models import Event, Person
from tests.web.factories import person_user

SLUG = "tunis-b2b-2030"


def _rename(event: Event, key: str, *names: str) -> None:
    person = Person.objects.get(event=event, key=key)
    for name in names:
        person.role = name
        person.save(update_fields=["role"])


def test_history_page_is_for_organizers_only(
    event: Event, organizer: User, stranger: User, client_for: Callable[..., Client]
) -> None:
    url = f"/organize/{SLUG}/history/"
    statuses = [
        client_for(u).get(url).status_code
        for u in (organizer, person_user("amina@example.org"), stranger)
    ]
    assert statuses == [200, 403, 403]
    assert client_for(None).get(url)["Location"] == f"/accounts/signin/?next={url}"


def test_history_page_lists_changes_newest_first(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    with acting(organizer):
        _rename(event, "p-bruno", "Head of payments")
    page = client_for(organizer).get(f"/organize/{SLUG}/history/").content.decode()
    first, second = page.index("Head of payments"), page.index("imported")
    assert first < second
    assert page.count('<tr class="entry">') == 2
    assert "<li>Role: <bdi>CTO</bdi> → <bdi>Head of payments</bdi></li>" in page


def test_history_filters_by_person_and_their_organization(event: Event) -> None:
    _rename(event, "p-bruno", "Head of payments")
    _rename(event, "p-chen", "Buyer")
    found = domain.history(event, person="p-chen")
    assert [(e.model, e.key) for e in found.entries] == [("person", "p-chen")]
    assert (found.total, found.person) == (1, "p-chen")


def test_history_pages_hold_at_most_per_page_entries(event: Event) -> None:
    _rename(event, "p-chen", "a", "b", "c", "d")
    pages = [domain.history(event, page=n, per_page=2) for n in (1, 2, 3, 9)]
    assert [(p.number, p.pages, len(p.entries)) for p in pages] == [
        (1, 3, 2),
        (2, 3, 2),
        (3, 3, 1),
        (3, 3, 1),
    ]
    assert [e.changes["role"][1] for e in pages[0].entries] == ["d", "c"]


def test_history_page_in_arabic_is_translated(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    page = client.get(f"/organize/{SLUG}/history/").content.decode()
    assert ('dir="rtl"' in page, "السجل" in page, "الجميع" in page, "Everyone" in page) == (
        True,
        True,
        True,
        False,
    )


def test_overview_links_to_the_history(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    page = client_for(organizer).get(f"/organize/{SLUG}/").content.decode()
    assert f'<a href="/organize/{SLUG}/history/" id="history">History</a>' in page


def test_history_names_the_system_in_words_not_as_its_stored_token(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    """The import ran as ``system`` (no user): the page said "system", untranslated; it
    now shows the catalog's word (context "audit actor") and a user's name as it is."""
    with acting(organizer):
        _rename(event, "p-bruno", "Head of payments")
    page = client_for(organizer).get(f"/organize/{SLUG}/history/").content.decode()
    assert (
        "<td><bdi>System</bdi></td>" in page,
        "<td><bdi>system</bdi></td>" in page,
        "<td><bdi>org</bdi></td>" in page,
    ) == (
        True,
        False,
        True,
    )


def test_history_filter_is_a_neutral_button_not_a_warning(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    """Filtering is an action to take, not a cancel or a refusal (.secondary's warning
    colour)."""
    page = client_for(organizer).get(f"/organize/{SLUG}/history/").content.decode()
    assert '<button type="submit" class="neutral">Filter</button>' in page
