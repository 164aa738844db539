"""RSS 2.0 and Atom feeds of published reviews: all of them, and one per tag."""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .models import Review, Tag

FEED_LENGTH = 30
# XML 1.0 cannot carry these, and Django fails the whole feed on them; editors paste them in
# from word processors (a line break in Word is a vertical tab).
XML_INVALID_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_text(text):
    return XML_INVALID_CHARACTERS.sub("", str(text))


class LatestReviewsFeed(Feed):
    description = _("The latest film reviews.")

    def title(self, obj=None):
        return f"{settings.SITE_NAME} – {_('Reviews')}"

    def link(self, obj=None):
        return reverse("reviews:review_list")

    def feed_url(self, obj=None):
        return reverse("reviews:review_feed")

    def reviews(self, obj=None):
        return Review.objects.published()

    def items(self, obj=None):
        return self.reviews(obj).for_cards().prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, review):
        return xml_text(f"{review.headline} ({review.film_reader_title}, {review.film.year})")

    def item_description(self, review):
        # Feed readers take the description as HTML (Atom declares type="html"); the teaser is text.
        return escape(xml_text(review.teaser))

    def item_pubdate(self, review):
        return review.published_at

    def item_updateddate(self, review):
        return review.updated_at

    def item_author_name(self, review):
        return xml_text(review.author.get_full_name() or review.author.get_username())

    def item_categories(self, review):
        return [xml_text(tag.name) for tag in review.tags.all()]


class AtomLatestReviewsFeed(LatestReviewsFeed):
    feed_type = Atom1Feed
    subtitle = LatestReviewsFeed.description

    def feed_url(self, obj=None):
        return reverse("reviews:review_feed_atom")


class TagReviewsFeed(LatestReviewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag):
        return xml_text(f"{settings.SITE_NAME} – {tag.name}")

    def description(self, tag):
        return xml_text(tag.description or _("Reviews tagged “%(tag)s”.") % {"tag": tag.name})

    def link(self, tag):
        return tag.get_absolute_url()

    def feed_url(self, tag):
        return reverse("reviews:tag_feed", args=[tag.slug])

    def reviews(self, tag):
        return Review.objects.published().filter(tags=tag)


class AtomTagReviewsFeed(TagReviewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, tag):
        return self.description(tag)

    def feed_url(self, tag):
        return reverse("reviews:tag_feed_atom", args=[tag.slug])
