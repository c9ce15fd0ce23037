"""Organizer URLs of the audit trail, under ``/organize/<event>/``."""

from django.urls import path

from liqa.web.audit import views

app_name = "audit"
urlpatterns = [path("<slug:slug>/history/", views.history, name="history")]
