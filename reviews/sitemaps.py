"""The sitemap: published reviews, films, people and tags, with their last change."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Film, Person, Review, Tag


class ContentSitemap(Sitemap):
    """Pages of one kind of content, with the time each row last changed."""

    changefreq = "monthly"

    def lastmod(self, obj):
        return obj.updated_at


class ReviewSitemap(ContentSitemap):
    priority = 0.8

    def items(self):
        return Review.objects.published().only("slug", "updated_at").order_by("-published_at", "pk")


class FilmSitemap(ContentSitemap):
    priority = 0.6

    def items(self):
        return Film.objects.only("slug", "updated_at").order_by("pk")


class PersonSitemap(ContentSitemap):
    priority = 0.4

    def items(self):
        return Person.objects.only("slug", "updated_at").order_by("pk")


class TagSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        # A tag page changes when a film or review gets the tag: the latest of those saves.
        return (
            Tag.objects.annotate(
                film_change=Max("film_items__content_object__updated_at"),
                review_change=Max("review_items__content_object__updated_at"),
            )
            .exclude(film_change=None, review_change=None)
            .order_by("pk")
        )

    def lastmod(self, tag):
        return max(filter(None, [tag.film_change, tag.review_change]), default=None)


class PagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["reviews:home", "reviews:review_list", "reviews:film_list"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return Review.objects.published().aggregate(latest=Max("published_at"))["latest"]


SITEMAPS = {
    "pages": PagesSitemap,
    "reviews": ReviewSitemap,
    "films": FilmSitemap,
    "people": PersonSitemap,
    "tags": TagSitemap,
}
