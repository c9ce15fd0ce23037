"""Makes the request's user the actor of every change recorded while it is handled."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from liqa.web.audit.actor import acting


class AuditActorMiddleware:
    """Place after ``AuthenticationMiddleware``; the user is read when a change is recorded."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with acting(lambda: getattr(request, "user", None)):
            return self.get_response(request)
