"""Public URLs of the publication; paths are fixed by the product's URL map."""

from django.urls import path, register_converter
from django.urls.converters import StringConverter

from . import feeds, views


class TagSlugConverter(StringConverter):
    """A tag slug: Unicode, unlike <slug:>, but without NUL, which PostgreSQL refuses in a query."""

    regex = r"[^/\x00]+"


register_converter(TagSlugConverter, "tagslug")

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
    path("tags/<tagslug:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feeds/reviews/", feeds.LatestReviewsFeed(), name="review_feed"),
    path("feeds/reviews/atom/", feeds.AtomLatestReviewsFeed(), name="review_feed_atom"),
    path("feeds/tags/<tagslug:slug>/", feeds.TagReviewsFeed(), name="tag_feed"),
    path("feeds/tags/<tagslug:slug>/atom/", feeds.AtomTagReviewsFeed(), name="tag_feed_atom"),
    path("language/", views.switch_language, name="switch_language"),
]
