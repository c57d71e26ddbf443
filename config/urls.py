"""Top-level routes: the public pages of each app and the curators' admin."""

from django.contrib import admin
from django.urls import include, path

from config.views import healthz
from entities.api import api

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("entities.urls")),
    path("", include("entities.article_urls")),
]
