"""Organizer pages: overview, runs with live progress, the result grid, pins, publishing."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from liqa.core.i18n import translator
from liqa.core.outputs.labels import item_titles
from liqa.web.accounts import permissions
from liqa.web.accounts import services as account_services
from liqa.web.accounts.models import Membership, Role
from liqa.web.events.models import Event, Person
from liqa.web.events.records import event_record
from liqa.web.pages import page
from liqa.web.scheduling import domain, exports, grid_views, moves, publishing, services
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from liqa.web.scheduling.proofs import objective_words, proof_words, version_proof
from liqa.web.scheduling.released import released_rows, version_released
from liqa.web.scheduling.signals import invitations_sent
from liqa.web.scheduling.staleness import isolated, stale_notice
from liqa.web.templating import current_language


def organizer_event(request: HttpRequest, slug: str) -> Event:
    """The event when the user organizes it; 403 otherwise (404 when unknown)."""
    event = get_object_or_404(Event, slug=slug)
    if not permissions.is_organizer(request.user, event):
        raise PermissionDenied
    return event


def overview(request: HttpRequest, slug: str) -> HttpResponse:
    """The organizer's overview of one event."""
    event = organizer_event(request, slug)
    lang = current_language()
    context = {"event": event, "stale": stale_notice(event, lang), **domain.overview(event, lang)}
    return page(request, "scheduling/overview.html", context)


@require_POST
def start_run(request: HttpRequest, slug: str) -> HttpResponse:
    """Start the scheduler (``base`` = a version number to re-optimize around its pins;
    ``keep_published=1`` with it: keep its meetings in place wherever still allowed)."""
    event = organizer_event(request, slug)
    base = None
    if request.POST.get("base"):
        base = get_object_or_404(ScheduleVersion, event=event, number=request.POST["base"])
    keep = request.POST.get("keep_published") == "1"
    run = services.start_run(event, request.user, base=base, keep_published=keep)
    return redirect("scheduling:run", event.slug, run.pk)


def run_status(run: Run) -> dict[str, object]:
    """What the progress page shows, as JSON (objective, bound and gap live while running),
    its numbers written as the reader's language writes them (``392,197`` in French)."""
    elapsed = run.elapsed
    if run.state == RunState.RUNNING and run.started_at is not None:
        elapsed = (timezone.now() - run.started_at).total_seconds()
    lang = current_language()
    number = translator(lang).format_number
    return {
        "id": run.pk,
        "state": run.state,
        "state_label": str(RunState(run.state).label),
        "finished": run.finished,
        "elapsed": number(round(elapsed, 1)),
        "time_limit": number(run.time_limit),
        "progress": 1.0 if run.finished else min(elapsed / run.time_limit, 0.99),
        "objective": objective_words(run.objective, lang) or None,
        "bound": None if run.bound is None else number(run.bound),
        "gap": None if run.gap is None else translator(lang).format_percent(run.gap, 1),
        "proof": proof_words(run, lang),
        "message": gettext(run.message) if run.message else "",
        "cancel_requested": run.cancel_requested,
        "result": run.result.number if run.result is not None else None,
    }


def run_page(request: HttpRequest, slug: str, run_id: int) -> HttpResponse:
    """The progress page; it polls :func:`run_json` until the run finishes."""
    event = organizer_event(request, slug)
    services.reap_stale_runs()
    run = get_object_or_404(Run, event=event, pk=run_id)
    context = {
        "event": event,
        "run": run,
        "status": run_status(run),
        "released": released_rows(run, current_language()),
    }
    return page(request, "scheduling/run.html", context)


def run_json(request: HttpRequest, slug: str, run_id: int) -> JsonResponse:
    """The run's state and progress, polled by the progress page (runs whose worker died
    are marked failed first)."""
    event = organizer_event(request, slug)
    services.reap_stale_runs()
    return JsonResponse(run_status(get_object_or_404(Run, event=event, pk=run_id)))


@require_POST
def cancel_run(request: HttpRequest, slug: str, run_id: int) -> HttpResponse:
    """Ask a run to stop (it keeps nothing)."""
    event = organizer_event(request, slug)
    services.cancel_run(get_object_or_404(Run, event=event, pk=run_id))
    return redirect("scheduling:run", event.slug, run_id)


def version_page(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """The result grid of one version, with pins and publishing: people × days (or hosts
    × days, ``?by=hosts``), or one day's table plan (``?by=tables&day=YYYY-MM-DD``) or run
    sheet (``?by=day&day=...``)."""
    event = organizer_event(request, slug)
    version = get_object_or_404(ScheduleVersion, event=event, number=number)
    stale = stale_notice(event, current_language()) if version.published else None
    return page(
        request,
        "scheduling/grid.html",
        {
            "event": event,
            "version": version,
            "stale": stale if stale and stale["version"] == version.number else None,
            "proof": version_proof(version, current_language()),
            "released": version_released(version, current_language()),
            **grid_views.grid_page(
                version,
                current_language(),
                by=request.GET.get("by", "people"),
                day=request.GET.get("day", ""),
                moved=request.GET.get("moved", ""),
            ),
        },
    )


def _refused(
    request: HttpRequest, event: Event, version: ScheduleVersion, reason: str, status: int
) -> HttpResponse:
    """A change to a version refused: why, in the reader's language, and the way back to
    the grid in the view the change was asked from."""
    back = _grid_back(request, event, version)
    context = {"event": event, "version": version, "reason": reason, "back": back}
    return page(request, "scheduling/refused.html", context, status=status)


def _published_meanwhile(version: ScheduleVersion) -> str:
    return gettext(
        "Version %(number)s was published in the meantime: a published version cannot change."
    ) % {"number": version.number}


@require_POST
def pin(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Pin or unpin one assignment of a draft version; then back to the grid in the view
    the pin was set from."""
    event = organizer_event(request, slug)
    version = get_object_or_404(ScheduleVersion, event=event, number=number)
    try:
        row = services.set_pinned(
            version, request.POST.get("key", ""), request.POST.get("pinned") == "1"
        )
    except services.ImmutableVersion:
        return _refused(request, event, version, _published_meanwhile(version), 409)
    except version.assignments.model.DoesNotExist:
        reason = gettext("Version %(number)s has no such meeting.") % {"number": version.number}
        return _refused(request, event, version, reason, 404)
    if request.headers.get("Accept") == "application/json":  # js/grid.js: the grid stays
        # what the database kept, read back: the grid never shows a pin the server lacks
        stored = version.assignments.values("key", "pinned").get(pk=row.pk)
        return JsonResponse({"key": stored["key"], "pinned": stored["pinned"]})
    return redirect(_grid_back(request, event, version))


@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Publish a draft version, tell the participants whose agenda changed, then show what
    changed on its own page (Post/Redirect/Get: reloading that page sends nothing again).
    A version already published leads to the same page, which says so. GET asks first:
    how many participants' agendas change and will be e-mailed, nothing published yet."""
    event = organizer_event(request, slug)
    version = get_object_or_404(ScheduleVersion, event=event, number=number)
    if request.method == "GET":
        if version.published:
            return redirect("scheduling:published", event.slug, version.number)
        context = {"event": event, "version": version, **_publish_preview(version)}
        return page(request, "scheduling/publish.html", context)
    try:
        publishing.publish(version)
    except services.ImmutableVersion:
        return redirect(
            reverse("scheduling:published", args=[event.slug, version.number]) + "?again=1"
        )
    return redirect("scheduling:published", event.slug, version.number)


def _publish_preview(version: ScheduleVersion) -> dict[str, object]:
    """What publishing a draft would do: the version it replaces, how many participants'
    agendas change, how many of them have an e-mail address, and whether mail delivers."""
    old, new = publishing.compared(version)
    affected = publishing.version_diff(event_record(version.event), old, new)
    reachable = len(publishing.addresses(version, list(affected)))
    return {
        "previous": publishing.published_before(version),
        "affected": len(affected),
        "reachable": reachable,
        "unreachable": len(affected) - reachable,
        "mail_delivers": publishing.mail_delivers(),
    }


def published(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """What publishing a version changed: who was told and what changed for each, compared
    again from the stored versions. A draft has no such page: its grid instead."""
    event = organizer_event(request, slug)
    version = get_object_or_404(ScheduleVersion, event=event, number=number)
    if not version.published:
        return redirect("scheduling:version", event.slug, version.number)
    return page(
        request,
        "scheduling/published.html",
        {
            "event": event,
            "version": version,
            "again": request.GET.get("again") == "1",
            "mail_delivers": publishing.mail_delivers(),
            **domain.published_summary(version, current_language()),
        },
    )


@require_POST
def send_again(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """E-mail again the participants whose message about a published version failed or was
    never sent, then show the published page again with each outcome (Post/Redirect/Get).
    When nothing was left to send (another organizer sent them meanwhile, a double click),
    the page says why."""
    event = organizer_event(request, slug)
    version = get_object_or_404(ScheduleVersion, event=event, number=number)
    if publishing.send_again(version):
        return redirect("scheduling:published", event.slug, version.number)
    published = reverse("scheduling:published", args=[event.slug, version.number])
    return redirect(f"{published}?nothing={publishing.nothing_sent(version)}")


GRID_VIEWS = grid_views.VIEWS
"""The grid's views, chosen by ``?by=`` (people × days by default)."""


def _grid_view(request: HttpRequest) -> dict[str, str]:
    """The grid view a change (move, pin) was made from (the form's ``by``, and its
    ``day`` for a view of one day; the query's for a meeting's Move page), as query
    parameters for the way back to it: only a known view and a day written as a date,
    none for the default (no open redirect)."""
    sent = request.POST if request.method == "POST" else request.GET
    by = sent.get("by", "")
    if by not in GRID_VIEWS or by == GRID_VIEWS[0]:
        return {}
    day = grid_views.parse_day(sent.get("day", ""))
    if by in grid_views.DAY_VIEWS and day is not None:
        return {"by": by, "day": day.isoformat()}
    return {"by": by}


def _grid_back(request: HttpRequest, event: Event, version: ScheduleVersion) -> str:
    """The address of the version's grid in the view a change was made from."""
    grid_url = reverse("scheduling:version", args=[event.slug, version.number])
    view = _grid_view(request)
    return f"{grid_url}?{urlencode(view)}" if view else grid_url


@require_http_methods(["GET", "POST"])
def move(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Move a meeting to another slot and table, after the core's checker approves; then
    back to the grid in the view the move was made from, saying where the meeting went.
    Asked with GET (``?key=``, a meeting's Move without script): its Move form alone."""
    event = organizer_event(request, slug)
    version = get_object_or_404(ScheduleVersion, event=event, number=number)
    if request.method == "GET":
        return _move_page(request, event, version)
    try:
        slot = int(request.POST.get("slot", ""))
        table = int(request.POST["table"]) if request.POST.get("table") else None
        conflicts = moves.move(version, request.POST.get("key", ""), slot, table)
    except (ValueError, KeyError):
        reason = gettext("Choose a meeting of this version, a slot and a table.")
        return _refused(request, event, version, reason, 400)
    except services.ImmutableVersion:
        return _refused(request, event, version, _published_meanwhile(version), 409)
    except moves.MoveUnsupported:
        reason = gettext("Meetings are moved by hand at brokerage events only: re-plan a mission.")
        return _refused(request, event, version, reason, 400)
    grid_url = reverse("scheduling:version", args=[event.slug, version.number])
    view = _grid_view(request)
    if conflicts:
        back = _grid_back(request, event, version)
        lang = current_language()
        # each name in the rule's words isolated where it runs against the page (a Latin
        # participant's name in Arabic keeps its place beside the digits and words around it)
        said = [{"label": c.label, "words": isolated(c.message, lang)} for c in conflicts]
        context = {"event": event, "version": version, "conflicts": said, "back": back}
        asked = _move_asked(event, request.POST["key"], slot, table)
        return page(request, "scheduling/conflicts.html", {**context, **asked}, status=409)
    return redirect(f"{grid_url}?{urlencode({**view, 'moved': request.POST['key']})}")


def _move_asked(event: Event, key: str, slot: int, table: int | None) -> dict[str, object]:
    """The refused move in words for its page: the meeting's title, the slot's start and
    the table asked for (the slot is absent when the event has no such slot)."""
    record = event_record(event)
    lang = current_language()
    title = item_titles(record, [key], lang).get(key, key)
    starts = {s["index"]: s["start"] for s in grid_views.move_slots(record, lang)["slots"]}
    return {"asked": {"title": title, "start": starts.get(slot), "table": table}}


def _move_page(request: HttpRequest, event: Event, version: ScheduleVersion) -> HttpResponse:
    """One meeting's Move form (``?key=``, with the grid's ``by`` and ``day`` for the way
    back), as the grid opens it with script: its slot and table chosen."""
    if version.published:
        return _refused(request, event, version, _published_meanwhile(version), 409)
    row = version.assignments.filter(key=request.GET.get("key", "")).first()
    if row is None:
        reason = gettext("Version %(number)s has no such meeting.") % {"number": version.number}
        return _refused(request, event, version, reason, 404)
    record = event_record(event)
    if record.brokerage is None:
        reason = gettext("Meetings are moved by hand at brokerage events only: re-plan a mission.")
        return _refused(request, event, version, reason, 400)
    lang = current_language()
    slots = grid_views.move_slots(record, lang)
    view = _grid_view(request)
    context = {
        "event": event,
        "version": version,
        "key": row.key,
        "title": item_titles(record, [row.key], lang)[row.key],
        "slot": next((s["index"] for s in slots["slots"] if s["start"] == row.start), None),
        "table": row.table,
        "by": view.get("by", GRID_VIEWS[0]),
        "view_day": grid_views.parse_day(view.get("day", "")),
        "back": _grid_back(request, event, version),
        **slots,
    }
    return page(request, "scheduling/move.html", context)


@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    """E-mail every participant a sign-in link to their agenda; GET asks first, saying
    how many e-mails that sends (nothing is sent yet)."""
    event = organizer_event(request, slug)
    if request.method == "GET":
        context = {"event": event, "mail_delivers": publishing.mail_delivers()}
        return page(request, "scheduling/invite.html", {**context, **_invite_preview(event)})
    invited = account_services.invite_participants(event)
    invitations_sent.send(sender=Event, event=event, invited=invited)  # the event's history
    return page(request, "scheduling/invited.html", {"event": event, "invited": invited})


def mission_download(request: HttpRequest, slug: str) -> HttpResponse:
    """The event as a mission file (to edit offline or keep)."""
    event = organizer_event(request, slug)
    response = HttpResponse(exports.mission_file(event), content_type="application/yaml")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.yaml"'
    return response


def outputs_download(request: HttpRequest, slug: str, number: int) -> HttpResponseBase:
    """Every output of a version (agendas, calendars, PDFs, grids, sheets, report) as a zip.

    Built in the background: until it is ready the page says so and reloads itself.
    """
    event = organizer_event(request, slug)
    version = get_object_or_404(ScheduleVersion, event=event, number=number)
    state = exports.request_outputs(version, retry=request.GET.get("retry") == "1")
    if state.ready:
        return FileResponse(
            state.path.open("rb"),
            as_attachment=True,
            filename=f"{event.slug}-v{number}.zip",
            content_type="application/zip",
        )
    context = {"event": event, "version": version, "state": state}
    return page(request, "scheduling/outputs.html", context, status=500 if state.failed else 202)


def _invite_preview(event: Event) -> dict[str, int]:
    """Whom :func:`account_services.invite_participants` would e-mail: the participants
    with an address (a host administrator gets one e-mail, for the host page) and the
    host administrators; the event's people without an address are not invited."""
    hosts = set(
        Membership.objects.filter(event=event, role=Role.HOST_ADMIN).values_list(
            "user_id", flat=True
        )
    )
    members = Membership.objects.filter(event=event, role=Role.PARTICIPANT).exclude(user__email="")
    reached = {
        person for user, person in members.values_list("user_id", "person") if user not in hosts
    }
    without = Person.objects.filter(event=event, email="").exclude(key__in=reached).count()
    return {"participants": len(reached), "hosts": len(hosts), "without": without}


@require_http_methods(["GET", "POST"])
def communique(request: HttpRequest, slug: str) -> HttpResponse:
    """Edit and publish the communiqué (drafted by the core from the published schedule);
    once published, back to this page saying so, with the way to the public page (the
    history records the texts published: ``liqa.web.audit.receivers``)."""
    event = organizer_event(request, slug)
    if request.method == "POST":
        texts = {lang: request.POST.get(lang, "").strip() for lang in ("ar", "fr", "en")}
        event.communique = {lang: text for lang, text in texts.items() if text}
        event.save(update_fields=["communique"])
        said = (
            gettext("The communiqué is published on the public page.")
            if event.communique
            else gettext("The communiqué is withdrawn from the public page: every text was empty.")
        )
        messages.success(request, said)
        return redirect("scheduling:communique", event.slug)
    drafts = exports.communique_drafts(event)
    texts = {
        lang: event.communique.get(lang) or drafts.get(lang, "") for lang in ("ar", "fr", "en")
    }
    context = {"event": event, "texts": texts, "notices": messages.get_messages(request)}
    return page(request, "scheduling/communique.html", context)
