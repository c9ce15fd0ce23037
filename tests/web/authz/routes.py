"""Every URL of the app, from the URL configuration and the OpenAPI schema, made concrete."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern

from tests.web.authz.actors import B_ALONE, SHARED, SLUG, World


@dataclass(frozen=True)
class Route:
    """One URL pattern: its name (``namespace:name``, or the route itself when unnamed)."""

    name: str
    route: str
    regex: bool
    """True for a regular-expression pattern (Django's admin catch-all)."""


def _walk(resolver: URLResolver, prefix: str, namespace: str) -> Iterator[Route]:
    for entry in resolver.url_patterns:
        text = str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from _walk(entry, prefix + text, inner)
        elif isinstance(entry, URLPattern):
            route = prefix + text
            name = namespace + entry.name if entry.name else route
            yield Route(name, route, isinstance(entry.pattern, RegexPattern))


def resolver_routes() -> list[Route]:
    """Every pattern of the URL configuration, named and unnamed, in order."""
    return list(_walk(get_resolver(), "", ""))


_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")
_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


def _admin_object_id(route: str) -> str:
    """The primary key of a stored row of the model an admin URL is about."""
    app_label, model_name = route.split("/")[1:3]
    row = apps.get_model(app_label, model_name).objects.order_by("pk").first()
    if row is None:
        raise LookupError(f"no {app_label}.{model_name} row for {route}: store one in actors.py")
    return str(row.pk)


ROUTE_VALUES: dict[tuple[str, str], str] = {
    ("api:book", "key"): SHARED,  # both A and B are parties to it
    ("events:edit_add", "kind"): "people",
    ("scheduling:published", "number"): "1",  # what publishing version 1 changed
    ("scheduling:send_again", "number"): "1",  # its e-mails
    ("events:edit_record", "kind"): "people",
    ("events:edit_record", "key"): "p-amina",
    ("events:edit_delete", "kind"): "people",
    ("events:edit_delete", "key"): "p-amina",
    ("api:venue", "key"): "v-hall",
    ("scheduling:report_chart", "name"): "participants-1",  # the report's first chart
}
"""Values for one route's parameter, where the general ones below do not fit."""


def value(route: Route, parameter: str, world: World) -> str:
    """The real value given to one path parameter of ``route`` (fails if there is none)."""
    if (route.name, parameter) in ROUTE_VALUES:
        return ROUTE_VALUES[route.name, parameter]
    if parameter == "secret":
        return world.feed_secret if route.name == "agendas:feed" else world.link_secret
    simple = {
        "slug": SLUG,
        "number": "2",  # the draft
        "run_id": str(world.run_id),
        "key": B_ALONE,
        "url": "no-such-page/",
        "app_label": "events",
        "id": str(world.users["participant_a"].pk),
    }
    if parameter in simple:
        return simple[parameter]
    if parameter == "content_type_id":
        return str(ContentType.objects.get_for_model(type(world.event)).pk)
    if parameter == "object_id":
        if route.name == "admin:view_on_site":
            return str(world.event.pk)
        return _admin_object_id(route.route)
    raise LookupError(
        f"no value for path parameter {parameter!r} of {route.name} ({route.route}): "
        "add one in tests/web/authz/routes.py:value()"
    )


def concrete(route: Route, world: World) -> str:
    """The absolute path of ``route`` for the matrix's event and records."""
    if route.regex:
        path = _GROUP.sub(lambda m: value(route, m.group("name"), world), route.route)
        return "/" + path.replace("^", "").replace("$", "")
    return "/" + _PARAMETER.sub(lambda m: value(route, m.group("name"), world), route.route)


def _schema_path(path: str, world: World) -> str:
    """An OpenAPI path (``/api/events/{slug}/``) with real values."""
    probe = Route(path, path, regex=False)
    return re.sub(r"\{(\w+)\}", lambda m: value(probe, m.group(1), world), path)


def schema_operations(schema: dict[str, object], world: World) -> dict[str, set[str]]:
    """URL name -> HTTP methods, for every path × method of the OpenAPI schema."""
    found: dict[str, set[str]] = {}
    paths = schema["paths"]
    assert isinstance(paths, dict)
    for path, operations in paths.items():
        name = resolve(_schema_path(path, world)).view_name
        methods = {m.upper() for m in operations if m in {"get", "post", "put", "patch", "delete"}}
        found.setdefault(name, set()).update(methods)
    return found
