"""Sign-in pages: magic link (everyone) and password (organizers); sign-out."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from liqa.web.accounts import lookups, services
from liqa.web.pages import page


def _local_next(request: HttpRequest, target: str) -> str:
    """``target`` when it is a safe address on this site (never an open redirect), else ``""``."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _safe_next(request: HttpRequest, target: str) -> str:
    return _local_next(request, target) or "/"


def _password_url(request: HttpRequest, next_url: str) -> str:
    """The password sign-in page, carrying the page to go to after it (when it is a safe
    local address) and the language the sign-in page was asked in (``?lang=``, when one of
    the app's): an organizer sent to sign in from a deep link lands there after the password."""
    query = {"next": _local_next(request, next_url), "lang": request.GET.get("lang", "")}
    if query["lang"] not in services.PAGE_LANGUAGES:
        query["lang"] = ""
    kept = {key: value for key, value in query.items() if value}
    return reverse("accounts:password") + ("?" + urlencode(kept) if kept else "")


@require_http_methods(["GET", "POST"])
def signin(request: HttpRequest) -> HttpResponse:
    """Ask for a magic link by e-mail; the answer never tells whether the address is known."""
    next_url = request.POST.get("next", request.GET.get("next", ""))
    context: dict[str, object] = {
        "next": next_url,
        "sent": False,
        "error": "",
        "password_url": _password_url(request, next_url),
    }
    if request.method == "POST":
        try:
            # the language chosen with the switcher (its cookie), which the link keeps; else
            # the member's own, else (no membership yet) the language of this page
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
            services.send_sign_in_link(
                request.POST.get("email", ""),
                next_url,
                chosen,
                page_language=translation.get_language() or "",
            )
            context["sent"] = True
        except services.RateLimited:
            context["error"] = _(
                "Too many sign-in links were asked for this address. Try again in an hour."
            )
            return page(request, "accounts/signin.html", context, status=429)
    return page(request, "accounts/signin.html", context)


def _signin_url(request: HttpRequest, secret: str) -> str:
    """The sign-in page, carrying the page the link was to lead to (when it is a safe local
    address: never an open redirect), so that a new link asked from there leads there too."""
    target = _local_next(request, services.next_url_of(secret))
    return reverse("accounts:signin") + ("?" + urlencode({"next": target}) if target else "")


def _spent(request: HttpRequest, secret: str) -> HttpResponse:
    """The page of a link that no longer works, with a way to ask for a new one."""
    context = {"valid": False, "signin_url": _signin_url(request, secret)}
    return page(request, "accounts/link.html", context, status=410)


@require_http_methods(["GET", "POST"])
def link(request: HttpRequest, secret: str) -> HttpResponse:
    """A magic link: GET shows a button (mail scanners don't use it up), POST signs in.

    The link carries the language its sign-in page was read in (``?lang=``): the browser
    that opens it, which may not be the one that asked for it (another device, a mail
    app's own browser), keeps that language in its cookie, as the language switcher does,
    and comes back to the link without it: the link's page, the page it signs in to and
    the pages after read that language, and the switcher on them still changes it."""
    chosen = request.GET.get("lang", "")
    if request.method == "GET" and chosen in services.PAGE_LANGUAGES:
        response = HttpResponseRedirect(request.path)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            chosen,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
    if request.method == "POST":
        user = services.redeem(secret)
        if user is None:
            return _spent(request, secret)
        login(request, user, backend=lookups.BACKEND)
        return HttpResponseRedirect(_safe_next(request, services.next_url_of(secret)))
    if not services.link_is_usable(secret):
        return _spent(request, secret)
    return page(request, "accounts/link.html", {"valid": True})


@require_http_methods(["GET", "POST"])
def password(request: HttpRequest) -> HttpResponse:
    """Password sign-in (organizers and superusers have passwords; participants don't)."""
    # the page to go to after signing in, kept through the form when it is a safe local one
    context = {"next": _local_next(request, request.GET.get("next", "")), "error": ""}
    if request.method == "POST":
        context["next"] = _local_next(request, request.POST.get("next", ""))
        name = request.POST.get("username", "").strip()
        user = authenticate(
            request, username=services.username_for(name), password=request.POST.get("password", "")
        )
        if user is not None:
            login(request, user)
            return HttpResponseRedirect(_safe_next(request, context["next"]))
        context["error"] = _("Wrong e-mail or password.")
        return page(request, "accounts/password.html", context, status=401)
    return page(request, "accounts/password.html", context)


@require_POST
def signout(request: HttpRequest) -> HttpResponse:
    """Sign out and go home."""
    logout(request)
    return redirect("home")
