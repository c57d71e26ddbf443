from django.urls import path
from django.views.decorators.http import require_safe

from entities import feeds, ical, views

app_name = "entities"
urlpatterns = [
    path("", views.home, name="home"),
    path("events/", views.event_list, name="event_list"),
    path("events/export.csv", views.event_export_csv, name="event_export_csv"),
    path("events/export.json", views.event_export_json, name="event_export_json"),
    path("events/export.gexf", views.event_export_gexf, name="event_export_gexf"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/network/", views.event_network, name="event_network"),
    path("officials/", views.official_list, name="official_list"),
    path("officials/<int:pk>/", views.official_detail, name="official_detail"),
    path("feeds/events.atom", feeds.TimelineFeed(), name="events_feed"),
    path("feeds/officials/<int:pk>.atom", feeds.OfficialFeed(), name="official_feed"),
    path("feeds/countries/<str:first>/<str:second>.atom", feeds.CountryPairFeed(), name="country_pair_feed"),
    path("feeds/visits.ics", require_safe(ical.visits_calendar), name="visits_calendar"),
    path("relations/", views.relations_index, name="relations_index"),
    path("relations/<slug:country>/", views.relations_index, name="relations_country"),
    path("relations/<slug:first>/<slug:second>/", views.relations_pair, name="relations_pair"),
]
