"""Organizer URLs under ``/organize/<event>/``."""

from django.urls import path

from liqa.web.scheduling import report_views, views

app_name = "scheduling"
urlpatterns = [
    path("<slug:slug>/", views.overview, name="overview"),
    path("<slug:slug>/runs/", views.start_run, name="start_run"),
    path("<slug:slug>/invite/", views.invite, name="invite"),
    path("<slug:slug>/communique/", views.communique, name="communique"),
    path("<slug:slug>/report/", report_views.report, name="report"),
    path("<slug:slug>/report.pdf", report_views.report_pdf, name="report_pdf"),
    path(
        "<slug:slug>/report/charts/<slug:name>.svg",
        report_views.report_chart,
        name="report_chart",
    ),
    path("<slug:slug>/mission.yaml", views.mission_download, name="mission"),
    path("<slug:slug>/versions/<int:number>/outputs.zip", views.outputs_download, name="outputs"),
    path("<slug:slug>/runs/<int:run_id>/", views.run_page, name="run"),
    path("<slug:slug>/runs/<int:run_id>/status/", views.run_json, name="run_json"),
    path("<slug:slug>/runs/<int:run_id>/cancel/", views.cancel_run, name="cancel_run"),
    path("<slug:slug>/versions/<int:number>/", views.version_page, name="version"),
    path("<slug:slug>/versions/<int:number>/pin/", views.pin, name="pin"),
    path("<slug:slug>/versions/<int:number>/publish/", views.publish, name="publish"),
    path("<slug:slug>/versions/<int:number>/published/", views.published, name="published"),
    path("<slug:slug>/versions/<int:number>/send-again/", views.send_again, name="send_again"),
    path("<slug:slug>/versions/<int:number>/move/", views.move, name="move"),
]
