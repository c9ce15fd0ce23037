"""The reads that authenticate nearly every request, as one plain SQL statement each.

Every API call reads its token with the user (DRF's ``TokenAuthentication``) and every page
its session row (Django's database sessions) and then its user (the auth backend's
``get_user``). Building those queries through the ORM cost more CPU than running them:
under the load test they were about a fifth of a gunicorn worker's Python time
(``py-spy --gil``). On PostgreSQL the same rows are read here with a fixed statement and
turned into the same model instances; the rules are unchanged (Django's own
``auth.get_user`` still checks the session's password hash, the backend still refuses
inactive users)
(an unknown token or an inactive user goes to DRF's own check, which refuses it with its
message; expired sessions are ignored) and other databases keep the ORM's path.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Model
from django.utils import timezone
from rest_framework import authentication
from rest_framework.authtoken.models import Token


def _columns(model: type[Model], alias: str) -> tuple[list[str], str]:
    """The model's concrete fields' attribute names, and their columns as ``alias.col``."""
    fields = model._meta.concrete_fields
    quote = connection.ops.quote_name
    return [f.attname for f in fields], ", ".join(f"{alias}.{quote(str(f.column))}" for f in fields)


def _column(model: type[Model], name: str) -> str:
    """The quoted column of the field ``name``."""
    return connection.ops.quote_name(str(model._meta.get_field(name).column))  # type: ignore[union-attr]  # a concrete field


@cache
def _token_sql() -> tuple[list[str], list[str], str]:
    user_model = get_user_model()
    token_names, token_columns = _columns(Token, "t")
    user_names, user_columns = _columns(user_model, "u")
    user_id, key = _column(Token, "user"), _column(Token, "key")
    pk = _column(user_model, user_model._meta.pk.name)  # type: ignore[union-attr]  # has a pk
    sql = (
        f"SELECT {token_columns}, {user_columns} FROM {Token._meta.db_table} t"
        f" JOIN {user_model._meta.db_table} u ON u.{pk} = t.{user_id} WHERE t.{key} = %s"
    )
    return token_names, user_names, sql


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token authentication, reading the token and its user in one plain statement
    on PostgreSQL (the ORM's query elsewhere)."""

    def authenticate_credentials(self, key: str) -> tuple[Any, Token]:
        """The token's user and the token; ``AuthenticationFailed`` as DRF's own."""
        if connection.vendor != "postgresql":
            return super().authenticate_credentials(key)  # type: ignore[no-any-return]
        token_names, user_names, sql = _token_sql()
        with connection.cursor() as cursor:
            cursor.execute(sql, [key])
            found = cursor.fetchone()
        n = len(token_names)
        if found is None or not found[n + user_names.index("is_active")]:
            return super().authenticate_credentials(key)  # DRF's refusal, as DRF words it
        token = Token.from_db(connection.alias, token_names, found[:n])
        user = get_user_model().from_db(connection.alias, user_names, found[n:])
        token.user = user
        return user, token


_SESSION_NAMES = ["session_key", "session_data", "expire_date"]


@cache
def _session_sql() -> str:
    columns = ", ".join(_column(Session, name) for name in _SESSION_NAMES)
    key, expiry = _column(Session, "session_key"), _column(Session, "expire_date")
    return f"SELECT {columns} FROM {Session._meta.db_table} WHERE {key} = %s AND {expiry} > %s"


BACKEND = "liqa.web.accounts.lookups.ModelBackend"
"""The sign-in backend (``AUTHENTICATION_BACKENDS``), Django's ``ModelBackend`` but for
reading the user."""
DJANGO_BACKEND = "django.contrib.auth.backends.ModelBackend"


@cache
def _user_sql() -> tuple[list[str], str]:
    user_model = get_user_model()
    names, columns = _columns(user_model, "u")
    pk = _column(user_model, user_model._meta.pk.name)  # type: ignore[union-attr]  # has a pk
    return names, f"SELECT {columns} FROM {user_model._meta.db_table} u WHERE u.{pk} = %s"


class ModelBackend(DjangoModelBackend):
    """Django's ``ModelBackend``; on PostgreSQL the user of a session is read with a plain
    statement (an inactive or missing user: ``None``, as Django's)."""

    def get_user(self, user_id: Any) -> Any:
        """The active user ``user_id``, else ``None``."""
        if connection.vendor != "postgresql":
            return super().get_user(user_id)
        user_model = get_user_model()
        try:
            pk = user_model._meta.pk.to_python(user_id)  # type: ignore[union-attr]  # has a pk
        except ValidationError:
            return None
        names, sql = _user_sql()
        with connection.cursor() as cursor:
            cursor.execute(sql, [pk])
            found = cursor.fetchone()
        if found is None:
            return None
        user = user_model.from_db(connection.alias, names, found)
        return user if self.user_can_authenticate(user) else None


class SessionStore(DatabaseSessionStore):
    """Django's database sessions (same table, same cookie), the session row read with a
    plain statement on PostgreSQL (``SESSION_ENGINE = "liqa.web.accounts.lookups"``)."""

    def _get_session_from_db(self) -> Session | None:
        if connection.vendor != "postgresql" or not isinstance(self.session_key, str):
            return super()._get_session_from_db()  # type: ignore[misc,no-any-return]  # untyped
        with connection.cursor() as cursor:
            cursor.execute(_session_sql(), [self.session_key, timezone.now()])
            found = cursor.fetchone()
        if found is None:
            self._session_key = None
            return None
        return Session.from_db(connection.alias, _SESSION_NAMES, found)

    def load(self) -> dict[str, Any]:
        """The session's data; a sign-in recorded with Django's ``ModelBackend`` (before
        :data:`BACKEND`) is read as made with :data:`BACKEND`, the same rules: such
        sessions stay signed in."""
        data: dict[str, Any] = super().load()
        if data.get(BACKEND_SESSION_KEY) == DJANGO_BACKEND:
            data[BACKEND_SESSION_KEY] = BACKEND
        return data
