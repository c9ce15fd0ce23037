"""Mission input problems the planner cannot work around, reported with where to fix them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from liqa.core.model import Event
from liqa.core.problems import InputError
from liqa.core.problems import Problem as InputProblem
from liqa.core.scheduling.itinerary.problem import Problem
from liqa.core.scheduling.itinerary.routes import Route

if TYPE_CHECKING:
    from liqa.core.scheduling.itinerary.mission import TourInfo


def require_basics(event: Event) -> None:
    problems: list[InputProblem] = []
    venue_ids = {v.id for v in event.venues}
    for i, leg in enumerate(event.legs):
        if leg.hotel is None:
            problems.append(
                InputProblem(
                    event.id,
                    f"leg {leg.id!r} has no hotel",
                    path=f"legs[{i}].hotel",
                    hint="give the venue id of the hotel where each day starts and ends",
                )
            )
        elif leg.hotel not in venue_ids:
            problems.append(
                InputProblem(
                    event.id,
                    f"leg {leg.id!r}: unknown hotel venue {leg.hotel!r}",
                    path=f"legs[{i}].hotel",
                    hint="add the hotel under venues",
                )
            )
    for i, visit in enumerate(event.visits):
        if visit.venue not in venue_ids:
            problems.append(
                InputProblem(
                    event.id,
                    f"visit {visit.id!r}: unknown venue {visit.venue!r}",
                    path=f"visits[{i}].venue",
                    hint="add the venue under venues",
                )
            )
    if problems:
        raise InputError(problems)


def require_fixed_items_feasible(problem: Problem, infos: list[TourInfo]) -> None:
    problems: list[InputProblem] = []
    for k, tour in enumerate(problem.tours):
        if Route(problem, k, list(tour.fixed)).feasible():
            continue
        items = ", ".join(item.id for _, item in infos[k].items) or "lunch"
        problems.append(
            InputProblem(
                problem.name,
                f"{tour.label}: the fixed items ({items}) cannot all be attended on time",
                path="programme",
                hint="check their times, venues and the travel between them and the hotel",
            )
        )
    if problems:
        raise InputError(problems)
