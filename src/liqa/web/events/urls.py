"""Event URLs: the public mission page and the import."""

from django.urls import path

from liqa.web.events import views

app_name = "events"
urlpatterns = [
    path("import/", views.import_mission, name="import"),
    path("<slug:slug>/", views.public, name="public"),
    path("<slug:slug>/spreadsheets/", views.import_spreadsheets, name="spreadsheets"),
]
