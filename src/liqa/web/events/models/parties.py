"""Participating organizations and people."""

from __future__ import annotations

from django.db import models

from liqa.core.model import Gender, OrgKind, Side
from liqa.web.events.models.event import Event, EventRecord, empty_dict, empty_list


class Organization(EventRecord):
    """A delegation member, a host, or both (``liqa.core.model.Organization``)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organizations")
    name = models.CharField(max_length=300)
    name_ar = models.CharField(max_length=300, blank=True)
    name_fr = models.CharField(max_length=300, blank=True)
    short_name = models.CharField(max_length=100, blank=True)
    side = models.CharField(max_length=20, choices=[(s.value, s.value) for s in Side])
    kind = models.CharField(
        max_length=20, choices=[(k.value, k.value) for k in OrgKind], default=OrgKind.COMPANY
    )
    sector = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=100, blank=True)
    themes = models.JSONField(default=empty_list)
    offers = models.JSONField(default=empty_dict)
    seeks = models.JSONField(default=empty_dict)
    description = models.JSONField(default=empty_dict)
    venue = models.CharField(max_length=100, blank=True)
    website = models.CharField(max_length=500, blank=True)
    fictional = models.BooleanField(default=False)

    class Meta(EventRecord.Meta):
        pass


class Person(EventRecord):
    """A participant (``liqa.core.model.Person``); ``organization`` is the org's key."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=300)
    name_ar = models.CharField(max_length=300, blank=True)
    organization = models.CharField(max_length=100)
    role = models.CharField(max_length=300, blank=True)
    gender = models.CharField(
        max_length=10, blank=True, choices=[(g.value, g.value) for g in Gender]
    )
    """``female`` or ``male``: the role's French and Arabic forms agree with it; blank: unset."""
    languages = models.JSONField(default=empty_list)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=100, blank=True)
    themes = models.JSONField(default=empty_list)
    availability = models.JSONField(default=empty_list)
    """``[[start, end], ...]`` as ISO 8601 instants with offsets."""
    table = models.PositiveIntegerField(null=True, blank=True)
    fictional = models.BooleanField(default=False)

    class Meta(EventRecord.Meta):
        pass
