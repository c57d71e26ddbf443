from django.urls import path

app_name = "entities"
urlpatterns: list[path] = []
