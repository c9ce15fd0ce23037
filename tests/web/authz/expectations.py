"""Who may call what: one rule per (URL name, method), for every page and API endpoint.

A URL in the URL configuration or the OpenAPI schema without an entry here fails
``test_every_url_has_an_expectation``: add its name (``namespace:name``), its methods and
a rule below. Allowed means any answer but a denial; denied means 403, 404, a 401
challenge or a redirect to a sign-in page, with the database unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.web.authz.actors import ACTORS


@dataclass(frozen=True)
class Rule:
    """The actors allowed through; everyone else is denied."""

    name: str
    allowed: frozenset[str]
    doc: str

    def __repr__(self) -> str:
        return self.name


def _rule(name: str, allowed: set[str], doc: str) -> Rule:
    return Rule(name, frozenset(allowed), doc)


PUBLIC = _rule("PUBLIC", set(ACTORS), "Anyone, signed in or not; shows no private data.")
SECRET_HOLDER = _rule(
    "SECRET_HOLDER",
    set(ACTORS),
    "Whoever holds the secret in the URL (magic link, calendar feed): the secret is the "
    "credential, e-mailed or shown once to its owner only. Exempt from the private-data "
    "check (the feed is A's own agenda).",
)
ORGANIZER_ONLY = _rule(
    "ORGANIZER_ONLY",
    {"organizer", "superuser"},
    "Organizers of this event and superusers; not the organizer of another event.",
)
STAFF_ONLY = _rule(
    "STAFF_ONLY",
    {"organizer", "other_organizer", "superuser"},
    "Staff users (organizers import new events; Django's admin opens for them but shows "
    "nothing without model permissions).",
)
SELF_ONLY = _rule(
    "SELF_ONLY",
    {"participant_a", "participant_b"},
    "Participants of this event, each seeing and changing only their own data (the "
    "private-data check proves B never sees A's e-mail, phone or meetings, and back).",
)
ADDRESSEE_ONLY = _rule(
    "ADDRESSEE_ONLY",
    {"participant_b"},
    "Only the participant a request is addressed to (the matrix's request goes to B).",
)
PARTIES_ONLY = _rule(
    "PARTIES_ONLY",
    {"participant_a", "participant_b"},
    "Only the two parties of a request (the matrix books A and B's shared meeting).",
)
HOST_ADMIN_ONLY = _rule(
    "HOST_ADMIN_ONLY", {"host_admin"}, "The administrator of a host organization of this event."
)
ORGANIZER_OR_PARTICIPANT = _rule(
    "ORGANIZER_OR_PARTICIPANT",
    {"organizer", "superuser", "participant_a", "participant_b"},
    "The event's organizers (everything) and participants (only what concerns them).",
)
SUPERUSER_ONLY = _rule("SUPERUSER_ONLY", {"superuser"}, "Django's admin: superusers only.")
NOBODY = _rule(
    "NOBODY",
    set(),
    "Answers nobody with data here (admin catch-all, view-on-site of models without a "
    "public page, autocomplete without autocomplete fields).",
)

GET, POST, DELETE = "GET", "POST", "DELETE"

EXPECTATIONS: dict[str, dict[str, Rule]] = {
    # public pages and sign-in
    "home": {GET: PUBLIC},
    "set_language": {POST: PUBLIC},
    "accounts:signin": {GET: PUBLIC, POST: PUBLIC},
    "accounts:password": {GET: PUBLIC, POST: PUBLIC},
    "accounts:link": {GET: SECRET_HOLDER, POST: SECRET_HOLDER},
    "accounts:signout": {POST: PUBLIC},
    "events:public": {GET: PUBLIC},
    "events:import": {GET: STAFF_ONLY, POST: STAFF_ONLY},
    "events:new": {GET: STAFF_ONLY, POST: STAFF_ONLY},
    "events:spreadsheets": {GET: ORGANIZER_ONLY, POST: ORGANIZER_ONLY},
    "events:edit": {GET: ORGANIZER_ONLY},
    "events:edit_brokerage": {GET: ORGANIZER_ONLY, POST: ORGANIZER_ONLY},
    "events:edit_add": {GET: ORGANIZER_ONLY, POST: ORGANIZER_ONLY},
    "events:edit_record": {GET: ORGANIZER_ONLY, POST: ORGANIZER_ONLY},
    "events:edit_delete": {POST: ORGANIZER_ONLY},
    # organizer pages
    "scheduling:overview": {GET: ORGANIZER_ONLY},
    "scheduling:start_run": {POST: ORGANIZER_ONLY},
    "scheduling:invite": {GET: ORGANIZER_ONLY, POST: ORGANIZER_ONLY},
    "scheduling:communique": {GET: ORGANIZER_ONLY, POST: ORGANIZER_ONLY},
    "scheduling:report": {GET: ORGANIZER_ONLY},
    "scheduling:report_pdf": {GET: ORGANIZER_ONLY},
    "scheduling:report_chart": {GET: ORGANIZER_ONLY},
    "scheduling:mission": {GET: ORGANIZER_ONLY},
    "backup:download": {GET: ORGANIZER_ONLY},
    "scheduling:outputs": {GET: ORGANIZER_ONLY},
    "scheduling:run": {GET: ORGANIZER_ONLY},
    "scheduling:run_json": {GET: ORGANIZER_ONLY},
    "scheduling:cancel_run": {POST: ORGANIZER_ONLY},
    "scheduling:version": {GET: ORGANIZER_ONLY},
    "scheduling:pin": {POST: ORGANIZER_ONLY},
    "scheduling:publish": {GET: ORGANIZER_ONLY, POST: ORGANIZER_ONLY},
    "scheduling:published": {GET: ORGANIZER_ONLY},
    "scheduling:send_again": {POST: ORGANIZER_ONLY},
    "scheduling:move": {POST: ORGANIZER_ONLY},
    "agendas:follow_ups": {GET: ORGANIZER_ONLY, POST: ORGANIZER_ONLY},
    "agendas:host_admins": {GET: ORGANIZER_ONLY, POST: ORGANIZER_ONLY},
    "audit:history": {GET: ORGANIZER_ONLY},
    # participant pages
    "agendas:me": {GET: SELF_ONLY},
    "agendas:ics": {GET: SELF_ONLY},
    "agendas:pdf": {GET: SELF_ONLY},
    "agendas:feed_settings": {POST: SELF_ONLY},
    "agendas:requests": {GET: SELF_ONLY, POST: ADDRESSEE_ONLY},
    "agendas:outcome": {POST: SELF_ONLY},
    "agendas:profile": {GET: SELF_ONLY, POST: SELF_ONLY},
    "agendas:feed": {GET: SECRET_HOLDER},
    # host page
    "agendas:host": {GET: HOST_ADMIN_ONLY, POST: HOST_ADMIN_ONLY},
    # REST API (methods also come from the OpenAPI schema)
    "api:schema": {GET: PUBLIC},
    "api:events": {GET: PUBLIC},
    "api:event": {GET: PUBLIC},
    "api:organizations": {GET: PUBLIC},
    "api:people": {GET: ORGANIZER_OR_PARTICIPANT},
    "api:venues": {GET: ORGANIZER_OR_PARTICIPANT},
    "api:venue": {GET: ORGANIZER_OR_PARTICIPANT},
    "api:requests": {GET: ORGANIZER_OR_PARTICIPANT},
    "api:answer": {POST: ADDRESSEE_ONLY},
    "api:book": {POST: PARTIES_ONLY, DELETE: PARTIES_ONLY},
    "api:schedules": {GET: ORGANIZER_OR_PARTICIPANT},
    "api:outcomes": {GET: ORGANIZER_OR_PARTICIPANT, POST: ORGANIZER_OR_PARTICIPANT},
    "api:host": {GET: HOST_ADMIN_ONLY},
    "api:host_confirmations": {POST: HOST_ADMIN_ONLY},
}
"""Every non-admin URL name with, per method, who may call it."""

ADMIN_REDIRECT = _rule(
    "ADMIN_REDIRECT",
    {"organizer", "other_organizer", "superuser"},
    "Django's admin redirects staff from an object's old address to its change page (which "
    "is superuser-only); the redirect itself shows nothing.",
)
READ_ONLY = _rule(
    "READ_ONLY",
    set(),
    "Records nobody may add or delete, not even superusers (task results, audit entries).",
)

ADMIN_EXCEPTIONS: dict[str, dict[str, Rule]] = {
    "admin:login": {GET: PUBLIC},
    "admin:logout": {POST: PUBLIC},
    "admin:index": {GET: STAFF_ONLY},
    "admin:password_change": {GET: STAFF_ONLY},
    "admin:password_change_done": {GET: STAFF_ONLY},
    "admin:jsi18n": {GET: STAFF_ONLY},
    "admin:autocomplete": {GET: NOBODY},
    "admin:view_on_site": {GET: NOBODY},
    "admin/(?P<url>.*)$": {GET: NOBODY},
    "admin:django_tasks_database_dbtaskresult_add": {GET: READ_ONLY},
    "admin:django_tasks_database_dbtaskresult_delete": {GET: READ_ONLY},
    "admin:audit_auditentry_add": {GET: READ_ONLY},
    "admin:audit_auditentry_delete": {GET: READ_ONLY},
}
"""Django's admin: every other admin URL is ``SUPERUSER_ONLY`` for GET, except the
unnamed ``<app>/<model>/<id>/`` redirects (``ADMIN_REDIRECT``)."""

ADMIN_ACTORS = ("anonymous", "organizer", "superuser")
"""Django's admin is called as one user of each kind it tells apart: not staff (anonymous;
a signed-in participant takes the same ``is_staff`` branch), staff without model
permissions (the organizer), superuser."""


def expected(name: str) -> dict[str, Rule] | None:
    """The methods and rules of a URL name (admin URLs by rule), ``None`` if not listed."""
    if name in EXPECTATIONS:
        return EXPECTATIONS[name]
    if name in ADMIN_EXCEPTIONS:
        return ADMIN_EXCEPTIONS[name]
    if name.startswith("admin:"):
        return {GET: SUPERUSER_ONLY}
    if name.startswith("admin/") and name.endswith("/<path:object_id>/"):
        return {GET: ADMIN_REDIRECT}
    return None


def actors_of(name: str) -> tuple[str, ...]:
    """Who calls a URL: every actor, or the four kinds of admin user for the admin."""
    return ADMIN_ACTORS if name.startswith(("admin:", "admin/")) else ACTORS


PAYLOADS: dict[str, dict[str, object]] = {
    "set_language": {"language": "fr", "next": "/"},
    "accounts:signin": {"email": "amina.private@example.org", "next": "/"},
    "accounts:password": {"username": "organizer@example.org", "password": "wrong"},
    "events:import": {},
    "events:new": {},
    "events:spreadsheets": {},
    "scheduling:start_run": {},
    "scheduling:communique": {"en": "Matrix communique"},
    "scheduling:pin": {"key": "req-amina-bruno", "pinned": "1"},
    "scheduling:move": {"key": "req-amina-bruno", "slot": "2", "table": "5"},
    "agendas:feed_settings": {"action": "create"},
    "agendas:requests": {"key": "req-bruno-chen", "action": "decline"},
    "agendas:outcome": {"assignment": "req-amina-chen", "kind": "cancelled", "follow_up": "call"},
    "agendas:follow_ups": {"assignment": "req-amina-chen", "kind": "held", "follow_up": "mou"},
    "agendas:profile": {"languages": ["en"], "phone": "+1 555 0100"},
    "agendas:host": {"assignment": "req-amina-bruno", "attendee": ["p-bruno"]},
    "agendas:host_admins": {"organization": "o-beta", "person": "p-bruno"},
}
"""Form data of each POST (harmless: every allowed call is rolled back afterwards)."""

JSON_PAYLOADS: dict[str, dict[str, object]] = {
    "api:answer": {"action": "decline"},
    "api:book": {"slot": "2030-03-14T09:40:00+01:00"},
    "api:host_confirmations": {"assignment": "req-amina-bruno", "attendees": ["p-bruno"]},
    "api:outcomes": {"assignment": "req-amina-chen", "kind": "cancelled", "follow_up": "none"},
}
"""JSON bodies of API POSTs."""
