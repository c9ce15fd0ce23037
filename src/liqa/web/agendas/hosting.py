"""A host administrator's settings: venue address, visit capacity and receiving days."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core.outputs.labels import city_label
from liqa.web.agendas.profile import ProfileError
from liqa.web.events.models import CandidateVisit, Event, Venue
from liqa.web.events.records import event_record, windows_to_json


@dataclass(frozen=True)
class HostSettings:
    """What the host form shows."""

    address: str
    capacity: int | str | None
    """The capacity stored, or as typed in a refused form."""
    days: list[tuple[date, str]]
    receiving: set[date]
    has_visits: bool


def _window(leg: core.Leg, day: date) -> core.TimeWindow:
    return core.TimeWindow(
        leg.local_datetime(day, leg.day_start), leg.local_datetime(day, leg.day_end)
    )


def host_settings(row: Event, organization: str, lang: str = "en") -> HostSettings:
    """The host's current settings, read from the core's records (cities in ``lang``)."""
    event = event_record(row)
    org = event.organization(organization)
    visits = [v for v in event.visits if v.host == organization]
    days = [(day, city_label(leg.city, lang)) for leg in event.legs for day in leg.days()]
    receiving = {
        day
        for day, _city in days
        if (leg := event.leg_on(day)) is not None
        and all(
            not v.windows or any(w.overlaps(_window(leg, day)) for w in v.windows) for v in visits
        )
    }
    return HostSettings(
        address=event.venue(org.venue).address if org.venue else "",
        capacity=visits[0].max_visitors if visits else None,
        days=days,
        receiving=receiving,
        has_visits=bool(visits),
    )


def update_host(
    row: Event, organization: str, *, address: str, capacity: str, days: list[str]
) -> None:
    """Save the venue address, the visit capacity and the days the host receives visitors."""
    event = event_record(row)
    org = event.organization(organization)
    try:
        visitors = int(capacity) if capacity.strip() else None
        chosen = {date.fromisoformat(d) for d in days}
    except ValueError as error:
        raise ProfileError(
            _("Visitors we can receive at once: a whole number, or empty for no limit.")
        ) from error
    if visitors is not None and visitors < 1:
        raise ProfileError(_("Visitors we can receive at once: at least 1, or empty for no limit."))
    all_days = {d for leg in event.legs for d in leg.days()}
    if not chosen <= all_days:
        raise ProfileError(_("A chosen day is outside the event."))
    if not chosen and any(v.host == organization for v in event.visits):
        # no window at all would mean "we receive visitors every day"
        raise ProfileError(_("Days we receive visitors: choose at least one day."))
    windows: list[list[str]] = []
    if chosen != all_days:
        windows = windows_to_json(
            _window(leg, day) for day in sorted(chosen) if (leg := event.leg_on(day)) is not None
        )
    if org.venue:
        Venue.objects.filter(event=row, key=org.venue).update(address=address.strip()[:500])
    CandidateVisit.objects.filter(event=row, host=organization).update(
        max_visitors=visitors, windows=windows
    )


def as_typed(shown: HostSettings, address: str, capacity: str, days: list[str]) -> HostSettings:
    """``shown`` with the values of a refused form, so that nothing typed or ticked is lost
    (days the form never offers are left out)."""
    offered = {day.isoformat(): day for day, _city in shown.days}
    receiving = {offered[d] for d in days if d in offered}
    return replace(shown, address=address, capacity=capacity, receiving=receiving)
