"""The CP-SAT variables shared by every constraint family while a model is built."""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from liqa.core.scheduling.brokerage.problem import Problem


@dataclass(frozen=True)
class Windows:
    """A participant's windows in one block, all of their ``length`` meetings long."""

    length: int
    starts: dict[int, cp_model.IntVar]
    """The literal "the window starts at slot s", by s."""
    gappy: cp_model.IntVar
    """The participant has a break in the block (then no window holds)."""
    busy: dict[int, cp_model.IntVar]
    """The busy literals of the block's slots."""


@dataclass
class ModelContext:
    """A CP-SAT model under construction.

    ``x[i, t]`` is true when meeting ``i`` (index in ``problem.meetings``) takes slot ``t``;
    ``placed[i]`` when it is placed at all; ``busy[p, t]`` when participant ``p`` has a
    meeting in slot ``t``; ``breaks[p]`` counts their breaks.
    """

    problem: Problem
    model: cp_model.CpModel
    domains: list[list[int]]
    x: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)
    placed: list[cp_model.LinearExprT] = field(default_factory=list)
    busy: dict[tuple[str, int], cp_model.IntVar] = field(default_factory=dict)
    breaks: dict[str, cp_model.LinearExprT] = field(default_factory=dict)
    breaks_ub: dict[str, int] = field(default_factory=dict)
    gaps: dict[tuple[str, int], list[cp_model.IntVar]] = field(default_factory=dict)
    """Break-start literals by participant and first slot of their block."""
    windows: dict[tuple[str, int], Windows] = field(default_factory=dict)
    """Fixed-length windows by participant and first slot of their block (see
    :func:`.implied.link_windows`)."""

    def at(self, i: int, t: int) -> cp_model.IntVar | int:
        """The literal of meeting ``i`` in slot ``t`` (0 when ``t`` is outside its domain)."""
        return self.x.get((i, t), 0)
