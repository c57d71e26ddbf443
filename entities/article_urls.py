"""The article pages: the knowledge base's views over the stored articles, under the `articles` URL names."""

from django.urls import path

from entities import views

app_name = "articles"
urlpatterns = [
    path("articles/", views.article_list, name="list"),
    path("articles/<int:pk>/", views.article_detail, name="detail"),
]
