"""Event URLs: the public mission page, the import and the organizer's editing pages."""

from django.urls import path

from liqa.web.events import editing_views, views

app_name = "events"
urlpatterns = [
    path("import/", views.import_mission, name="import"),
    path("new/", views.new_event, name="new"),
    path("<slug:slug>/", views.public, name="public"),
    path("<slug:slug>/spreadsheets/", views.import_spreadsheets, name="spreadsheets"),
    path("<slug:slug>/edit/", editing_views.edit_index, name="edit"),
    path(
        "<slug:slug>/edit/brokerage/",
        editing_views.edit_record,
        {"kind": "brokerage"},
        name="edit_brokerage",
    ),
    path("<slug:slug>/edit/<str:kind>/_add/", editing_views.edit_record, name="edit_add"),
    path("<slug:slug>/edit/<str:kind>/<str:key>/", editing_views.edit_record, name="edit_record"),
    path(
        "<slug:slug>/edit/<str:kind>/<str:key>/delete/",
        editing_views.delete_record,
        name="edit_delete",
    ),
]
