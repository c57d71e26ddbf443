from django.urls import path

from entities import views

app_name = "entities"
urlpatterns = [
    path("", views.home, name="home"),
    path("events/", views.event_list, name="event_list"),
    path("events/export.csv", views.event_export_csv, name="event_export_csv"),
    path("events/export.json", views.event_export_json, name="event_export_json"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/network/", views.event_network, name="event_network"),
    path("officials/", views.official_list, name="official_list"),
    path("officials/<int:pk>/", views.official_detail, name="official_detail"),
    path("relations/", views.relations_index, name="relations_index"),
    path("relations/<slug:country>/", views.relations_index, name="relations_country"),
    path("relations/<slug:first>/<slug:second>/", views.relations_pair, name="relations_pair"),
]
