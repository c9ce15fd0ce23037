"""API URLs under ``/api/``; the OpenAPI schema at ``/api/schema/``."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from liqa.web.api import views

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("events/", views.EventList.as_view(), name="events"),
    path("events/<slug:slug>/", views.EventDetail.as_view(), name="event"),
    path(
        "events/<slug:slug>/organizations/",
        views.OrganizationList.as_view(),
        name="organizations",
    ),
    path("events/<slug:slug>/people/", views.PersonList.as_view(), name="people"),
    path("events/<slug:slug>/venues/", views.VenueList.as_view(), name="venues"),
    path("events/<slug:slug>/venues/<str:key>/", views.VenueDetail.as_view(), name="venue"),
    path("events/<slug:slug>/requests/", views.RequestList.as_view(), name="requests"),
    path(
        "events/<slug:slug>/requests/<str:key>/answer/",
        views.RequestAnswer.as_view(),
        name="answer",
    ),
    path(
        "events/<slug:slug>/requests/<str:key>/book/",
        views.RequestBooking.as_view(),
        name="book",
    ),
    path("events/<slug:slug>/schedules/", views.ScheduleList.as_view(), name="schedules"),
    path("events/<slug:slug>/outcomes/", views.OutcomeList.as_view(), name="outcomes"),
    path("events/<slug:slug>/host/", views.HostView.as_view(), name="host"),
    path(
        "events/<slug:slug>/host/confirmations/",
        views.HostConfirmations.as_view(),
        name="host_confirmations",
    ),
]
