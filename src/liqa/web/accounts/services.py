"""Accounts: users for people, invitations, magic links (single use, expiring, rate-limited).

Secrets are random URL-safe strings; only their SHA-256 digests are stored.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import smtplib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core.outputs.labels import isolate
from liqa.core.problems import Name
from liqa.web.accounts import limits
from liqa.web.accounts.host_mail_memo import HostMailMemo
from liqa.web.accounts.models import CalendarFeed, Membership, Role, SignInLink
from liqa.web.accounts.signals import host_mail_composing, host_role_changed
from liqa.web.delivery import Tally, deliver, outcome, tally
from liqa.web.events.models import Event, Organization, Person
from liqa.web.events.previews import HOST_SIDES, AccessLost, AccountChanges, HostWithdrawn
from liqa.web.events.replacing import Work
from liqa.web.logfilters import redact

logger = logging.getLogger(__name__)


class HostGrantRefused(Exception):
    """A host administrator role that cannot be granted (the message says why, in words)."""


class RateLimited(Exception):
    """Too many sign-in links were asked for one address in the last hour (no address in it)."""


def digest(secret: str) -> str:
    """The SHA-256 hex digest under which a secret is stored."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def user_for_email(email: str, name: str = "") -> User:
    """The user with this e-mail (case-insensitive), created without a password if new."""
    model = get_user_model()
    email = email.strip()
    found = model.objects.filter(email__iexact=email).order_by("pk").first()
    if found is not None:
        return found
    first, _sep, last = name.partition(" ")
    user = model.objects.create_user(
        username=email.lower()[:150], email=email, first_name=first[:150], last_name=last[:150]
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


def grant(
    user: User,
    event: Event,
    role: Role,
    *,
    person: str = "",
    organization: str = "",
    language: str = "en",
) -> Membership:
    """Give ``user`` a role in ``event`` (idempotent)."""
    membership, _created = Membership.objects.update_or_create(
        user=user,
        event=event,
        role=role,
        defaults={"person": person, "organization": organization, "language": language},
    )
    return membership


def enrol_participant(event: Event, person: Person) -> Membership:
    """The participant membership of a person with an e-mail address (user created if new)."""
    user = user_for_email(person.email, person.name)
    return grant(user, event, Role.PARTICIPANT, person=person.key, language=_language_of(person))


def enrol_everyone(event: Event) -> int:
    """Participant memberships for every person of the event with an e-mail address.

    Memberships that no longer match a person's current address (person gone, address
    changed) are withdrawn first, with their calendar feeds.
    """
    addresses = dict(Person.objects.filter(event=event).values_list("key", "email"))
    members = Membership.objects.filter(event=event, role=Role.PARTICIPANT).select_related("user")
    for member in members:
        if participant_lapses(member, addresses):
            withdraw_person(event, member.person, keep_email=addresses.get(member.person, ""))
    withdraw_stale_hosts(event)
    count = 0
    for person in Person.objects.filter(event=event).exclude(email=""):
        enrol_participant(event, person)
        count += 1
    return count


def participant_lapses(member: Membership, addresses: Mapping[str, str]) -> bool:
    """Whether a participant role no longer stands: its person is gone from the event or
    has no address, or has another address than the account's (case and spaces aside).
    ``addresses``: each person's e-mail address by key. The one rule of
    :func:`enrol_everyone` and of the spreadsheet re-import's preview."""
    current = addresses.get(member.person, "")
    return member.user.email.strip().lower() != current.strip().lower() or not current


def withdraw_person(event: Event, person: str, *, keep_email: str = "") -> int:
    """Remove the participant roles of ``person`` held by any address but ``keep_email``.

    For a person deleted from the event (no ``keep_email``) or whose e-mail address
    changed: the old address loses access, and the person's calendar feeds are revoked.
    """
    members = Membership.objects.filter(event=event, role=Role.PARTICIPANT, person=person)
    if keep_email:
        members = members.exclude(user__email__iexact=keep_email)
    removed, _by_model = members.delete()
    if removed:
        CalendarFeed.objects.filter(event=event, person=person, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    withdraw_stale_hosts(event, person)
    return removed


def host_role_lapses(
    member: Membership, hosts: Collection[str], people: Mapping[str, tuple[str, str]]
) -> bool:
    """Whether a host administrator role no longer stands: its organization is not a host
    of the event (removed, or now on the delegation's side), or the person it was granted
    from is gone, moved to another organization or given another address. ``hosts``: the
    keys of the event's organizations on a host side (:data:`HOST_SIDES`); ``people``: each
    person's organization and address (lower case) by key. The one rule of
    :func:`withdraw_stale_hosts` and of the spreadsheet re-import's preview."""
    if member.organization not in hosts:
        return True
    email = member.user.email.strip().lower()
    return member.person != "" and people.get(member.person) != (member.organization, email)


def replacement_keeps(
    member: Membership, hosts: Collection[str], people: Mapping[str, tuple[str, str]]
) -> bool:
    """Whether a role survives replacing its event by a mission file, which lists neither
    organizers nor host administrators: an organizer's always, a host administrator's unless
    it lapses on the file's hosts and people (:func:`host_role_lapses`; ``hosts`` and
    ``people`` as there), a participant's never (the file's people are enrolled again). The
    one rule of the replacement (:func:`carry_roles`) and of its preview."""
    if member.role == Role.ORGANIZER:
        return True
    return member.role == Role.HOST_ADMIN and not host_role_lapses(member, hosts, people)


def carry_roles(
    event: Event,
    members: list[Membership],
    hosts: Collection[str],
    people: Mapping[str, tuple[str, str]],
) -> list[Membership]:
    """Give ``event``, the row replacing the event of ``members`` (its roles, read before it
    was deleted, accounts loaded), the roles a replacement keeps (:func:`replacement_keeps`);
    each host administrator role that lapses is kept in the history as withdrawn, as a
    revocation on the hosts page is. Returns those withdrawn host administrator roles."""
    withdrawn = []
    for member in members:
        if replacement_keeps(member, hosts, people):
            grant(
                member.user,
                event,
                Role(member.role),
                person=member.person,
                organization=member.organization,
                language=member.language,
            )
        elif member.role == Role.HOST_ADMIN:
            _audit_host(event, member.organization, member.user.email, "")
            withdrawn.append(member)
    return withdrawn


def carry_feeds(
    event: Event,
    feeds: list[CalendarFeed],
    members: list[Membership],
    addresses: Mapping[str, str],
) -> int:
    """Give ``event``, the row replacing the event of ``feeds`` and ``members`` (its calendar
    feeds and roles, read before it was deleted), the feeds of each person the mission file
    still has (``addresses``: each of its people's e-mail address by key), with the same
    digest and dates, revoked ones too (kept for the record); the live feeds of a person
    whose participant role lapses (:func:`participant_lapses`: another address, or none)
    are revoked, as :func:`withdraw_person` does. A removed person's feeds are dropped.
    Returns how many feeds were carried."""
    lapsed = {
        m.person for m in members if m.role == Role.PARTICIPANT and participant_lapses(m, addresses)
    }
    now = timezone.now()
    carried = [
        CalendarFeed(
            event=event,
            person=feed.person,
            digest=feed.digest,
            created_at=feed.created_at,
            revoked_at=feed.revoked_at or (now if feed.person in lapsed else None),
        )
        for feed in feeds
        if feed.person in addresses
    ]
    CalendarFeed.objects.bulk_create(carried)
    return len(carried)


def host_withdrawn(member: Membership, names: dict[str, Name]) -> HostWithdrawn:
    """A host administrator role withdrawn, named by ``names`` (the event's parties by key)."""
    person = names.get(member.person) if member.person else None
    return HostWithdrawn(
        member.organization,
        member.user.pk,
        person or member.user.get_full_name() or member.user.email,
        names.get(member.organization, member.organization),
    )


def changes(
    members: list[Membership], after: set[int], addresses: Iterable[str], names: dict[str, Name]
) -> AccountChanges:
    """The accounts changes once the roles of ``members`` kept (their accounts: ``after``)
    are joined by each address's account (the oldest, case aside), one made when none has
    it; ``names``: the event's parties by key, to name the accounts losing access."""
    before = {member.user_id for member in members}
    wanted = {email.strip().lower() for email in addresses if email}
    found: dict[str, int] = {}
    users = get_user_model().objects.annotate(folded=Lower("email")).filter(folded__in=wanted)
    for pk, folded in users.order_by("pk").values_list("pk", "folded"):
        found.setdefault(folded, pk)
    after = after | set(found.values())
    return AccountChanges(
        created=len(wanted - set(found)),
        given=len(after - before),
        kept=len(before & after),
        withdrawn=len(before - after),
        lost=accounts_named(names, [m for m in members if m.user_id not in after]),
    )


def accounts_named(names: dict[str, Name], members: list[Membership]) -> tuple[AccessLost, ...]:
    """One :class:`AccessLost` per account of ``members`` (roles in membership order),
    named by the first role given for a person of the event, else by the account."""
    accounts: dict[int, Any] = {}
    named: dict[int, Name] = {}
    for member in members:
        accounts.setdefault(member.user_id, member.user)
        person = names.get(member.person) if member.person else None
        if person is not None:
            named.setdefault(member.user_id, person)
    return tuple(
        AccessLost(pk, user.email, named.get(pk) or user.get_full_name() or user.email)
        for pk, user in accounts.items()
    )


@dataclass(frozen=True)
class CarriedRoles:
    """What replacing an event by its mission file keeps of the roles and calendar feeds
    (read before the event row is deleted with them), and what it does to the accounts:
    the ``accounts`` app's answer to :data:`liqa.web.events.signals.replacing`."""

    members: list[Membership]
    """The event's roles, in grant order, with their accounts."""
    feeds: list[CalendarFeed]
    hosts: set[str]
    """The file's host organizations (keys)."""
    people: dict[str, tuple[str, str]]
    """The file's people: organization and address (lower case) by key."""
    addresses: dict[str, str]
    """The file's people's e-mail addresses (as written) by key."""
    accounts: tuple[AccountChanges, tuple[HostWithdrawn, ...]]
    """For the preview: the accounts changes, and the host administrator roles withdrawn."""
    kept: Work = field(default_factory=Work)
    dropped: Work = field(default_factory=Work)

    def restore(self, row: Event) -> None:
        """Give ``row``, the event stored again, the roles and feeds kept
        (:func:`carry_roles`, :func:`carry_feeds`)."""
        carry_roles(row, self.members, self.hosts, self.people)
        carry_feeds(row, self.feeds, self.members, self.addresses)


def carried_roles(
    sender: object,
    row: Event,
    event: core.Event,
    importer: int | None,
    names: dict[str, Name],
    **kwargs: object,
) -> CarriedRoles:
    """Receiver of :data:`liqa.web.events.signals.replacing`: the roles a replacement keeps
    (:func:`replacement_keeps`: organizer roles stay, a host administrator's while the file
    still has its host and the person it was granted from, unmoved, at the same address;
    participant roles follow the file's people), the feeds of the people it still has; and
    for the preview, the accounts kept, given access and withdrawn once the importing user
    (``importer``) organizes the new event and each of its people with an address is
    enrolled (``setup_imported_event``)."""
    members = list(Membership.objects.filter(event=row).select_related("user").order_by("pk"))
    feeds = list(CalendarFeed.objects.filter(event=row).order_by("pk"))
    hosts = {o.id for o in event.organizations if o.side.value in HOST_SIDES}
    people = {p.id: (p.organization, p.email.strip().lower()) for p in event.people}
    kept = {m.user_id for m in members if replacement_keeps(m, hosts, people)}
    if importer is not None:
        kept.add(importer)
    withdrawn = tuple(
        host_withdrawn(member, names)
        for member in members
        if member.role == Role.HOST_ADMIN and not replacement_keeps(member, hosts, people)
    )
    return CarriedRoles(
        members,
        feeds,
        hosts,
        people,
        {person.id: person.email for person in event.people},
        (changes(members, kept, [person.email for person in event.people], names), withdrawn),
    )


def accounts_previewed(
    sender: object,
    row: Event,
    hosts: Collection[str],
    people: Mapping[str, tuple[str, str]],
    names: dict[str, Name],
    **kwargs: object,
) -> tuple[AccountChanges, tuple[HostWithdrawn, ...]]:
    """Receiver of :data:`liqa.web.events.signals.accounts_previewed`: the accounts that
    giving ``row`` those parties and enrolling its people make, give access, keep and
    withdraw, by the rules that do it (a participant role lapses as :func:`enrol_everyone`
    withdraws it, :func:`participant_lapses`; a host administrator role as
    :func:`withdraw_stale_hosts` does, :func:`host_role_lapses`; an organizer's stays; each
    person with an address is then enrolled with the account of that address), and the
    host administrator roles that lapse."""
    addresses = {key: email for key, (_org, email) in people.items()}
    lowered = {key: (org, email.strip().lower()) for key, (org, email) in people.items()}
    members = list(Membership.objects.filter(event=row).select_related("user").order_by("pk"))
    lapsed = [
        member
        for member in members
        if member.role == Role.HOST_ADMIN and host_role_lapses(member, hosts, lowered)
    ]
    after = {
        member.user_id
        for member in members
        if member not in lapsed
        and not (member.role == Role.PARTICIPANT and participant_lapses(member, addresses))
    }
    withdrawn = tuple(host_withdrawn(member, names) for member in lapsed)
    return changes(members, after, addresses.values(), names), withdrawn


def host_roles_lapsed(
    sender: object, event: Event, hosts: Collection[HostWithdrawn], **kwargs: object
) -> None:
    """Receiver of :data:`liqa.web.events.signals.host_roles_lapsed`: :func:`revoke_host`
    each role."""
    for host in hosts:
        revoke_host(event, host.organization, host.user)


def parties_removed(
    sender: object, event: Event, removed: Mapping[str, Collection[str]], **kwargs: object
) -> None:
    """Receiver of :data:`liqa.web.events.signals.parties_removed`: withdraw the roles (and
    feeds) of the people removed (:func:`withdraw_person`), then the administrators of the
    organizations removed (:func:`withdraw_host`)."""
    for person in removed.get("people", ()):
        withdraw_person(event, person)
    for organization in removed.get("organizations", ()):
        withdraw_host(event, organization)


def withdraw_stale_hosts(event: Event, person: str | None = None) -> int:
    """Remove the host administrator roles that no longer stand (:func:`host_role_lapses`):
    of an organization no longer a host of the event (now a delegation member), or granted
    from a person (:func:`grant_host`) who is gone from the event, moved to another
    organization or given another address (only those granted from ``person`` when given).
    Each is kept in the event's history, as a revocation on the hosts page is."""
    members = Membership.objects.filter(event=event, role=Role.HOST_ADMIN)
    if person is not None:
        members = members.filter(person=person)
    granted = list(members.select_related("user").order_by("pk"))
    if not granted:
        return 0
    hosts = set(
        Organization.objects.filter(event=event, side__in=HOST_SIDES).values_list("key", flat=True)
    )
    people = Person.objects.filter(event=event, key__in={m.person for m in granted})
    current = {p.key: (p.organization, p.email.strip().lower()) for p in people}
    removed = 0
    for member in granted:
        if host_role_lapses(member, hosts, current) and revoke_host(
            event, member.organization, member.user_id
        ):
            removed += 1
    return removed


def withdraw_host(event: Event, organization: str) -> int:
    """Remove the administrators of a host organization deleted from the event."""
    members = Membership.objects.filter(
        event=event, role=Role.HOST_ADMIN, organization=organization
    )
    removed, _by_model = members.delete()
    return removed


def issue_link(user: User, next_url: str = "") -> str:
    """A new sign-in link path for ``user``; :class:`RateLimited` past the hourly limit."""
    now = timezone.now()
    recent = SignInLink.objects.filter(user=user, created_at__gte=now - timedelta(hours=1))
    if recent.count() >= settings.LIQA_MAGIC_LINKS_PER_HOUR:
        raise RateLimited("sign-in links")
    secret = secrets.token_urlsafe(32)
    SignInLink.objects.create(
        user=user,
        digest=digest(secret),
        created_at=now,
        expires_at=now + timedelta(minutes=settings.LIQA_MAGIC_LINK_MINUTES),
        next_url=next_url,
    )
    return reverse("accounts:link", args=[secret])


PAGE_LANGUAGES = ("ar", "fr", "en")
"""The languages the pages and e-mails speak."""


def user_language(user: User, fallback: str = "en") -> str:
    """The language of the user's e-mails: their most recent membership's, else
    ``fallback`` (the language of the page they asked from) when the pages speak it, else
    English."""
    membership = Membership.objects.filter(user=user).order_by("-pk").first()
    if membership is not None:
        return membership.language
    return fallback if fallback in PAGE_LANGUAGES else "en"


def count_sign_in_request(email: str) -> None:
    """Count a sign-in request for ``email``; :class:`RateLimited` past the limit over a
    sliding hour.

    Every address is counted, known or not, so the answer never tells them apart. The
    count is a row of the database (a digest of the address, this clock hour's and the
    hour before's requests), decided in one statement (:mod:`liqa.web.accounts.limits`),
    so every web process and machine applies the same limit.
    """
    count = limits.count_request(digest(email.strip().lower()), timezone.now())
    if count > settings.LIQA_MAGIC_LINKS_PER_HOUR:
        raise RateLimited("sign-in requests")


def send_sign_in_link(
    email: str, next_url: str = "", language: str = "", page_language: str = ""
) -> bool:
    """E-mail a sign-in link to a known address, in the recipient's language.

    ``language``: the one chosen with the sign-in page's language switcher, if any, which
    the e-mail and the link keep (``?lang=``: the link's page and the page it signs in to
    read it, in whatever browser opens the link); else the e-mail is in the recipient's
    language (:func:`user_language`), and for someone without a membership yet in
    ``page_language``, the language the sign-in page was read in.

    Returns False (and sends nothing) for an unknown address, so the page answers the
    same either way; :class:`RateLimited` past the hourly limit of requests for any
    address. Links already issued (e.g. by invitations) also count towards the limit of
    e-mails per address; past it nothing is sent, silently.
    """
    count_sign_in_request(email)
    model = get_user_model()
    user = model.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        return False
    try:
        link = settings.BASE_URL + issue_link(user, next_url)
    except RateLimited:
        return False
    if language in PAGE_LANGUAGES:
        link += "?" + urlencode({"lang": language})
    else:
        language = user_language(user, fallback=page_language)
    with translation.override(language):
        body = render_to_string("accounts/email_link.txt", {"link": link, "user": user})
        send_mail(_("Your liqa sign-in link"), body, None, [user.email])
    return True


def redeem(secret: str) -> User | None:
    """The user of a valid, unused, unexpired link, marking it used; else ``None``."""
    with transaction.atomic():
        link = (
            SignInLink.objects.select_for_update()
            .select_related("user")
            .filter(digest=digest(secret))
            .first()
        )
        now = timezone.now()
        if link is None or link.used_at is not None or link.expires_at <= now:
            return None
        if not link.user.is_active:
            return None
        link.used_at = now
        link.save(update_fields=["used_at"])
        # One link used: the user's other outstanding links (older e-mails) stop working.
        SignInLink.objects.filter(user=link.user, used_at__isnull=True).update(used_at=now)
        return link.user


def next_url_of(secret: str) -> str:
    """Where a (valid or used) link wanted to send its user, ``""`` when unknown."""
    link = SignInLink.objects.filter(digest=digest(secret)).first()
    return link.next_url if link else ""


def link_is_usable(secret: str) -> bool:
    """True when the link exists, is unused and has not expired (does not use it up)."""
    return SignInLink.objects.filter(
        digest=digest(secret), used_at__isnull=True, expires_at__gt=timezone.now()
    ).exists()


def username_for(name: str) -> str:
    """The user name to authenticate: the one of the account with this e-mail, if any."""
    model = get_user_model()
    user = model.objects.filter(email__iexact=name).order_by("pk").first()
    return user.get_username() if user is not None else name


def setup_imported_event(event: Event, organizer: AbstractBaseUser | AnonymousUser) -> None:
    """After an import: the importing user organizes the event; people with e-mail join."""
    if isinstance(organizer, User):
        grant(organizer, event, Role.ORGANIZER)
    enrol_everyone(event)


def _language_of(person: Person | None) -> str:
    """The first of a person's languages that the pages speak, else English."""
    languages = person.languages if person is not None else []
    return next((lang for lang in languages if lang in PAGE_LANGUAGES), "en")


def organizers_of(event: Event) -> list[User]:
    """The users who organize the event (whom a refused visitor may ask), in grant order."""
    members = Membership.objects.filter(event=event, role=Role.ORGANIZER).select_related("user")
    return [m.user for m in members.order_by("pk") if m.user.is_active]


def host_organizations(event: Event) -> list[Organization]:
    """The organizations of the event that receive the delegation (host or both sides)."""
    return list(Organization.objects.filter(event=event, side__in=HOST_SIDES).order_by("position"))


def host_administrators(event: Event) -> dict[str, list[Membership]]:
    """The host administrator memberships of the event by organization key."""
    found: dict[str, list[Membership]] = {}
    members = Membership.objects.filter(event=event, role=Role.HOST_ADMIN).select_related("user")
    for member in members.order_by("pk"):
        found.setdefault(member.organization, []).append(member)
    return found


def _audit_host(event: Event, organization: str, before: str, after: str) -> None:
    """Tell the listeners (the event's history) of a grant or a revocation."""
    host_role_changed.send(
        sender=Membership, event=event, organization=organization, before=before, after=after
    )


def grant_host(event: Event, organization: str, person: str) -> tuple[Membership, str]:
    """Make ``person`` (a person of host ``organization`` with an e-mail address, as the
    organizer recorded them) that organization's host administrator, keep it in the
    history and e-mail them a sign-in link to the host page, in their language. The role
    lasts while the person stays at that organization under that address
    (:func:`withdraw_stale_hosts`). Returns the role and what came of the e-mail
    (:func:`send_host_link`; ``""`` when they held the role already: no e-mail).

    :class:`HostGrantRefused` when the organization is not a host of the event, the person
    is not one of its people or has no address, or their account already administers
    another host of the event (one host page per account and event).
    """
    host = Organization.objects.filter(event=event, key=organization, side__in=HOST_SIDES).first()
    if host is None:
        raise HostGrantRefused(_("This organization does not receive the delegation."))
    staff = Person.objects.filter(event=event, key=person, organization=organization).first()
    if staff is None:
        raise HostGrantRefused(_("Choose one of this organization's people."))
    if not staff.email.strip():
        raise HostGrantRefused(
            _("%(name)s has no e-mail address: add one first.") % {"name": staff.name}
        )
    user = user_for_email(staff.email, staff.name)
    held = Membership.objects.filter(user=user, event=event, role=Role.HOST_ADMIN).first()
    if held is not None and held.organization != organization:
        other = Organization.objects.filter(event=event, key=held.organization).first()
        raise HostGrantRefused(
            _("%(name)s already administers the host page of %(host)s.")
            % {"name": staff.name, "host": other.name if other else held.organization}
        )
    language = _language_of(staff)
    membership = grant(
        user, event, Role.HOST_ADMIN, person=staff.key, organization=organization, language=language
    )
    mailed = ""
    if held is None:
        _audit_host(event, organization, "", user.email)
        mailed = send_host_link(membership)
    return membership, mailed


def revoke_host(event: Event, organization: str, user_id: int) -> bool:
    """Take the host administrator role of ``organization`` from one account, keeping it in
    the history; False when that account did not hold it."""
    member = (
        Membership.objects.filter(
            event=event, role=Role.HOST_ADMIN, organization=organization, user_id=user_id
        )
        .select_related("user")
        .first()
    )
    if member is None:
        return False
    member.delete()
    _audit_host(event, organization, member.user.email, "")
    return True


def send_host_link(member: Membership) -> str:
    """E-mail a host administrator a sign-in link that opens their host page, in their
    language: what came of it, a :class:`liqa.web.delivery.Tally` count's name (``sent``,
    ``not_set_up``, ``failed`` when the mail server refused it or could not be reached,
    ``pending`` when the address is past its hourly limit of links, ``no_address``)."""
    return outcome(*_invite(member, reverse("agendas:host", args=[member.event.slug]), host=True))


def invite_participants(event: Event) -> Tally:
    """E-mail every participant of the event a sign-in link to their agenda, in their language;
    a host administrator's link opens their host page instead (one e-mail per account).

    Returns what came of them (:class:`liqa.web.delivery.Tally`, one per person with a
    participant account and per host administrator): ``sent`` once a delivering mail
    backend accepted it; ``not_set_up`` when e-mail is not set up on the server (the
    console backend accepts every message and delivers none); ``failed`` when the mail
    server refused it or could not be reached (the others are still tried; the page says
    so, never a traceback); ``pending`` for an address past its hourly limit of links;
    ``no_address`` for the event's people who have no e-mail address (nobody to invite).
    """
    outcomes: list[tuple[str, bool, str]] = []
    hosts = Membership.objects.filter(event=event, role=Role.HOST_ADMIN).select_related(
        "user", "event"
    )
    hosting = {member.user_id: member for member in hosts}
    memo = HostMailMemo()  # what a host's e-mails share: its agenda, read once
    host_page = reverse("agendas:host", args=[event.slug])
    for member in hosting.values():
        outcomes.append(_invite(member, host_page, host=True, memo=memo))
    members = Membership.objects.filter(event=event, role=Role.PARTICIPANT).select_related("user")
    reached: set[str] = set()
    for member in members:
        if not member.user.email or member.user_id in hosting:
            continue
        reached.add(member.person)
        outcomes.append(_invite(member, reverse("agendas:me", args=[event.slug])))
    without = Person.objects.filter(event=event, email="").exclude(key__in=reached).count()
    outcomes.extend(("", False, "") for _ in range(without))
    return tally(outcomes)


def _invite(
    member: Membership,
    next_url: str,
    *,
    host: bool = False,
    memo: HostMailMemo | None = None,
) -> tuple[str, bool, str]:
    """E-mail one account its sign-in link (its host page for a host administrator): the
    outcome as (address, sent, error) for :func:`liqa.web.delivery.tally`. ``memo``: what
    one round of host e-mails shares (see ``host_mail_composing``)."""
    email = member.user.email
    if not email:
        return ("", False, "")
    try:
        path = issue_link(member.user, next_url)
    except RateLimited:
        return (email, False, "")  # not sent: the address had too many links this hour
    template = "accounts/email_host.txt" if host else "accounts/email_invitation.txt"
    event = member.event
    with translation.override(member.language):
        # the event's title as read in the member's language, isolated where it runs
        # against it (a Latin title in an Arabic sentence keeps its punctuation with it)
        title = isolate(core.pick(event.title or {}, member.language), member.language)
        context = {"link": settings.BASE_URL + path, "title": title, "lang": member.language}
        if host:  # whose host page, and the visits it receives (the agendas app answers)
            for _receiver, extra in host_mail_composing.send(
                sender=Membership, member=member, lang=member.language, memo=memo
            ):
                if isinstance(extra, dict):
                    context.update(extra)
        body = render_to_string(template, context)
        if host:
            subject = _("Your host page for a liqa mission")
        else:
            subject = _("You are invited to a liqa mission")
    try:
        error = deliver(subject, body, email)
    except (smtplib.SMTPException, OSError) as refused:  # refused, or no server to talk to
        logger.warning(
            "invitations %s: the e-mail to user %s was not sent (%s)",
            event.slug,
            member.user_id,
            redact(f"{type(refused).__name__}: {refused}"),
        )
        return (email, False, f"{type(refused).__name__}: {refused}")
    return (email, not error, error)
