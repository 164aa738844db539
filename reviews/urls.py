"""Public URLs of the publication; paths are fixed by the product's URL map."""

from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("reviews/", views.ReviewListView.as_view(), name="review_list"),
    path("reviews/<slug:slug>/", views.ReviewDetailView.as_view(), name="review_detail"),
    path("reviews/<int:pk>/preview/", views.ReviewPreviewView.as_view(), name="review_preview"),
    path("films/", views.FilmListView.as_view(), name="film_list"),
    path("films/<slug:slug>/", views.FilmDetailView.as_view(), name="film_detail"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    # Tag slugs keep Unicode ("eröffnungsfilm"); <slug:> only matches ASCII.
    path("tags/<str:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
]
