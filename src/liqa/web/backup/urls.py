"""The backup download under ``/organize/<event>/``."""

from django.urls import path

from liqa.web.backup import views

app_name = "backup"
urlpatterns = [
    path("<slug:slug>/backup.zip", views.backup_download, name="download"),
]
