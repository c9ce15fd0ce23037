"""The event, its legs and its venues."""

from __future__ import annotations

from django.db import models

from liqa.core.model import EventKind


def empty_dict() -> dict[str, str]:
    """A new empty dict: the default of the JSON fields holding localized text or maps."""
    return {}


def empty_list() -> list[str]:
    """A new empty list: the default of the JSON fields holding lists."""
    return []


# migrations/0001_initial.py names the defaults by these older paths: keep them importable
_empty_dict = empty_dict
_empty_list = empty_list


class Event(models.Model):
    """A trade mission or brokerage event (``liqa.core.model.Event``).

    ``slug`` is the core's event id. Collections of plain values (themes, languages,
    localized text) are JSON; the brokerage setup is JSON in the mission-file shape.
    """

    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=[(k.value, k.value) for k in EventKind])
    title = models.JSONField(default=empty_dict)
    organizers = models.JSONField(default=empty_list)
    languages = models.JSONField(default=empty_list)
    themes = models.JSONField(default=empty_list)
    goals = models.JSONField(default=empty_dict)
    description = models.JSONField(default=empty_dict)
    brokerage = models.JSONField(null=True, blank=True)
    subgroups_max = models.PositiveIntegerField(default=1)
    subgroup_min_size = models.PositiveIntegerField(default=1)
    subgroup_max_size = models.PositiveIntegerField(null=True, blank=True)
    """Most members in one subgroup (empty: no limit)."""
    together = models.JSONField(default=empty_list)
    apart = models.JSONField(default=empty_list)
    communique = models.JSONField(default=empty_dict, blank=True)
    """Localized communiqué shown on the public page once published (empty = none)."""
    public = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.slug


class EventRecord(models.Model):
    """A record that belongs to one event, with the core's id as ``key``."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    position = models.PositiveIntegerField(default=0)
    """Order in the mission file (the core keeps file order)."""

    class Meta:
        abstract = True
        ordering = ("position",)
        constraints = (
            models.UniqueConstraint(fields=("event", "key"), name="%(class)s_unique_key"),
        )

    def __str__(self) -> str:
        return self.key


class Leg(EventRecord):
    """One city of the event (``liqa.core.model.Leg``)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="legs")
    city = models.CharField(max_length=200)
    timezone = models.CharField(max_length=64)
    start = models.DateField()
    end = models.DateField()
    hotel = models.CharField(max_length=100, blank=True)
    day_start = models.CharField(max_length=5, default="08:30")
    day_end = models.CharField(max_length=5, default="18:00")
    lunch_start = models.CharField(max_length=5, default="12:00")
    lunch_end = models.CharField(max_length=5, default="14:00")
    lunch_minutes = models.PositiveIntegerField(default=60)
    lunch_venue = models.CharField(max_length=100, blank=True)
    """Venue key where subgroups regroup for lunch (empty: the hotel)."""
    max_visits_per_day = models.PositiveIntegerField(default=4)
    speed_kmh = models.FloatField(default=35.0)
    detour_factor = models.FloatField(default=1.3)
    buffer_minutes = models.PositiveIntegerField(default=15)

    class Meta(EventRecord.Meta):
        pass


class Venue(EventRecord):
    """A place where meetings happen (``liqa.core.model.Venue``)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(max_length=300)
    name_ar = models.CharField(max_length=300, blank=True)
    name_fr = models.CharField(max_length=300, blank=True)
    """The official French name French pages read (blank: ``name``)."""
    city = models.CharField(max_length=200)
    timezone = models.CharField(max_length=64)
    address = models.CharField(max_length=500, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    fictional = models.BooleanField(default=False)

    class Meta(EventRecord.Meta):
        pass
