"""The published-itinerary check (``from_schedule.check_published``) given the required
visits the version left out when it was published (``excused``, recorded then): it excuses
those and no other, whatever the version's status says (before: every visit the version
lists as not made was excused when it was planned with required visits missing, none
otherwise)."""

from __future__ import annotations

import dataclasses

from liqa.core import model as core
from liqa.core.scheduling.itinerary.from_schedule import MISSING_REQUIRED, check_published
from tests.core.scheduling.itinerary.test_published_check_edges import (
    NOT_MADE,
    demo,
    with_visit,
)


def planned_missing_required(schedule: core.Schedule) -> core.Schedule:
    return dataclasses.replace(
        schedule, provenance=dataclasses.replace(schedule.provenance, status=MISSING_REQUIRED)
    )


def test_a_visit_optional_at_publication_is_told_whatever_the_status() -> None:
    """Nothing was left out required at publication: the visit listed as not made, made
    required since, is missing although the status says required visits were missing."""
    event, schedule = demo()
    changed = with_visit(event, NOT_MADE, required=True)
    found = check_published(changed, planned_missing_required(schedule), excused=())
    assert found.missing == (NOT_MADE,)


def test_a_visit_left_out_required_at_publication_is_excused() -> None:
    event, schedule = demo()
    changed = with_visit(event, NOT_MADE, required=True)
    assert check_published(changed, schedule, excused=[NOT_MADE]).missing == ()
    knowing = planned_missing_required(schedule)
    assert check_published(changed, knowing, excused=[NOT_MADE]).missing == ()


def test_only_the_visits_recorded_are_excused() -> None:
    """A new required visit (a copy of the one not made, under another id) is told though
    the one recorded is excused."""
    event, schedule = demo()
    changed = with_visit(event, NOT_MADE, required=True)
    copy = next(v for v in changed.visits if v.id == NOT_MADE)
    changed = dataclasses.replace(
        changed, visits=(*changed.visits, dataclasses.replace(copy, id="vis-baylink-2"))
    )
    found = check_published(changed, planned_missing_required(schedule), excused=[NOT_MADE])
    assert found.missing == ("vis-baylink-2",)
