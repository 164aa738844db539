"""
The readers' pages.

Each page's data comes from QuerySet methods that say what it shows (`for_cards()`,
`for_lists()`, `for_page()`, `Film.facts()`), so a page runs the same number of SQL queries
whatever the size of the archive; tests/test_pages.py pins each count.
"""

import errno
from decimal import Decimal

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView
from django.views.static import serve as static_serve

from . import schema, search
from .caching import CountCachingPaginator, per_version
from .models import Film, Person, Review, Tag, TaggedReview
from .models.film import initial_letter


class HomeView(TemplateView):
    template_name = "reviews/home.html"
    latest_count = 12
    featured_film_count = 6

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_reviews"] = Review.objects.published().for_cards()[: self.latest_count]
        featured_tag = Tag.objects.filter(featured=True).order_by("-pk").first()
        context["featured_tag"] = featured_tag
        if featured_tag is not None:
            films = Film.objects.filter(tags=featured_tag).for_lists().newest_first()
            context["featured_films"] = films[: self.featured_film_count]
        return context


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /language/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def serve_media(request, path):
    """Uploaded images from the local disk, when SERVE_MEDIA is on. Their names are random
    and never reused, so browsers may keep them for a year."""
    if not settings.SERVE_MEDIA:
        raise Http404
    try:
        response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        # A name longer than the file system allows names no file: 404, not a 500.
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404 from error
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@require_safe
def switch_language(request):
    """Set the interface language and return to the page the reader was on.

    A plain link (GET) rather than Django's POST form: it needs no CSRF token, so pages
    stay cacheable, and setting a language preference changes nothing worth protecting.
    """
    language = request.GET.get("language", "")
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


class ListedPagesMixin:
    """For a ListView whose `get_queryset()` is the filtered, ordered list it counts and pages
    through: each page's items become what the page shows (`listing()`) once the page is cut."""

    def paginate_queryset(self, queryset, page_size):
        paginator, page, items, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = self.listing(items)
        return paginator, page, page.object_list, is_paginated

    def listing(self, items):
        raise NotImplementedError


def tag_named(slug):
    """The tag with this slug from a query string, or None (no query for a value no slug can be)."""
    # No tag slug has a NUL, and PostgreSQL refuses one in a query (a 500).
    if 0 < len(slug) <= 100 and "\x00" not in slug:
        return Tag.objects.filter(slug=slug).first()
    return None


def film_count_key(letter="", tag=None):
    """The name under which the film index keeps its count (per content version), by filter."""
    return f"film_list:{letter}:{tag.pk if tag is not None else ''}"


class ReviewListView(ListedPagesMixin, ListView):
    """The archive of published reviews, newest first, filtered by language, rating and tag.

    Query-string values are only ever matched against the allowed choices; anything else
    is ignored, so a hand-made URL can neither fail nor reach an unexpected filter.
    """

    template_name = "reviews/review_list.html"
    context_object_name = "reviews"
    paginate_by = 20
    paginator_class = CountCachingPaginator
    ratings = {str(stars): Decimal(stars) for stars in range(1, 6)}

    def get_filters(self):
        if not hasattr(self, "_filters"):
            params = self.request.GET
            language = params.get("language", "")
            rating = params.get("rating", "")
            tag_slug = params.get("tag", "")
            self._filters = {
                "language": language if language in Review.Language.values else "",
                "rating": rating if rating in self.ratings else "",
                "tag": tag_named(tag_slug),
            }
        return self._filters

    def get_paginator(self, queryset, per_page, **kwargs):
        filters = self.get_filters()
        tag = filters["tag"].pk if filters["tag"] else ""
        key = f"review_list:{filters['language']}:{filters['rating']}:{tag}"
        return super().get_paginator(queryset, per_page, count_key=key, **kwargs)

    def get_queryset(self):
        filters = self.get_filters()
        reviews = Review.objects.published().newest_first()
        if filters["language"]:
            reviews = reviews.filter(language=filters["language"])
        if filters["rating"]:
            reviews = reviews.filter(rating__gte=self.ratings[filters["rating"]])
        if filters["tag"] is not None:
            reviews = reviews.filter(tags=filters["tag"])
        return reviews

    def listing(self, reviews):
        return reviews.as_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.get_filters()
        context["filters"] = filters
        context["languages"] = Review.Language.choices
        context["ratings"] = list(self.ratings)
        context["filter_tags"] = per_version("review_list:filter_tags", filter_tags)
        return context


def filter_tags():
    """The archive's tag filter: (slug, name) of the tags that reviews carry, A–Z, at most 200."""
    used = Exists(TaggedReview.objects.filter(tag=OuterRef("pk")))
    return tuple(Tag.objects.filter(used).order_by("name").values_list("slug", "name")[:200])


class ReviewDetailView(DetailView):
    template_name = "reviews/review_detail.html"
    context_object_name = "review"

    def get_queryset(self):
        return Review.objects.published().for_page()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        review = self.object
        context["credits"], context["tags"] = review.film.facts(review)
        context["json_ld"] = schema.to_script(schema.review(self.request, review, context["credits"]))
        return context


class ReviewPreviewView(ReviewDetailView):
    """Any review, whatever its status, for staff who may see reviews; a 404 for everyone else."""

    template_name = "reviews/review_detail.html"
    pk_url_kwarg = "pk"

    def get_queryset(self):
        user = self.request.user
        if not (user.is_active and user.is_staff and user.has_perm("reviews.view_review")):
            raise Http404
        return Review.objects.for_page()

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response


class FilmListView(ListedPagesMixin, ListView):
    """All films, A–Z (optionally one letter) or by year, newest first."""

    template_name = "reviews/film_list.html"
    context_object_name = "films"
    paginate_by = 50
    paginator_class = CountCachingPaginator
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def get_options(self):
        if not hasattr(self, "_options"):
            params = self.request.GET
            order = params.get("order", "")
            letter = params.get("letter", "").upper()
            self._options = {
                "order": "year" if order == "year" else "title",
                "letter": letter if len(letter) == 1 and letter in self.letters else "",
                "tag": tag_named(params.get("tag", "")),
            }
        return self._options

    def get_paginator(self, queryset, per_page, **kwargs):
        options = self.get_options()
        key = film_count_key(options["letter"], options["tag"])
        return super().get_paginator(queryset, per_page, count_key=key, **kwargs)

    def get_queryset(self):
        options = self.get_options()
        films = Film.objects.all()
        if options["tag"] is not None:
            films = films.filter(tags=options["tag"])
        if options["letter"]:
            # By the indexed initial, not `title__istartswith`: PostgreSQL cannot use an index
            # for that and walks the titles from "A" to the letter.
            films = films.alias(initial=initial_letter()).filter(initial=options["letter"])
        return films.in_order(options["order"])

    def listing(self, films):
        return films.as_listed(self.get_options()["order"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(options=self.get_options(), letters=self.letters, **kwargs)


class FilmDetailView(DetailView):
    model = Film
    template_name = "reviews/film_detail.html"
    context_object_name = "film"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        film = self.object
        context["credits"], context["tags"] = film.facts()
        reviews = film.reviews.published().newest_first().select_related("author")
        context["reviews"] = reviews.defer("body", "body_html", "search_vector")
        context["json_ld"] = schema.to_script(
            schema.film(self.request, film, context["credits"], context["reviews"])
        )
        return context


class PersonDetailView(DetailView):
    model = Person
    template_name = "reviews/person_detail.html"
    context_object_name = "person"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filmography"] = self.object.filmography()
        context["json_ld"] = schema.to_script(schema.person(self.request, self.object))
        return context


class TagDetailView(ListedPagesMixin, ListView):
    """A tag's reviews, newest first, twenty a page, and on the first page its newest films:
    the first `films_shown`, with a link to all of them in the film index (`?tag=`)."""

    template_name = "reviews/tag_detail.html"
    context_object_name = "reviews"
    paginate_by = 20
    paginator_class = CountCachingPaginator
    films_shown = 24

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Review.objects.published().filter(tags=self.tag).newest_first()

    def get_paginator(self, queryset, per_page, **kwargs):
        return super().get_paginator(queryset, per_page, count_key=f"tag_reviews:{self.tag.pk}", **kwargs)

    def listing(self, reviews):
        return reviews.as_cards()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        if context["page_obj"].number == 1:
            films = Film.objects.filter(tags=self.tag)
            context["films"] = films.for_lists().newest_first()[: self.films_shown]
            # The film index keeps the same count for its `?tag=` list.
            context["film_count"] = per_version(f"count:{film_count_key(tag=self.tag)}", films.count)
        return context


class SearchView(TemplateView):
    """Films, people and reviews matching `?q=`; `?page=` pages through the reviews (see search.py)."""

    template_name = "reviews/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = search.clean_query(self.request.GET.get("q", ""))
        too_short = bool(query) and not search.query_words(query)
        # `search_query` fills the search box in the site header too.
        context.update(query=query, search_query=query, too_short=too_short)
        if query and not too_short:
            context.update(search.search(query, self.request.GET.get("page")))
        return context
