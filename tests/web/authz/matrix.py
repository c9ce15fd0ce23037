"""Run the matrix: every URL × method × actor, each call rolled back, answers classified."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse

from tests.web.authz.actors import World
from tests.web.authz.expectations import JSON_PAYLOADS, PAYLOADS, Rule
from tests.web.authz.routes import Route, concrete

SIGN_IN_PAGES = ("/accounts/signin/", "/admin/login/")


def verdict(response: HttpResponseBase) -> str:
    """``denied``, ``allowed``, ``method not allowed`` or ``server error``."""
    status = response.status_code
    if status >= 500:
        return "server error"
    if status == 405:
        return "method not allowed"
    if status in (403, 404) or (status == 401 and response.has_header("WWW-Authenticate")):
        return "denied"
    if 300 <= status < 400 and urlsplit(response["Location"]).path.startswith(SIGN_IN_PAGES):
        return "denied"
    return "allowed"


def body(response: HttpResponseBase) -> str:
    """The response's content as text: PDFs read back by pdftotext, the rest decoded."""
    if isinstance(response, StreamingHttpResponse):  # a file: its streamed content joined
        data = response.getvalue()
    elif isinstance(response, HttpResponse):
        data = response.content
    else:
        raise TypeError(f"a {type(response).__name__}: neither content nor streamed content")
    if response.get("Content-Type", "").startswith("application/pdf"):
        done = subprocess.run(
            ["pdftotext", "-", "-"], input=data, capture_output=True, check=True, timeout=30
        )
        data = done.stdout
    return data.decode("utf-8", "replace")


_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE|TRUNCATE)\b", re.IGNORECASE)


@dataclass
class WriteLog:
    """Records every statement that writes a row, other than to the sessions table."""

    writes: list[str] = field(default_factory=list)

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if _WRITE.match(sql) and "django_session" not in sql:
            self.writes.append(sql.split(" WHERE ")[0][:120])
        return execute(sql, params, many, context)


@dataclass(frozen=True)
class Cell:
    """One call: who called which URL how, what they were expected and what they got."""

    name: str
    method: str
    actor: str
    url: str
    rule: Rule
    status: int
    verdict: str
    body: str = field(repr=False)
    writes: tuple[str, ...]
    """Statements that wrote to the database during the call (sessions excepted)."""

    @property
    def expected(self) -> str:
        """``allowed`` or ``denied`` by the rule."""
        return "allowed" if self.actor in self.rule.allowed else "denied"

    def __str__(self) -> str:
        return (
            f"{self.method} {self.url} ({self.name}) as {self.actor}: {self.status} "
            f"{self.verdict}, expected {self.expected} ({self.rule.name})"
        )


def call(world: World, route: Route, method: str, actor: str, rule: Rule) -> Cell:
    """Make one call inside a savepoint that is always rolled back, recording its writes."""
    url = concrete(route, world)
    log = WriteLog()
    with transaction.atomic(), connection.execute_wrapper(log):
        client = world.client(actor)
        if method == "GET":
            response = client.get(url)
        elif method == "POST" and route.name not in JSON_PAYLOADS:
            response = client.post(url, PAYLOADS.get(route.name, {}))
        else:
            data = json.dumps(JSON_PAYLOADS[route.name]) if method == "POST" else ""
            response = client.generic(method, url, data, content_type="application/json")
        found = verdict(response)
        text = body(response)
        transaction.set_rollback(True)
    return Cell(
        route.name, method, actor, url, rule, response.status_code, found, text, tuple(log.writes)
    )


_VOLATILE = (
    re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+'),
    re.compile(r'(name="once" value=")[^"]+'),  # an import form's token, new at each showing
    re.compile(r"(DTSTAMP:)\S+"),
)


def normalized(text: str) -> str:
    """``text`` without per-request values (CSRF tokens, time stamps, PDF ids)."""
    for pattern in _VOLATILE:
        text = pattern.sub(r"\1…", text)
    return text


def leaks(cell: Cell, private: dict[str, frozenset[str]]) -> list[str]:
    """The private strings in ``cell``'s answer that its actor may not see."""
    return sorted(
        marker
        for marker, allowed in private.items()
        if cell.actor not in allowed and marker in cell.body
    )
