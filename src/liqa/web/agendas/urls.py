"""Participant and host URLs."""

from django.urls import path

from liqa.web.agendas import views

app_name = "agendas"
urlpatterns = [
    path("me/<slug:slug>/", views.me, name="me"),
    path("host/<slug:slug>/", views.host, name="host"),
]
