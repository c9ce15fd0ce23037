"""Django admin for runs and schedule versions."""

from django.contrib import admin

from liqa.web.scheduling import models


@admin.register(models.Run)
class RunAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("pk", "event", "state", "created_at", "elapsed", "objective", "gap")
    list_filter = ("event", "state")


class AssignmentInline(admin.TabularInline):  # type: ignore[type-arg]
    model = models.AssignmentRow
    extra = 0


@admin.register(models.ScheduleVersion)
class ScheduleVersionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("event", "number", "created_at", "published_at", "notified")
    list_filter = ("event",)
    inlines = (AssignmentInline,)


@admin.register(models.Notification)
class NotificationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """What publishing each version e-mailed, to whom, and what failed."""

    list_display = ("version", "person", "email", "sent_at", "error")
    list_filter = ("version__event",)
    search_fields = ("person", "email")
    list_select_related = ("version__event",)
