"""Event pages: home, the public mission page and the mission-file import."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from liqa.core.problems import InputError
from liqa.web.accounts import permissions
from liqa.web.accounts import services as account_services
from liqa.web.events import domain, services
from liqa.web.events.forms import SpreadsheetUploadForm
from liqa.web.events.models import Event
from liqa.web.pages import page
from liqa.web.templating import current_language


def home(request: HttpRequest) -> HttpResponse:
    """Public events, and the signed-in user's own events with their roles."""
    return page(
        request,
        "events/home.html",
        {
            "public_events": Event.objects.filter(public=True),
            "my_events": permissions.events_of(request.user),
            "can_import": bool(getattr(request.user, "is_staff", False)),
        },
    )


def public(request: HttpRequest, slug: str) -> HttpResponse:
    """The public mission page: no private data (no e-mails, phones, schedules)."""
    event = get_object_or_404(Event, slug=slug)
    if not event.public and not permissions.is_organizer(request.user, event):
        raise PermissionDenied
    return page(
        request,
        "events/public.html",
        {"event": event, **domain.public_view(event, current_language())},
    )


@require_http_methods(["GET", "POST"])
def import_mission(request: HttpRequest) -> HttpResponse:
    """Import a mission file (staff only): all or nothing, with every problem listed."""
    if not getattr(request.user, "is_staff", False):
        raise PermissionDenied
    context: dict[str, object] = {"problems": [], "filename": ""}
    if request.method == "POST":
        upload = request.FILES.get("mission")
        if upload is None:
            context["missing"] = True
            return page(request, "events/import.html", context, status=400)
        filename = upload.name or "mission.yaml"
        context["filename"] = filename
        try:
            services.check_upload_sizes([(filename, upload.size or 0)])
            event = services.import_mission_file(
                upload.read(),
                filename,
                replace=request.POST.get("replace") == "on",
                may_replace=lambda existing: permissions.is_organizer(request.user, existing),
            )
        except InputError as error:
            context["problems"] = error.problems
            return page(request, "events/import.html", context, status=400)
        account_services.setup_imported_event(event, request.user)
        return redirect("scheduling:overview", event.slug)
    return page(request, "events/import.html", context)


@require_http_methods(["GET", "POST"])
def import_spreadsheets(request: HttpRequest, slug: str) -> HttpResponse:
    """Organizers change organizations, people and requests from spreadsheets (all or
    nothing); what becomes of the records the tables leave out is their choice."""
    event = get_object_or_404(Event, slug=slug)
    if not permissions.is_organizer(request.user, event):
        raise PermissionDenied
    form = SpreadsheetUploadForm(request.POST if request.method == "POST" else None)
    context: dict[str, object] = {"event": event, "problems": [], "form": form}
    if request.method == "POST":
        uploads = request.FILES.getlist("sheets")
        if not form.is_valid():
            return page(request, "events/spreadsheets.html", context, status=400)
        if not uploads:
            context["missing"] = True
            return page(request, "events/spreadsheets.html", context, status=400)
        try:
            services.check_upload_sizes([(u.name or "sheet.xlsx", u.size or 0) for u in uploads])
            uploaded = services.import_spreadsheets(
                event,
                [(u.name or "sheet.xlsx", u.read()) for u in uploads],
                form.cleaned_data["missing"],
            )
        except InputError as error:
            context["problems"] = error.problems
            return page(request, "events/spreadsheets.html", context, status=400)
        account_services.enrol_everyone(event)
        context["rows"] = uploaded.imported.rows
        context["removed"] = uploaded.removed_notes()
        context["kept"] = uploaded.kept_notes()
        context["form"] = SpreadsheetUploadForm()  # the next upload refuses again unless chosen
    return page(request, "events/spreadsheets.html", context)
