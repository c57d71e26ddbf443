"""A URLconf for the fault tests: the real routes plus views that query the database or fail outright."""

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def count_users(request):
    return HttpResponse(str(get_user_model().objects.count()))


def explode(request):
    raise RuntimeError("a bug, not an outage")


urlpatterns = [
    path("test/count-users/", count_users),
    path("test/explode/", explode),
    *site_urlpatterns,
]
