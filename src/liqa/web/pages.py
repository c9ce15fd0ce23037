"""Shared glue for views: render a Jinja2 page with the language context, forbid access."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from liqa.web.templating import current_direction, current_language


def page(
    request: HttpRequest, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    """Render ``template`` with ``lang`` and ``dir`` (read by the core's locale filters)."""
    full = {"lang": current_language(), "dir": current_direction(), **(context or {})}
    return render(request, template, full, status=status)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """403: anonymous visitors are sent to sign in first; others see a plain refusal."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("accounts:signin"))
    return page(request, "403.html", status=403)
