"""Fairness: the least-served member's value, its weight in the objective, and its guidance.

The objective is ``value + w x members x min_m V_m`` where ``V_m`` is the value member
``m`` receives (the sites of every tour they travel in). Insertion alone only sees value, so
the search adds to a site's gain in tour ``k`` ``w x members x`` its value to the members
of ``k`` weighted by a soft minimum of ``V`` (the least served weigh most).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from liqa.core.scheduling.itinerary.problem import FloatArray, Problem

_CREWS: weakref.WeakKeyDictionary[Problem, npt.NDArray[np.bool_]] = weakref.WeakKeyDictionary()
"""Per problem, its crews as member masks (built once)."""

SOFTNESS = 0.5
"""A member ``d`` above the least served weighs ``exp(-d / (SOFTNESS x mean distance))``."""


@dataclass(frozen=True, eq=False)
class Fairness:
    """The fairness data of a problem: weight, crews as member masks, member values."""

    weight: float
    crews: npt.NDArray[np.bool_]
    """``crews[k, m]``: member ``m`` travels in tour ``k``."""
    values: FloatArray
    """``values[m, j]``: what site ``j`` is worth to member ``m``."""

    @classmethod
    def of(cls, problem: Problem, weight: float) -> Fairness | None:
        """The problem's fairness data, or None without members or with a zero weight."""
        values = problem.member_value
        if weight <= 0 or values is None or not problem.crews or values.shape[0] == 0:
            return None
        crews = _CREWS.get(problem)
        if crews is None:
            crews = np.zeros((len(problem.tours), values.shape[0]), dtype=bool)
            for k, crew in enumerate(problem.crews):
                crews[k, list(crew)] = True
            _CREWS[problem] = crews
        return cls(weight, crews, values)

    @property
    def members(self) -> int:
        """How many members count."""
        return int(self.values.shape[0])

    def totals(self, routes: Iterable[tuple[int, list[int]]]) -> FloatArray:
        """``V``: per member, the value of the sites of (tour, sites) pairs they travel in."""
        out = np.zeros(self.members)
        for k, sites in routes:
            if sites and self.crews[k].any():
                out += self.crews[k] * self.values[:, sites].sum(axis=1)
        return out

    def add(self, totals: FloatArray, k: int, site: int) -> None:
        """Update ``totals`` in place for ``site`` visited by tour ``k``."""
        totals += self.crews[k] * self.values[:, site]

    def term(self, totals: FloatArray) -> float:
        """``w x members x min V``."""
        return self.weight * self.members * float(totals.min())

    def gains(
        self, base: FloatArray, totals: FloatArray, rows: npt.NDArray[np.int64] | None = None
    ) -> FloatArray:
        """Per tour and site: ``base`` plus ``w x members x`` its soft-minimum member value
        (only the tours ``rows`` when given, in that order)."""
        lift = totals - totals.min()
        spread = max(float(lift.mean()), 1e-9)
        soft = np.exp(-lift / (SOFTNESS * spread))
        soft /= soft.sum()
        crews = self.crews if rows is None else self.crews[rows]
        need: FloatArray = crews.astype(np.float64) @ (soft[:, None] * self.values)
        return (base if rows is None else base[rows]) + self.weight * self.members * need

    def ceiling(self, problem: Problem, value_ceiling: float) -> float:
        """``w x members x`` a ceiling on ``min V``: the mean (value / members) at most, and
        what the least favoured member could get from every site a tour of theirs may visit.
        """
        sites = np.zeros(problem.size, dtype=bool)
        sites[list(problem.sites)] = True
        allowed = (problem.close >= problem.open) & sites[None, :]
        reachable = (self.crews.T.astype(np.float64) @ allowed.astype(np.float64)) > 0
        best = float((self.values * reachable).sum(axis=1).min())
        return float(self.weight * self.members * min(best, value_ceiling / self.members))
