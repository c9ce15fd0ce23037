"""The audit trail in Django's admin: read-only, for superusers."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from liqa.web.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("at", "event", "actor", "action", "model", "key")
    list_filter = ("event", "model", "action")
    search_fields = ("key", "actor")
    readonly_fields = ("at", "event", "user", "actor", "model", "key", "action", "changes")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
