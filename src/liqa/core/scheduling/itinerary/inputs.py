"""Mission input problems the planner cannot work around, reported with where to fix them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from liqa.core.local_time import LocalDate
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
    """Refuse a programme whose fixed items of a day cannot all be attended on time, once
    per day and set of items (every subgroup of that day would repeat it), naming the day
    in the reader's language."""
    problems: list[InputProblem] = []
    seen: set[tuple[object, tuple[str, ...]]] = set()
    for k, tour in enumerate(problem.tours):
        if Route(problem, k, list(tour.fixed)).feasible():
            continue
        info = infos[k]
        ids = tuple(item.id for _, item in info.items)
        if (info.segment.day, ids) in seen:
            continue
        seen.add((info.segment.day, ids))
        day = LocalDate(info.segment.day)
        message = (
            Message(
                "{day}: the fixed items ({items}) cannot all be attended on time",
                day=day,
                items=", ".join(ids),
            )
            if ids
            else Message("{day}: the lunch cannot be reached on time", day=day)
        )
        problems.append(
            InputProblem(
                problem.name,
                message,
                path="programme",
                hint=Message("check their times, venues and the travel between them and the hotel"),
            )
        )
    if problems:
        raise InputError(problems)
