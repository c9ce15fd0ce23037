"""Django admin for roles and (digest-only) secrets."""

from django.contrib import admin

from liqa.web.accounts import models


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("user", "event", "role", "person", "organization")
    list_filter = ("event", "role")


@admin.register(models.SignInLink)
class SignInLinkAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("user", "created_at", "expires_at", "used_at")
    readonly_fields = ("digest",)


@admin.register(models.CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("person", "event", "created_at", "revoked_at")
    readonly_fields = ("digest",)
