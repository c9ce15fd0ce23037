"""Forms of the organizer's editing pages: they read and type values, the core judges them.

Fields are named after the core record's attributes (the id is ``key``). References to
other records (an organization, a venue) are offered as lists, but read as plain text,
so that the core's validator, not the form, says when one is unknown.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from liqa.core import model as core
from liqa.core.i18n import translator, utc_offset
from liqa.core.outputs.labels import city_label, isolate, org_kind_label, org_name, venue_name
from liqa.core.spreadsheets.merging import Missing
from liqa.web.events import models as rows
from liqa.web.events.editing import kinds
from liqa.web.events.editing.kinds import Kind
from liqa.web.events.editing.windows import (
    WindowError,
    day_zone,
    format_windows,
    local_time_problem,
    read_windows,
)

_INSTANT_HELP = _(
    "Date and time in local time of the venue, else of the leg that day, for example "
    "%(moment)s (or ISO 8601 with an offset)."
)
_TIME_HELP = _("A time of day on the 24-hour clock, for example 08:30.")
_ZONE_HELP = _("An IANA time zone name, such as Africa/Casablanca or America/Chicago.")
_WINDOWS_HELP = _(
    "One window a line, in local time of the leg that day, for example %(example)s. "
    "Over midnight: %(overnight)s."
)
_VISIT_WINDOWS_HELP = _(
    "One window a line, in local time of the visit's venue, for example %(example)s. "
    "Over midnight: %(overnight)s."
)
_PEOPLE_HELP = _("Keys of people, separated by commas")


class Examples(forms.CharField):
    """A field whose help gives examples on one of the event's own days, completed by the
    form (:meth:`EditForm.examples`): its ``help_text`` may hold ``%(moment)s``,
    ``%(example)s`` (a window) and ``%(overnight)s`` (a window over midnight)."""

    default_help: Any = ""

    def __init__(self, **kwargs: Any) -> None:
        self.help_template = kwargs.pop("help_text", self.default_help)
        super().__init__(**kwargs)


class InstantField(Examples):
    """A moment, typed in local time (read by the form, which knows the places' clocks)."""

    default_help = _INSTANT_HELP

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", True)
        super().__init__(**kwargs)


class ListField(forms.CharField):
    """Words separated by commas, read as a list (``"ar, fr"`` → ``["ar", "fr"]``)."""

    def prepare_value(self, value: Any) -> Any:
        """Show a list as comma-separated words."""
        return ", ".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        """The words, without blanks."""
        text = super().to_python(value) or ""
        return [word.strip() for word in text.split(",") if word.strip()]


class ChoiceText(forms.CharField):
    """A list to pick from whose value is read as text (the core checks the reference).

    The list takes the direction of its options' text (``dir="auto"``): names of records
    are mostly Latin, which an Arabic page otherwise right-aligns and, when too long for
    the field, cuts at their start.
    """

    def __init__(self, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        widget = forms.Select(choices=[("", "—"), *choices], attrs={"dir": "auto"})
        super().__init__(widget=widget, **kwargs)


class WindowsField(Examples):
    """Time windows, one a line (read by the form, which knows the event's legs)."""

    default_help = _WINDOWS_HELP

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(widget=forms.Textarea(attrs={"rows": 4}), **kwargs)

    def prepare_value(self, value: Any) -> Any:
        """Show windows of mission data as lines."""
        return format_windows(value) if isinstance(value, list) else value


def _text(label: Any, required: bool = False, **kwargs: Any) -> forms.CharField:
    return forms.CharField(label=label, required=required, **kwargs)


def _key_field() -> forms.CharField:
    return _text(
        _("Key"), required=True, help_text=_("Letters, digits, '-', '_' and '.'; cannot change")
    )


def _choices(records: Sequence[core.Venue | core.Organization]) -> list[tuple[str, str]]:
    """Venues or organizations to pick from, by the names people know, sorted: a venue's
    name in the reader's language with its city (``Houston Technology Center — Houston``),
    an organization's name in the reader's language or script; the key when no name."""
    lang = translation.get_language() or "en"
    labelled = []
    for record in records:
        if isinstance(record, core.Venue):
            name = venue_name(record, lang) or record.id
            city = city_label(record.city, lang) if record.city else ""
            labelled.append((record.id, f"{name} — {city}" if city else name))
        else:
            labelled.append((record.id, org_name(record, lang) or record.id))
    return sorted(labelled, key=lambda choice: (choice[1].casefold(), choice[0]))


NOT_COUNTRIES = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"}
)
"""The two-letter territories of Babel (CLDR) that are not ISO 3166-1 countries: codes
ISO reserves for other uses (Ascension, Clipperton, Sark, Diego Garcia, Ceuta and Melilla,
the Canary Islands, Tristan da Cunha), groupings (the European Union, the euro area, the
United Nations, outlying Oceania), private-use codes (pseudo-locales, Kosovo's XK) and the
unknown region; the other 249 are the ISO 3166-1 alpha-2 codes."""


def _sort_key(name: str) -> str:
    """A name as it is looked up in a list: accents and case aside (``Égypte`` under E)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=16)
def countries(lang: str) -> tuple[tuple[str, str], ...]:
    """Every ISO 3166-1 country as (alpha-2 code, its name in ``lang``), ``lang`` being a
    Django language code, sorted by that name as a reader of ``lang`` looks it up; English
    names when Babel does not know the language."""
    try:
        names = Locale.parse(translation.to_locale(lang)).territories
    except (UnknownLocaleError, ValueError):
        names = Locale.parse("en").territories
    found = [
        (code, name)
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    ]
    return tuple(sorted(found, key=lambda choice: (_sort_key(choice[1]), choice[0])))


class CountryField(forms.ChoiceField):
    """A country chosen by its name in the reader's language, stored as its ISO 3166-1
    alpha-2 code (``MA``); ``current`` (the record's value) stays a choice even when it is
    not such a code, so that saving another field keeps it. A code typed in lower case is
    read in upper case."""

    def __init__(self, *, current: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": _(
                    "'%(value)s' is not a country: choose one from the list (stored as its"
                    " ISO 3166 code, such as MA or FR), or leave it empty (—)."
                )
            },
        )
        self.current = current.strip()
        super().__init__(choices=self._choices, **kwargs)

    def _choices(self) -> list[tuple[str, str]]:
        """The countries in the language of the page being rendered, the current value
        first when it is none of them."""
        known = countries(translation.get_language() or "en")
        unusual = [(self.current, self.current)] if self.current else []
        if any(code == self.current for code, _name in known):
            unusual = []
        return [("", "—"), *unusual, *known]

    def to_python(self, value: Any) -> str:
        """The value without blanks; a country's code in upper case (unless it is the
        current value as it stands)."""
        text = str(super().to_python(value)).strip()
        return text.upper() if text != self.current and _is_country(text.upper()) else text

    def valid_value(self, value: Any) -> bool:
        """A country's code, or the record's current value."""
        return value == self.current or _is_country(value)


def _is_country(code: str) -> bool:
    """Whether ``code`` is the ISO 3166-1 alpha-2 code of a country (as Babel knows it)."""
    return any(known == code for known, _name in countries("en"))


def _org_kinds() -> list[tuple[str, str]]:
    """Organization kinds in the reader's words (were their English values, ``government``,
    in every language); called each time the form renders, in its language."""
    lang = translation.get_language() or "en"
    return [(k.value, org_kind_label(k, lang)) for k in core.OrgKind]


MINUTES_A_DAY = 24 * 60


def _typed_time(text: str, default: date) -> datetime:
    """The first ``YYYY-MM-DD[ HH:MM]`` typed in ``text`` (noon when no time), else noon
    of ``default``: the moment a zone is named at (standard or summer time)."""
    head = text.strip()[:16].replace("T", " ")
    for layout, size in (("%Y-%m-%d %H:%M", 16), ("%Y-%m-%d", 10)):
        try:
            return datetime.strptime(head[:size], layout)
        except ValueError:
            continue
    return datetime.combine(default, time(12))


def city_zone_name(city: str, local: datetime, lang: str) -> str:
    """The clock of ``local`` named by ``city`` in ``lang``: ``Houston time (CST)``,
    ``San Francisco time (PDT)`` (the offset where the time-zone database has no letters:
    ``Casablanca time (UTC+1)``), Latin parts isolated in Arabic; the zone's long name when
    ``city`` is ``""``."""
    if not city:
        return translator(lang).format_zone(local)
    letters = local.tzname() or ""
    short = letters if letters and letters[0] not in "+-" else utc_offset(local)
    return pgettext("zone of a city", "%(city)s time (%(zone)s)") % {
        "city": isolate(city_label(city, lang), lang),
        "zone": isolate(short, lang),
    }


class EditForm(forms.Form):
    """A record's form; ``key`` is read-only once the record exists.

    Text fields are limited to the length of the row's column (``model``). Times
    (``instant_fields``, and ``window_fields`` one a line) are local time of the record's
    place, else of the leg that day, as in the mission file (``kinds.PLACES``): a time
    those clocks skip is refused here, and the zone is named next to the field when the
    event spans zones.
    """

    model: ClassVar[type[models.Model] | None] = None
    record_kind: ClassVar[Kind | None] = None
    instant_fields: ClassVar[tuple[str, ...]] = ()
    window_fields: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        *args: Any,
        event: core.Event,
        existing: bool,
        record_key: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.record_key = record_key
        """The key of the record changed (``None``: a new record)."""
        if existing and "key" in self.fields:
            self.fields["key"].disabled = True
            self.fields["key"].required = False
        for name, field in self.fields.items():
            self.complete_help(name)
            limit = self._column_length(name)
            if limit and isinstance(field, forms.CharField) and not isinstance(field, ListField):
                field.max_length = limit
                field.validators.append(MaxLengthValidator(limit))
                field.widget.attrs["maxlength"] = str(limit)

    def complete_help(self, name: str) -> None:
        """Give field ``name``'s help its examples, when it is an :class:`Examples` field."""
        field = self.fields[name]
        if isinstance(field, Examples):
            field.help_text = field.help_template % self.examples(name)

    def examples(self, name: str) -> dict[str, str]:
        """The examples of the help of field ``name`` (a moment, a window, one over
        midnight), on a day of the event whose clock its times are read on: the first day of
        the first leg in the city of the record's place (a visit's venue), else on its
        clock, else the event's first day."""
        day = first_day(self.event)
        if self.record_kind is not None:
            values = self.data if self.is_bound else self.initial
            venue = kinds.place_venue(self.event, self.record_kind, name, values, self.record_key)
            legs = sorted(self.event.legs, key=lambda leg: leg.start)
            if venue is not None:
                on_clock = (leg.start for leg in legs if leg.timezone == venue.timezone)
                in_city = (leg.start for leg in legs if venue.city and leg.city == venue.city)
                day = next(in_city, next(on_clock, day))
        after = day + timedelta(days=1)
        return {
            "moment": f"{day.isoformat()} 09:00",
            "example": f"{day.isoformat()} 09:00-12:00",
            "overnight": f"{day.isoformat()} 22:00 – {after.isoformat()} 01:00",
        }

    def clean(self) -> dict[str, Any]:
        """The times read in their zone (a place's, when a field names it: venues are
        cleaned after the times, hence here)."""
        cleaned: dict[str, Any] = super().clean() or {}
        for name in self.instant_fields:
            problem = local_time_problem(cleaned.get(name) or "", self.event.legs, self._zone(name))
            if problem:
                self.add_error(name, problem)
        for name in self.window_fields:
            try:
                cleaned[name] = read_windows(
                    cleaned.get(name) or "", self.event.legs, self._zone(name)
                )
            except WindowError as error:
                self.add_error(name, error.messages)
        return cleaned

    def _zone(self, name: str, values: Any = None) -> str | None:
        """The place's zone of the times of field ``name`` (``None``: the leg's)."""
        if self.record_kind is None:
            return None
        given = self.cleaned_data if values is None else values
        return kinds.time_zone(self.event, self.record_kind, name, given, self.record_key)

    def _typed_moment(self, name: str) -> datetime | None:
        """The (first) time typed in field ``name`` on the clock it is read on, when the
        event spans zones; else ``None`` (no zone to name)."""
        if name not in (*self.instant_fields, *self.window_fields) or not self.event.spans_zones:
            return None
        values = self.data if self.is_bound else self.initial
        shown = values.get(name)
        text = shown if isinstance(shown, str) else format_windows(shown or [])
        at = _typed_time(text, self.event.start)
        zone = self._zone(name, values) or day_zone(at.date(), self.event.legs)
        return None if zone is None else at.replace(tzinfo=ZoneInfo(zone))

    def zone_name(self, name: str) -> str:
        """The clock field ``name`` is typed on, named by its city in the page's language:
        ``Houston time (CST)``, ``San Francisco time (PDT)`` (the offset where the time-zone
        database has no letters: ``Casablanca time (UTC+1)``), Latin parts isolated in
        Arabic; the zone's long name when no city says so; ``""`` when the event is in one
        zone."""
        local = self._typed_moment(name)
        if local is None:
            return ""
        return city_zone_name(self._city(name, local), local, translation.get_language() or "en")

    def _city(self, name: str, local: datetime) -> str:
        """The city whose clock ``local`` (field ``name``) is on: the venue's whose zone the
        times are read in (:func:`kinds.place_venue`), else the leg's that day; ``""`` when
        none says so."""
        zone = str(local.tzinfo)
        if self.record_kind is not None:
            values = self.data if self.is_bound else self.initial
            venue = kinds.place_venue(self.event, self.record_kind, name, values, self.record_key)
            if venue is not None and venue.city and venue.timezone == zone:
                return venue.city
        leg = self.event.leg_on(local.date())
        return leg.city if leg is not None and leg.timezone == zone else ""

    def _column_length(self, name: str) -> int | None:
        if self.model is None:
            return None
        try:
            column = self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        return getattr(column, "max_length", None)


class OrganizationForm(EditForm):
    """An organization."""

    model = rows.Organization
    key = _key_field()
    name = _text(_("Name"), required=True)
    name_ar = _text(_("Name in Arabic"))
    name_fr = _text(_("Name in French"))
    short_name = _text(_("Short name"))
    side = forms.ChoiceField(
        label=_("Side"),
        choices=[
            (core.Side.DELEGATION.value, _("delegation")),
            (core.Side.HOST.value, _("host")),
            (core.Side.BOTH.value, _("both")),
        ],
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=_org_kinds, required=False)
    sector = _text(_("Sector"))
    country = CountryField(label=_("Country"))
    themes = ListField(label=_("Themes"), required=False)
    venue = _text(_("Venue"))
    website = _text(_("Website"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["venue"] = ChoiceText(_choices(self.event.venues), label=_("Venue"))
        current = self.initial.get("country") or ""
        self.fields["country"] = CountryField(
            label=_("Country"), current=current if isinstance(current, str) else ""
        )


class PersonForm(EditForm):
    """A participant."""

    model = rows.Person
    key = _key_field()
    name = _text(_("Name"), required=True)
    name_ar = _text(_("Name in Arabic"))
    organization = _text(_("Organization"))
    role = _text(_("Role"))
    gender = forms.ChoiceField(
        label=_("Gender"),
        choices=[
            ("", "—"),
            (core.Gender.FEMALE.value, pgettext_lazy("gender", "female")),
            (core.Gender.MALE.value, pgettext_lazy("gender", "male")),
        ],
        required=False,
        help_text=_("French and Arabic titles agree with it: Secrétaire générale, الأمينة العامة"),
        error_messages={
            "invalid_choice": _(
                "'%(value)s' is not a gender: choose female or male, or leave it empty (—)"
                " when not known."
            )
        },
    )
    languages = ListField(label=_("Languages"), required=False, help_text="ar, fr, en")
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = _text(_("Phone"))
    themes = ListField(label=_("Themes"), required=False)
    table = forms.IntegerField(label=_("Fixed table"), required=False, max_value=10_000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"] = ChoiceText(
            _choices(self.event.organizations), label=_("Organization")
        )


class VenueForm(EditForm):
    """A venue."""

    model = rows.Venue
    key = _key_field()
    name = _text(_("Name"), required=True)
    name_ar = _text(_("Name in Arabic"))
    name_fr = _text(_("Name in French"))
    city = _text(_("City"), required=True)
    timezone = _text(_("Time zone"), required=True, help_text=_ZONE_HELP)
    address = _text(_("Address"))
    latitude = forms.FloatField(label=_("Latitude"), required=False)
    longitude = forms.FloatField(label=_("Longitude"), required=False)


class LegForm(EditForm):
    """A leg: one city of the event."""

    model = rows.Leg
    key = _key_field()
    city = _text(_("City"), required=True)
    timezone = _text(_("Time zone"), required=True, help_text=_ZONE_HELP)
    start = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    hotel = _text(_("Hotel"))
    day_start = _text(_("Day starts"), required=True, help_text=_TIME_HELP)
    day_end = _text(_("Day ends"), required=True, help_text=_TIME_HELP)
    lunch_start = _text(_("Lunch from"), required=True, help_text=_TIME_HELP)
    lunch_end = _text(_("Lunch until"), required=True, help_text=_TIME_HELP)
    lunch_minutes = forms.IntegerField(label=_("Lunch minutes"), max_value=MINUTES_A_DAY)
    lunch_venue = _text(
        _("Lunch venue"), help_text=_("Where subgroups meet for lunch (empty: the hotel)")
    )
    max_visits_per_day = forms.IntegerField(label=_("Visits per day at most"), max_value=100)
    speed_kmh = forms.FloatField(label=_("Travel speed (km/h)"))
    detour_factor = forms.FloatField(label=_("Detour factor"))
    buffer_minutes = forms.IntegerField(
        label=_("Buffer between visits (minutes)"), max_value=MINUTES_A_DAY
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hotel"] = ChoiceText(_choices(self.event.venues), label=_("Hotel"))
        self.fields["lunch_venue"] = ChoiceText(
            _choices(self.event.venues),
            label=_("Lunch venue"),
            help_text=_("Where subgroups meet for lunch (empty: the hotel)"),
        )


class SessionForm(EditForm):
    """A brokerage session: a block of slots on one day."""

    model = rows.Leg  # ids as long as any record's key
    record_kind = kinds.SESSIONS
    instant_fields = ("start", "end")
    key = _key_field()
    start = InstantField(label=_("Starts"))
    end = InstantField(label=_("Ends"))


class BrokerageForm(EditForm):
    """The brokerage setup: where, how long a slot is, how many tables."""

    record_kind = kinds.BROKERAGE
    instant_fields = ("session_start", "session_end")

    venue = _text(_("Venue"))
    slot_minutes = forms.IntegerField(label=_("Slot length (minutes)"), max_value=MINUTES_A_DAY)
    tables = forms.IntegerField(label=_("Tables"), max_value=10_000)
    max_meetings_per_session = forms.IntegerField(
        label=_("Meetings per person and session at most"), required=False, max_value=1_000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["venue"] = ChoiceText(_choices(self.event.venues), label=_("Venue"))
        if self.event.brokerage is None:  # a new setup comes with its first session
            self.fields["session_key"] = _text(
                _("Key of the first session"), required=True, max_length=100
            )
            self.fields["session_start"] = InstantField(label=_("First session starts"))
            self.fields["session_end"] = InstantField(label=_("First session ends"))
            self.complete_help("session_start")
            self.complete_help("session_end")


class VisitForm(EditForm):
    """A candidate visit: a host the delegation may visit at its venue."""

    model = rows.CandidateVisit
    record_kind = kinds.VISITS
    window_fields = ("windows",)
    key = _key_field()
    host = _text(_("Host"))
    venue = _text(_("Venue"))
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=1, max_value=MINUTES_A_DAY, initial=60
    )
    windows = WindowsField(label=_("Windows"), help_text=_VISIT_WINDOWS_HELP)
    max_visitors = forms.IntegerField(
        label=_("Visitors at most"), required=False, min_value=1, max_value=10_000
    )
    themes = ListField(label=_("Themes"), required=False)
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        coerce=int,
        initial=1,
        choices=[(1, _("would like")), (2, _("important")), (3, _("must meet"))],
    )
    required = forms.BooleanField(label=_("Required (must be in the itinerary)"), required=False)
    required_attendees = ListField(
        label=_("Required attendees"), required=False, help_text=_PEOPLE_HELP
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        hosts = [o for o in self.event.organizations if o.side is not core.Side.DELEGATION]
        self.fields["host"] = ChoiceText(_choices(hosts), label=_("Host"), required=True)
        self.fields["venue"] = ChoiceText(
            _choices(self.event.venues),
            label=_("Venue"),
            help_text=_("Empty: the host's venue"),
        )


class ProgrammeForm(EditForm):
    """A fixed programme item: a briefing, a meal, a flight or a transfer."""

    model = rows.ProgrammeItem
    record_kind = kinds.PROGRAMME
    instant_fields = ("start", "end")
    key = _key_field()
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (core.ProgrammeKind.BRIEFING.value, _("briefing")),
            (core.ProgrammeKind.MEAL.value, _("meal")),
            (core.ProgrammeKind.RECEPTION.value, _("reception")),
            (core.ProgrammeKind.FLIGHT.value, _("flight")),
            (core.ProgrammeKind.TRANSFER.value, _("transfer")),
            (core.ProgrammeKind.OTHER.value, _("other")),
        ],
    )
    title_en = _text(_("Title in English"), required=True)
    title_fr = _text(_("Title in French"))
    title_ar = _text(_("Title in Arabic"))
    start = InstantField(label=_("Starts"))
    end = InstantField(label=_("Ends"))
    venue = _text(_("Venue"))
    end_venue = _text(_("Arrival venue"))
    attendees = ListField(
        label=_("Attendees"),
        required=False,
        help_text=_("Keys of people, separated by commas; empty: the whole delegation"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        venues = _choices(self.event.venues)
        self.fields["venue"] = ChoiceText(
            venues, label=_("Venue"), help_text=_("Where it takes place, or departs from")
        )
        self.fields["end_venue"] = ChoiceText(
            venues, label=_("Arrival venue"), help_text=_("Where a flight or a transfer arrives")
        )


class AvailabilityForm(EditForm):
    """When a person can attend (nothing: the whole event), on the clock of the place, as
    the mission file reads it: at a brokerage event its venue's, at a trade mission a host's
    staff's at their organization's venue, else the leg's that day."""

    record_kind = kinds.AVAILABILITY
    window_fields = ("availability",)

    availability = WindowsField(
        label=_("Available"),
        help_text=_(
            "When the person can attend; empty: the whole event. One window a line, in local "
            "time of the place (the brokerage venue, a host's venue for its staff, else the "
            "leg that day), for example %(example)s. Over midnight: %(overnight)s."
        ),
    )


def first_day(event: core.Event) -> date:
    """The event's first day (its earliest leg's), for the examples of its forms; today
    when it has no leg yet."""
    return min((leg.start for leg in event.legs), default=date.today())


def _long_text(label: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ProfileForm(EditForm):
    """An organization's matchmaking profile: free text per language, and its themes."""

    description_en = _long_text(_("Description in English"))
    description_fr = _long_text(_("Description in French"))
    description_ar = _long_text(_("Description in Arabic"))
    offers_en = _long_text(_("Offers in English"))
    offers_fr = _long_text(_("Offers in French"))
    offers_ar = _long_text(_("Offers in Arabic"))
    seeks_en = _long_text(_("Seeks in English"))
    seeks_fr = _long_text(_("Seeks in French"))
    seeks_ar = _long_text(_("Seeks in Arabic"))
    themes = ListField(
        label=_("Themes"),
        required=False,
        help_text=_("Theme keys of the thesaurus; more are found in the texts"),
    )


FORMS: dict[str, type[EditForm]] = {
    "organizations": OrganizationForm,
    "people": PersonForm,
    "venues": VenueForm,
    "legs": LegForm,
    "sessions": SessionForm,
    "brokerage": BrokerageForm,
    "visits": VisitForm,
    "programme": ProgrammeForm,
    "availability": AvailabilityForm,
    "profiles": ProfileForm,
}
"""Kind name (see ``editing.KINDS``) → its form."""


class SpreadsheetUploadForm(forms.Form):
    """The spreadsheet upload's choice: what becomes of the event's records that the
    tables given leave out (``liqa.core.spreadsheets.Missing``). The files themselves are
    read from ``request.FILES`` (several at once)."""

    missing = forms.ChoiceField(
        label=_("Records of the event that a table leaves out"),
        choices=[
            (Missing.REFUSE.value, _("Refuse if a table leaves out current records")),
            (Missing.KEEP.value, _("Keep the records the tables leave out (update)")),
            (Missing.REMOVE.value, _("Remove them (replace)")),
        ],
        initial=Missing.REFUSE.value,
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_missing(self) -> Missing:
        """The choice; refuse when none was sent."""
        return Missing(self.cleaned_data.get("missing") or Missing.REFUSE)


class NewEventForm(forms.Form):
    """A brokerage event started from nothing on the web: its title, city and days, the
    hall, one session of slots a day and the tables; organizations, people and requests
    come after (edit page, spreadsheets, participants' requests)."""

    title = forms.CharField(label=_("Title"), max_length=200)
    city = forms.CharField(label=_("City"), max_length=100)
    timezone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        help_text=_ZONE_HELP,
    )
    first_day = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    last_day = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    venue = forms.CharField(label=_("Hall where the meetings take place"), max_length=200)
    session_start = forms.TimeField(
        label=_("Meetings start at"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    session_end = forms.TimeField(
        label=_("Meetings end at"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    slot_minutes = forms.IntegerField(
        label=_("Slot length (minutes)"), min_value=5, max_value=240, initial=20
    )
    tables = forms.IntegerField(label=_("Tables"), min_value=1, max_value=10_000, initial=10)

    def clean_timezone(self) -> str:
        name: str = self.cleaned_data["timezone"].strip()
        try:
            ZoneInfo(name)
        except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
            raise forms.ValidationError(
                _("%(name)s is not a time zone: write an IANA name such as Africa/Casablanca"),
                params={"name": name},
            ) from None
        return name

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day comes before the first."))
        start, end = data.get("session_start"), data.get("session_end")
        if start and end and end <= start:
            self.add_error("session_end", _("The meetings end before they start."))
        return data
