"""URL map of the web app; each app owns its own ``urls`` module."""

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from liqa.web.events import views as event_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("", event_views.home, name="home"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("liqa.web.accounts.urls")),
    path("events/", include("liqa.web.events.urls")),
    path("organize/", include("liqa.web.scheduling.urls")),
    path("organize/", include("liqa.web.audit.urls")),
    path("organize/", include("liqa.web.backup.urls")),
    path("api/", include("liqa.web.api.urls")),
    path("", include("liqa.web.agendas.urls")),
]

handler403 = "liqa.web.pages.forbidden"
