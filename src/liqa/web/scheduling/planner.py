"""The one place the web app calls the core's schedulers (it never schedules by itself).

Brokerage events go to ``liqa.core.scheduling.brokerage.plan_brokerage``, trade missions
to ``liqa.core.scheduling.itinerary.plan_itinerary``; both take the core's event and
their own ``Settings`` and return a :class:`~liqa.core.model.Schedule`.
"""

from __future__ import annotations

import inspect
from typing import Any

from liqa.core import model as core


class PlannerMissing(RuntimeError):
    """This build of liqa has no event-level planner for the event's kind yet."""


def plan(
    event: core.Event, *, time_limit: float, previous: core.Schedule | None = None
) -> core.Schedule:
    """Plan ``event`` with the core scheduler of its kind.

    ``previous`` (a schedule whose pinned assignments must stay) is passed on when the
    core planner accepts it.
    """
    module: Any
    if event.kind is core.EventKind.BROKERAGE:
        from liqa.core.scheduling import brokerage as module

        name = "plan_brokerage"
    else:
        from liqa.core.scheduling import itinerary as module

        name = "plan_itinerary"
    function = getattr(module, name, None)
    if function is None:
        raise PlannerMissing(
            f"liqa.core.scheduling: {name}() is not available in this build; "
            "the scheduler cannot run yet"
        )
    settings = module.Settings(time_limit=time_limit)
    kwargs: dict[str, Any] = {}
    if previous is not None and "previous" in inspect.signature(function).parameters:
        kwargs["previous"] = previous
    schedule: core.Schedule = function(event, settings, **kwargs)
    return schedule
