"""Django admin for superusers: every record of every event."""

from django.contrib import admin

from liqa.web.events import models


@admin.register(models.Event)
class EventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("slug", "kind", "public", "created_at")
    search_fields = ("slug",)


@admin.register(
    models.Leg,
    models.Venue,
    models.Organization,
    models.Person,
    models.MeetingRequest,
    models.CandidateVisit,
    models.ProgrammeItem,
)
class EventRecordAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("key", "event")
    list_filter = ("event",)
    search_fields = ("key",)


@admin.register(models.Outcome)
class OutcomeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("assignment", "event", "kind", "follow_up", "owner")
    list_filter = ("event", "kind", "follow_up")
