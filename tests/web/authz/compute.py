"""The matrix's plan (every URL × method from the URL configuration and the schema) and run."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from liqa.web.scheduling.publishing import publish
from tests.web.authz.actors import World, add_draft, build_world
from tests.web.authz.expectations import Rule, actors_of, expected
from tests.web.authz.matrix import Cell, call, normalized
from tests.web.authz.routes import Route, resolver_routes, schema_operations

SEES_DRAFTS = frozenset({"organizer", "superuser"})


@dataclass
class Matrix:
    """Every cell, what could not be called, and the draft comparison."""

    cells: list[Cell] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    """Messages for URLs or methods without an expectation."""
    before_draft: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """(name, method, actor) -> normalized answer while only version 1 exists."""
    published_draft: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """The same participant cells after version 2 is published (the detector's control)."""
    urls: int = 0

    def cell(self, name: str, method: str, actor: str) -> Cell:
        """The cell of one URL name, method and actor."""
        return next(c for c in self.cells if (c.name, c.method, c.actor) == (name, method, actor))


def _plan(
    world: World, routes: list[Route], schema: dict[str, Any], matrix: Matrix
) -> list[tuple[Route, str, Rule]]:
    """(route, method, rule) for every URL and method; unlisted ones go to ``matrix.unlisted``."""
    from_schema = schema_operations(schema, world)
    names = {route.name for route in routes}
    for name in sorted(set(from_schema) - names):
        matrix.unlisted.append(f"{name}: in the OpenAPI schema but not in the URL configuration")
    plan: list[tuple[Route, str, Rule]] = []
    for route in routes:
        rules = expected(route.name)
        if rules is None:
            matrix.unlisted.append(
                f"{route.name} ({route.route}): add it to EXPECTATIONS in "
                "tests/web/authz/expectations.py with its methods and who may call it"
            )
            continue
        for method in sorted(from_schema.get(route.name, set()) - set(rules)):
            matrix.unlisted.append(
                f"{route.name}: {method} is in the OpenAPI schema; add it to EXPECTATIONS"
            )
        plan.extend((route, method, rule) for method, rule in sorted(rules.items()))
    matrix.urls = len(routes)
    return plan


def _readable_without_drafts(plan: list[tuple[Route, str, Rule]]) -> list[tuple[Route, str, str]]:
    """The GET cells where someone who must not see drafts is let through."""
    return [
        (route, method, actor)
        for route, method, rule in plan
        if method == "GET"
        for actor in sorted(rule.allowed.intersection(actors_of(route.name)) - SEES_DRAFTS)
    ]


def compute() -> Matrix:
    """Build the world, call every cell, and compare participant answers around a draft."""
    matrix = Matrix()
    world = build_world()
    routes = resolver_routes()
    schema = json.loads(world.client("superuser").get("/api/schema/?format=json").content)
    plan = _plan(world, routes, schema, matrix)
    readable = _readable_without_drafts(plan)
    rules = {(route.name, method): rule for route, method, rule in plan}
    for route, method, actor in readable:
        cell = call(world, route, method, actor, rules[route.name, method])
        matrix.before_draft[route.name, method, actor] = normalized(cell.body)
    draft = add_draft(world)
    for route, method, rule in plan:
        for actor in actors_of(route.name):
            matrix.cells.append(call(world, route, method, actor, rule))
    with transaction.atomic():
        publish(draft, notify=False)
        for route, method, actor in readable:
            if actor.startswith("participant_"):
                cell = call(world, route, method, actor, rules[route.name, method])
                matrix.published_draft[route.name, method, actor] = normalized(cell.body)
        transaction.set_rollback(True)
    return matrix
