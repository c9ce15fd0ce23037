"""Who is acting: the signed-in user of the current request, else ``system``.

The middleware sets a getter for the request's user (read when a change is recorded, so
that the API's token authentication, which happens inside the view, is seen too). Tasks
run by a worker and the command line set nothing and act as ``system``; code that acts
for someone else wraps the work in :func:`acting`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

SYSTEM = "system"
ANONYMOUS = "anonymous"

UserGetter = Callable[[], AbstractBaseUser | AnonymousUser | None]

_current: ContextVar[UserGetter | None] = ContextVar("liqa_audit_actor", default=None)


@contextmanager
def acting(user: AbstractBaseUser | AnonymousUser | UserGetter | None) -> Iterator[None]:
    """Record changes made inside the block as made by ``user`` (``None``: system)."""
    getter: UserGetter = user if callable(user) else (lambda: user)
    token = _current.set(getter)
    try:
        yield
    finally:
        _current.reset(token)


def current() -> tuple[User | None, str]:
    """The acting user (``None`` when there is none) and the name recorded for them."""
    getter = _current.get()
    if getter is None:
        return None, SYSTEM
    user = getter()
    if user is None:
        return None, SYSTEM
    if isinstance(user, User) and user.is_authenticated:
        return user, user.get_username()
    return None, ANONYMOUS
