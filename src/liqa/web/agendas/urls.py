"""Participant and host URLs."""

from django.urls import path

from liqa.web.agendas import hosting, views

app_name = "agendas"
urlpatterns = [
    path("me/<slug:slug>/", views.me, name="me"),
    path("me/<slug:slug>/agenda.ics", views.ics, name="ics"),
    path("me/<slug:slug>/agenda.pdf", views.pdf, name="pdf"),
    path("me/<slug:slug>/feed/", views.feed_settings, name="feed_settings"),
    path("me/<slug:slug>/requests/", views.requests_page, name="requests"),
    path("me/<slug:slug>/outcome/", views.outcome, name="outcome"),
    path("me/<slug:slug>/profile/", views.profile_page, name="profile"),
    path("organize/<slug:slug>/follow-ups/", views.follow_ups, name="follow_ups"),
    path("feeds/<str:secret>.ics", views.feed, name="feed"),
    path("host/<slug:slug>/", views.host, name="host"),
    path("organize/<slug:slug>/hosts/", hosting.host_admins_page, name="host_admins"),
]
