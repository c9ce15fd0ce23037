"""Shared glue for views: render a Jinja2 page with the language context, forbid access."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from liqa.web.templating import current_direction, current_language


def page(
    request: HttpRequest, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    """Render ``template`` with ``lang`` and ``dir`` (read by the core's locale filters)."""
    full = {"lang": current_language(), "dir": current_direction(), **(context or {})}
    return render(request, template, full, status=status)
