"""Sign-in URLs."""

from django.urls import path

from liqa.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("signin/", views.signin, name="signin"),
    path("signin/password/", views.password, name="password"),
    path("link/<str:secret>/", views.link, name="link"),
    path("signout/", views.signout, name="signout"),
]
