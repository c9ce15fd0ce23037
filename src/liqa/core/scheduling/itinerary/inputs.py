"""Mission input problems the planner cannot work around, reported with where to fix them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from liqa.core.model import Event
from liqa.core.problems import InputError, Message
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
                    Message("leg {id!r} has no hotel", id=leg.id),
                    path=f"legs[{i}].hotel",
                    hint=Message("give the venue id of the hotel where each day starts and ends"),
                )
            )
        elif leg.hotel not in venue_ids:
            problems.append(
                InputProblem(
                    event.id,
                    Message(
                        "leg {id!r}: unknown hotel venue {hotel!r}", id=leg.id, hotel=leg.hotel
                    ),
                    path=f"legs[{i}].hotel",
                    hint=Message("add the hotel under venues"),
                )
            )
    for i, visit in enumerate(event.visits):
        if visit.venue not in venue_ids:
            problems.append(
                InputProblem(
                    event.id,
                    Message(
                        "visit {id!r}: unknown venue {venue!r}", id=visit.id, venue=visit.venue
                    ),
                    path=f"visits[{i}].venue",
                    hint=Message("add the venue under venues"),
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
                Message(
                    "{label}: the fixed items ({items}) cannot all be attended on time",
                    label=tour.label,
                    items=items,
                ),
                path="programme",
                hint=Message("check their times, venues and the travel between them and the hotel"),
            )
        )
    if problems:
        raise InputError(problems)
