"""Organizer rules: which pairs may be recommended at all.

* **Sides**: in a trade mission only delegation ↔ host; at a fair buyers ↔ sellers (enter
  buyers as ``side: delegation`` and sellers as ``side: host``); ``side: both`` meets anyone.
  :attr:`Pairing.ANY` lifts the rule (open networking).
* **Same organization**: two people of one organization are never matched.
* **Met before**: pairs (of parties or of their organizations) who already met are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from liqa.core.matching.profiles import Party
from liqa.core.model import Event, OutcomeKind, RequestStatus, Side


class Pairing(StrEnum):
    """Which sides may meet."""

    OPPOSITE_SIDES = "opposite_sides"
    ANY = "any"


class Exclusion(StrEnum):
    """Why a pair is never recommended."""

    SAME_PARTY = "same_party"
    SAME_ORGANIZATION = "same_organization"
    SAME_SIDE = "same_side"
    MET_BEFORE = "met_before"


@dataclass(frozen=True)
class MatchRules:
    """The organizer's rules for one event."""

    pairing: Pairing = Pairing.OPPOSITE_SIDES
    met_before: frozenset[frozenset[str]] = frozenset()
    """Pairs that met already; each side is a person id or an organization id."""

    def exclusion(self, a: Party, b: Party) -> Exclusion | None:
        """Why ``a`` and ``b`` must not be recommended to each other, or ``None``."""
        if a.id == b.id:
            return Exclusion.SAME_PARTY
        if a.organization == b.organization:
            return Exclusion.SAME_ORGANIZATION
        if self.pairing is Pairing.OPPOSITE_SIDES and not sides_may_meet(a.side, b.side):
            return Exclusion.SAME_SIDE
        if self._met(a, b):
            return Exclusion.MET_BEFORE
        return None

    def _met(self, a: Party, b: Party) -> bool:
        return bool(self.met_before) and any(
            frozenset((x, y)) in self.met_before
            for x in {a.id, a.organization}
            for y in {b.id, b.organization}
        )

    def allowed_matrix(self, rows: list[Party], parties: list[Party]) -> npt.NDArray[np.bool_]:
        """``allowed[i, j]`` for party ``rows[i]`` and candidate ``parties[j]`` (vectorised)."""
        codes: dict[str, int] = {}
        orgs = np.array([codes.setdefault(p.organization, len(codes)) for p in parties])
        row_orgs = np.array([codes.setdefault(p.organization, len(codes)) for p in rows])
        allowed: npt.NDArray[np.bool_] = row_orgs[:, None] != orgs[None, :]
        if self.pairing is Pairing.OPPOSITE_SIDES:
            side_code = {Side.DELEGATION: 1, Side.HOST: 2, Side.BOTH: 3}
            sides = np.array([side_code[p.side] for p in parties])
            row_sides = np.array([side_code[p.side] for p in rows])
            both = (sides[None, :] == 3) | (row_sides[:, None] == 3)
            allowed &= both | (sides[None, :] != row_sides[:, None])
        if self.met_before:
            columns: dict[str, list[int]] = {}
            for j, party in enumerate(parties):
                columns.setdefault(party.id, []).append(j)
                if party.organization != party.id:
                    columns.setdefault(party.organization, []).append(j)
            partners: dict[str, set[str]] = {}
            for pair in self.met_before:
                if len(pair) == 2:
                    x, y = tuple(pair)
                    partners.setdefault(x, set()).add(y)
                    partners.setdefault(y, set()).add(x)
            for i, party in enumerate(rows):
                for key in {party.id, party.organization}:
                    for partner in partners.get(key, ()):
                        allowed[i, columns.get(partner, [])] = False
        return allowed


def sides_may_meet(a: Side, b: Side) -> bool:
    """Delegation ↔ host, and ``both`` with anyone."""
    return Side.BOTH in (a, b) or a != b


def met_before_pairs(event: Event) -> frozenset[frozenset[str]]:
    """Pairs who met at a meeting recorded as held in ``event.outcomes``."""
    held = {o.assignment for o in event.outcomes if o.kind is OutcomeKind.HELD}
    return frozenset(
        frozenset((r.requester, r.target))
        for r in event.requests
        if r.id in held and r.status is RequestStatus.ACCEPTED
    )


def event_rules(
    event: Event, extra_met_before: Iterable[tuple[str, str]] = (), pairing: Pairing | None = None
) -> MatchRules:
    """The default rules of an event, with pairs known to have met added."""
    met = met_before_pairs(event) | {frozenset(pair) for pair in extra_met_before}
    return MatchRules(pairing or Pairing.OPPOSITE_SIDES, frozenset(met))
