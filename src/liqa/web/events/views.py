"""Event pages: home, the public mission page and the mission-file import."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from liqa.core.problems import InputError
from liqa.core.spreadsheets import Missing
from liqa.core.spreadsheets.merging import table_word
from liqa.web.accounts import permissions
from liqa.web.accounts import services as account_services
from liqa.web.events import creating, domain, services, staged_uploads, submissions
from liqa.web.events.forms import NewEventForm, SpreadsheetUploadForm
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
    """Import a mission file (staff only): all or nothing, with every problem listed. A file
    replacing an event keeps its organizers, the administrators of the hosts it still has
    and the event's own settings (private stays private); one that withdraws a host
    administrator role or any account's access to the event, or drops work done on the web
    (what refers to records the file no longer has; the rest is carried over:
    ``backup.carry_over``), is previewed first, then confirmed (or cancelled) without
    uploading again."""
    if not getattr(request.user, "is_staff", False):
        raise PermissionDenied
    if request.method != "POST":
        return page(request, "events/import.html", _mission_context())
    sent = submissions.claim(_user_id(request), request.POST.get(submissions.FIELD, ""))
    if isinstance(sent, submissions.Sent):  # the same form again: imported once only
        return _sent_twice(request, "events/import.html", _mission_context(), sent)
    try:
        if "staged" in request.POST:
            return _confirm_mission(request, sent)
        return _upload_mission(request, sent)
    finally:
        sent.finish()


@require_http_methods(["GET", "POST"])
def new_event(request: HttpRequest) -> HttpResponse:
    """Start a brokerage event from a few answers (staff only, as importing a mission
    file is): the importer becomes its organizer, then goes on in its edit page. A form
    sent twice creates one event."""
    if not getattr(request.user, "is_staff", False):
        raise PermissionDenied
    form = NewEventForm(request.POST if request.method == "POST" else None)
    context: dict[str, object] = {"form": form, "problems": []}
    if request.method != "POST" or not form.is_valid():
        context["once"] = request.POST.get(submissions.FIELD) or submissions.new_token()
        status = 400 if request.method == "POST" else 200
        return page(request, "events/new.html", context, status=status)
    sent = submissions.claim(_user_id(request), request.POST.get(submissions.FIELD, ""))
    if isinstance(sent, submissions.Sent):  # the same form again: one event only
        if sent.url:
            return redirect(sent.url)
        context["once"] = submissions.new_token()
        return page(request, "events/new.html", context, status=409)
    try:
        try:
            event = creating.store_new_event(
                form.cleaned_data, current_language(), _user_id(request)
            )
        except InputError as error:
            context["problems"] = error.problems
            context["once"] = submissions.new_token()
            return page(request, "events/new.html", context, status=400)
        with transaction.atomic():
            account_services.setup_imported_event(event, request.user)
        url = reverse("events:edit", args=[event.slug])
        sent.done(url)
        return redirect(url)
    finally:
        sent.finish()


def _mission_context() -> dict[str, object]:
    """What the mission file import page needs besides what it says this time."""
    return {"problems": [], "filename": "", "once": submissions.new_token()}


def _upload_mission(request: HttpRequest, sent: submissions.Claim) -> HttpResponse:
    """Read the uploaded mission file and store it, or preview what it withdraws."""
    context = _mission_context()
    upload = request.FILES.get("mission")
    if upload is None:
        context["missing"] = True
        return page(request, "events/import.html", context, status=400)
    filename = upload.name or "mission.yaml"
    context["filename"] = filename
    try:
        services.check_upload_sizes([(filename, upload.size or 0)])
        raw = upload.read()
        parsed = services.read_mission_file(raw, filename)
        replace = request.POST.get("replace") == "on"
        existing = Event.objects.filter(slug=parsed.id).first() if replace else None
        expected = None
        if existing is not None and permissions.is_organizer(request.user, existing):
            preview = services.mission_preview(existing, parsed, _user_id(request))
            if preview.held:  # told whose access and what work go before storing
                return _mission_preview_page(request, existing, filename, raw, preview)
            expected = preview.expected()  # none: refused if some is done meanwhile
        event = services.import_event(
            parsed,
            filename=filename,
            replace=replace,
            may_replace=lambda existing: permissions.is_organizer(request.user, existing),
            expected=expected,
            importer=_user_id(request),
        )
    except InputError as error:
        context["problems"] = error.problems
        return page(request, "events/import.html", context, status=400)
    return _imported(request, event, filename, sent)


def _imported(
    request: HttpRequest, event: Event, filename: str, sent: submissions.Claim
) -> HttpResponse:
    """After a mission file is stored: roles as a new import's, then the event's overview
    (where the same form sent again goes too). The accounts and roles of every participant
    are written in one transaction: one commit instead of about four per participant (SQLite
    syncs each to disk: 7 of the 11 s the brokerage example's 120 participants took)."""
    with transaction.atomic():
        account_services.setup_imported_event(event, request.user)
    overview = reverse("scheduling:overview", args=[event.slug])
    url = f"{overview}?{urlencode({'imported': filename})}"
    sent.done(url)
    return redirect(url)


def _sent_twice(
    request: HttpRequest, template: str, context: dict[str, object], sent: submissions.Sent
) -> HttpResponse:
    """The answer to a form sent again: where the first sending went, else what it
    imported, else that it is still importing; nothing is imported again."""
    if sent.url and not sent.pending:
        return redirect(sent.url)
    context["sent_twice"] = "pending" if sent.pending else "done"
    if sent.rows:
        context["rows"] = sent.rows
    return page(request, template, context, status=409 if sent.pending else 200)


def _mission_preview_page(
    request: HttpRequest,
    existing: Event,
    filename: str,
    raw: bytes,
    preview: services.MissionPreview,
) -> HttpResponse:
    """Stage a mission file replacing ``existing`` and show whose access and which host
    administrator roles it withdraws and what work it deletes, with Replace and Cancel."""
    token = staged_uploads.stage(
        _user_id(request), existing.pk, Missing.REFUSE, [(filename, raw)], preview.expected()
    )
    return page(
        request,
        "events/import_preview.html",
        {
            "event": existing,
            "accounts": preview.accounts,
            "hosts": preview.hosts,
            "work": preview.work,
            "kept": preview.kept,
            "token": token,
            "filename": filename,
            "once": submissions.new_token(),
        },
    )


def _confirm_mission(request: HttpRequest, sent: submissions.Claim) -> HttpResponse:
    """Replace the event by the previewed mission file (``action=confirm``) or drop it;
    either way the staged file is deleted. Another user's, an expired or an unknown token,
    or an event the user does not organize, changes nothing."""
    context = _mission_context()
    existing = Event.objects.filter(slug=request.POST.get("event", "")).first()
    try:
        if existing is None or not permissions.is_organizer(request.user, existing):
            raise staged_uploads.NotStaged("")
        staged = staged_uploads.take(request.POST.get("staged", ""), _user_id(request), existing.pk)
        if staged.expected.get("kind") != "mission":  # the spreadsheets page's: spent
            staged_uploads.discard(staged.token)
            raise staged_uploads.NotStaged(staged.token)
    except staged_uploads.NotStaged:
        context["stale"] = True
        return page(request, "events/import.html", context, status=400)
    try:
        if request.POST.get("action") != "confirm":
            context["cancelled"] = True
            return page(request, "events/import.html", context)
        ((filename, raw),) = staged.files
        context["filename"] = filename
        try:
            parsed = services.read_mission_file(raw, filename)
            event = services.import_event(  # the preview checked under the event's lock
                parsed,
                filename=filename,
                replace=True,
                may_replace=lambda row: permissions.is_organizer(request.user, row),
                expected=staged.expected,
                importer=_user_id(request),
            )
        except InputError as error:
            context["problems"] = error.problems
            return page(request, "events/import.html", context, status=400)
    finally:
        staged_uploads.discard(staged.token)
    return _imported(request, event, filename, sent)


@require_http_methods(["GET", "POST"])
def import_spreadsheets(request: HttpRequest, slug: str) -> HttpResponse:
    """Organizers change organizations, people and requests from spreadsheets (all or
    nothing); what becomes of the records the tables leave out is their choice. Removing
    records, withdrawing host administrator roles or any account's access to the event is
    previewed first, then confirmed (or cancelled) without uploading again."""
    event = get_object_or_404(Event, slug=slug)
    if not permissions.is_organizer(request.user, event):
        raise PermissionDenied
    if request.method != "POST":
        return page(request, "events/spreadsheets.html", _sheets_context(event))
    sent = submissions.claim(_user_id(request), request.POST.get(submissions.FIELD, ""))
    if isinstance(sent, submissions.Sent):  # the same form again: imported once only
        return _sent_twice(request, "events/spreadsheets.html", _sheets_context(event), sent)
    try:
        if "staged" in request.POST:
            return _confirm_spreadsheets(request, event, sent)
        return _upload_spreadsheets(request, event, sent)
    finally:
        sent.finish()


def _sheets_context(event: Event) -> dict[str, object]:
    """What the spreadsheets page needs besides what it says this time."""
    return {
        "event": event,
        "problems": [],
        "form": SpreadsheetUploadForm(),
        "once": submissions.new_token(),
    }


def _upload_spreadsheets(
    request: HttpRequest, event: Event, sent: submissions.Claim
) -> HttpResponse:
    """Read the uploaded tables and store them, or preview what they remove."""
    form = SpreadsheetUploadForm(request.POST)
    context = {**_sheets_context(event), "form": form}
    uploads = request.FILES.getlist("sheets")
    if not form.is_valid():
        return page(request, "events/spreadsheets.html", context, status=400)
    if not uploads:
        context["missing"] = True
        return page(request, "events/spreadsheets.html", context, status=400)
    missing = form.cleaned_data["missing"]
    try:
        services.check_upload_sizes([(u.name or "sheet.xlsx", u.size or 0) for u in uploads])
        files = [(u.name or "sheet.xlsx", u.read()) for u in uploads]
        reading = services.read_spreadsheets(event, files, missing)
        # whatever the choice: an update that moves a host administrator or gives a person
        # another address withdraws a role, and the organizer is told whose first
        preview = services.preview_spreadsheets(reading)
        if preview.held:
            return _preview_page(request, event, reading, preview)
        uploaded = services.store_spreadsheets(reading)
    except InputError as error:
        context["problems"] = error.problems
        return page(request, "events/spreadsheets.html", context, status=400)
    _show_stored(event, uploaded, context, sent)
    return page(request, "events/spreadsheets.html", context)


def _preview_page(
    request: HttpRequest, event: Event, reading: services.Reading, preview: services.Preview
) -> HttpResponse:
    """Stage the files and show what storing them would remove, with Remove and Cancel."""
    token = staged_uploads.stage(
        _user_id(request), event.pk, reading.missing, reading.files, preview.expected()
    )
    return page(
        request,
        "events/spreadsheets_preview.html",
        {
            "event": event,
            "preview": preview,
            "token": token,
            "tables": reading.tables,
            "changed": _changed_records(reading),
            "words": {table: table_word(table) for table in services.TABLES},
            "once": submissions.new_token(),
        },
    )


def _changed_records(reading: services.Reading) -> dict[str, int]:
    """Per table the upload writes, how many of the event's records its rows change: a row
    equal to the record of its id changes nothing (re-uploading the exported tables with
    one row removed changes none of the others)."""
    changed: dict[str, int] = {}
    for table in reading.tables:
        before = {record.id: record for record in getattr(reading.base, table)}
        after = getattr(reading.imported.event, table)
        changed[table] = sum(1 for r in after if r.id in before and before[r.id] != r)
    return changed


def _confirm_spreadsheets(
    request: HttpRequest, event: Event, sent: submissions.Claim
) -> HttpResponse:
    """Store the previewed upload (``action=confirm``) or drop it; either way the staged
    files are deleted. Another user's, an expired or an unknown token changes nothing."""
    context = _sheets_context(event)
    token = request.POST.get("staged", "")
    try:
        staged = staged_uploads.take(token, _user_id(request), event.pk)
        if staged.expected.get("kind") == "mission":  # the mission file page's: spent
            staged_uploads.discard(staged.token)
            raise staged_uploads.NotStaged(token)
    except staged_uploads.NotStaged:
        context["stale"] = True
        return page(request, "events/spreadsheets.html", context, status=400)
    try:
        if request.POST.get("action") != "confirm":
            context["cancelled"] = True
            return page(request, "events/spreadsheets.html", context)
        try:
            reading = services.read_spreadsheets(event, staged.files, staged.missing)
            uploaded = services.store_spreadsheets(reading, staged.expected)
        except InputError as error:
            context["problems"] = error.problems
            return page(request, "events/spreadsheets.html", context, status=400)
    finally:
        staged_uploads.discard(staged.token)
    _show_stored(event, uploaded, context, sent)
    return page(request, "events/spreadsheets.html", context)


def _user_id(request: HttpRequest) -> int:
    """The signed-in user's id, whom a staged upload belongs to."""
    if request.user.pk is None:
        raise PermissionDenied
    return int(request.user.pk)


def _show_stored(
    event: Event,
    uploaded: services.Uploaded,
    context: dict[str, object],
    sent: submissions.Claim,
) -> None:
    """Enrol the new people (in one transaction, as :func:`_imported`) and say what the
    upload stored, kept and removed (the same form sent again shows the rows stored)."""
    with transaction.atomic():
        account_services.enrol_everyone(event)
    sent.done(rows=dict(uploaded.imported.rows))
    context["rows"] = uploaded.imported.rows
    context["removed"] = uploaded.removed_notes()
    context["kept"] = uploaded.kept_notes()
    context["hosts"] = uploaded.hosts  # as the preview said they would be
    context["form"] = SpreadsheetUploadForm()  # the next upload refuses again unless chosen
    context["once"] = submissions.new_token()
