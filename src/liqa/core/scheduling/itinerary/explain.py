"""Why a candidate visit was not made: one reason code and words for every one.

Codes: ``outside_windows`` (no day of the mission is open for it), ``capacity`` (every
subgroup is larger than the host accepts, or lacks a required attendee), ``too_far`` (out
of reach of the legs' hotels, or no day's route can take it on top of the rest of that
day), ``lower_value`` (a day could take it only by dropping visits worth at least as much:
those are listed as ``blocking``).
"""

from __future__ import annotations

import numpy as np

from liqa.core.local_time import LocalDate
from liqa.core.model import Unplaced
from liqa.core.outputs.labels import subgroup_words
from liqa.core.problems import Message, Name, Names, joined
from liqa.core.scheduling.itinerary.mission import MissionModel
from liqa.core.scheduling.itinerary.problem import Result
from liqa.core.scheduling.itinerary.routes import Route
from liqa.core.scheduling.reasons import event_names


def explain_unplaced(model: MissionModel, result: Result) -> list[Unplaced]:
    """An :class:`Unplaced` record for every candidate visit missing from the routes."""
    problem = model.problem
    placed = {node for route in result.routes for node in route}
    active = problem.active_tours(result.options or None)
    out: list[Unplaced] = []
    for visit in model.event.visits:
        j = model.visit_node[visit.id]
        if j in placed:
            continue
        allowed = [k for k in range(len(problem.tours)) if (k, j) not in model.why_not]
        if not allowed:
            out.append(_not_allowed(model, j))
            continue
        in_use = [k for k in allowed if active[k]]
        could = [k for k in allowed if _fits_alone(model, k, j)]
        if could and not any(active[k] for k in could):
            out.append(_other_split(model, j, could))
            continue
        out.append(_lost(model, result, j, in_use))
    return out


def _fits_alone(model: MissionModel, k: int, j: int) -> bool:
    """True when tour ``k`` could make visit ``j`` with nothing else but its fixed items."""
    problem = model.problem
    empty = Route(problem, k, list(problem.tours[k].fixed))
    return bool(np.isfinite(empty.insertion_costs(np.array([j], dtype=np.float64))[0][0]))


def _other_split(model: MissionModel, j: int, allowed: list[int]) -> Unplaced:
    """Only subgroups of splits the plan did not take could make the visit (``allowed``:
    the tours that could, on their own)."""
    visit = model.event.visits[j]
    days = sorted({model.tours[k].segment.day for k in allowed})
    return Unplaced(
        visit.id,
        "lower_value",
        Message(
            "only another split of the delegation could make it (on {days}); the plan keeps "
            "the splits whose visits are worth more in total",
            days=joined([LocalDate(day) for day in days], "or"),
        ),
    )


def tour_words(model: MissionModel, k: int) -> Message:
    """Tour ``k`` as a reader names it: its day in their language, the half day when the
    split changes at lunch, and its subgroup."""
    info = model.tours[k]
    day, group = LocalDate(info.segment.day), subgroup_words(info.group.id)
    if info.half == "morning":
        return Message("the morning of {day} ({group})", day=day, group=group)
    if info.half == "afternoon":
        return Message("the afternoon of {day} ({group})", day=day, group=group)
    return Message("{day} ({group})", day=day, group=group)


def _not_allowed(model: MissionModel, j: int) -> Unplaced:
    visit = model.event.visits[j]
    codes = {model.why_not[(k, j)] for k in range(len(model.problem.tours))}
    if codes == {"too_far"}:
        return Unplaced(
            visit.id, "too_far", Message("the venue is out of reach of every leg's hotel")
        )
    if "outside_windows" in codes and "capacity" not in codes:
        return Unplaced(
            visit.id,
            "outside_windows",
            Message(
                "the host's windows fall outside every day's programme in its city (or leave "
                "less than the visit's {minutes} minutes)",
                minutes=visit.duration_minutes,
            ),
        )
    names = event_names(model.event)
    need = Names([names.get(pid, pid) for pid in visit.required_attendees])
    if need:
        detail = Message(
            "on every day it is open, the subgroup is larger than the host's limit ({limit}) "
            "or nobody is available or lacks a required attendee ({need})",
            limit=visit.max_visitors,
            need=need,
        )
    else:
        detail = Message(
            "on every day it is open, the subgroup is larger than the host's limit ({limit}) "
            "or nobody is available",
            limit=visit.max_visitors,
        )
    return Unplaced(visit.id, "capacity", detail)


def _lost(model: MissionModel, result: Result, j: int, allowed: list[int]) -> Unplaced:
    problem = model.problem
    visit = model.event.visits[j]
    cand = np.array([j], dtype=np.float64)
    alone = 0
    blockers: list[tuple[float, str]] = []
    for k in allowed:
        if not _fits_alone(model, k, j):
            continue
        alone += 1
        route = list(result.routes[k])
        full = Route(problem, k, route)
        if np.isfinite(full.insertion_costs(cand)[0][0]):
            return Unplaced(
                visit.id,
                "lower_value",
                Message(
                    "fits on {tour} but adds no value for the members there",
                    tour=tour_words(model, k),
                ),
            )
        for pos, node in enumerate(route):
            if node not in problem.sites:
                continue
            trial = Route(problem, k, route[:pos] + route[pos + 1 :])
            if np.isfinite(trial.insertion_costs(cand)[0][0]):
                blockers.append((float(problem.profit[k, node]), model.event.visits[node].id))
    if not alone:
        return Unplaced(
            visit.id,
            "too_far",
            Message(
                "on every day it is open, the drive from the hotel (and the fixed items) "
                "leaves no time inside its windows"
            ),
        )
    if blockers:
        blockers.sort(reverse=True)
        names = tuple(dict.fromkeys(name for _, name in blockers))
        return Unplaced(
            visit.id,
            "lower_value",
            Message(
                "fits only by dropping {visits}; the plan keeps those because its day's "
                "choices are worth more in total (this visit's value: {value})",
                visits=joined([_visit_name(model, vid) for vid in names[:3]], "or"),
                value=format(max(problem.profit[k, j] for k in allowed), "g"),
            ),
            blocking=names,
        )
    return Unplaced(
        visit.id,
        "too_far",
        Message(
            "too far from the rest of each day it is open: no route can fit it in, even by "
            "dropping one visit"
        ),
    )


def _visit_name(model: MissionModel, visit_id: str) -> str:
    """A visit as the grid names it: its host, in each reader's form of the name (its id
    when the host is unknown)."""
    visit = next((v for v in model.event.visits if v.id == visit_id), None)
    host = event_names(model.event).get(visit.host) if visit is not None else None
    return host if isinstance(host, Name) else visit_id
