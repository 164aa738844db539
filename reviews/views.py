"""
The readers' pages.

Every view states its queries in `get_queryset` (select_related / prefetch_related),
so a page runs the same number of SQL queries whatever the size of the archive.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView

from .models import Film, Person, Review, Role, Tag

CREDITS_WITH_PEOPLE = Prefetch("roles", queryset=Role.objects.select_related("person"))


class HomeView(TemplateView):
    template_name = "reviews/home.html"
    latest_count = 12

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["latest_reviews"] = Review.objects.published().for_listing()[: self.latest_count]
        featured_tag = Tag.objects.filter(featured=True).order_by("-pk").first()
        context["featured_tag"] = featured_tag
        if featured_tag is not None:
            context["featured_films"] = (
                Film.objects.filter(tags=featured_tag).prefetch_related("local_titles").order_by("title")[:8]
            )
        return context


class ReviewListView(ListView):
    template_name = "reviews/review_list.html"
    context_object_name = "reviews"
    paginate_by = 20

    def get_queryset(self):
        return Review.objects.published().for_listing()


class ReviewDetailView(DetailView):
    template_name = "reviews/review_detail.html"
    context_object_name = "review"

    def get_queryset(self):
        return (
            Review.objects.published()
            .select_related("film", "author")
            .prefetch_related(
                "tags",
                "film__local_titles",
                Prefetch("film__roles", queryset=Role.objects.select_related("person")),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["credits"] = self.object.film.credits()
        return context


class ReviewPreviewView(ReviewDetailView):
    """Any review, whatever its status, for staff who may see reviews; a 404 for everyone else."""

    template_name = "reviews/review_detail.html"
    pk_url_kwarg = "pk"

    def get_queryset(self):
        user = self.request.user
        if not (user.is_active and user.is_staff and user.has_perm("reviews.view_review")):
            raise Http404
        return Review.objects.select_related("film", "author").prefetch_related(
            "tags",
            "film__local_titles",
            Prefetch("film__roles", queryset=Role.objects.select_related("person")),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response


class FilmListView(ListView):
    template_name = "reviews/film_list.html"
    context_object_name = "films"
    paginate_by = 30

    def get_queryset(self):
        return Film.objects.prefetch_related("local_titles").order_by("title", "year")


class FilmDetailView(DetailView):
    template_name = "reviews/film_detail.html"
    context_object_name = "film"

    def get_queryset(self):
        return Film.objects.prefetch_related(
            "local_titles",
            "tags",
            CREDITS_WITH_PEOPLE,
            Prefetch(
                "reviews",
                queryset=Review.objects.published().select_related("author").order_by("-published_at"),
                to_attr="published_reviews",
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["credits"] = self.object.credits()
        return context


class PersonDetailView(DetailView):
    template_name = "reviews/person_detail.html"
    context_object_name = "person"

    def get_queryset(self):
        return Person.objects.prefetch_related(
            Prefetch("roles", queryset=Role.objects.select_related("film")),
            "roles__film__local_titles",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filmography"] = self.object.filmography()
        return context


class TagDetailView(TemplateView):
    template_name = "reviews/tag_detail.html"
    list_limit = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tag = get_object_or_404(Tag, slug=kwargs["slug"])
        context["tag"] = tag
        context["films"] = (
            Film.objects.filter(tags=tag)
            .prefetch_related("local_titles")
            .order_by("-year", "title")[: self.list_limit]
        )
        context["reviews"] = Review.objects.published().filter(tags=tag).for_listing()[: self.list_limit]
        return context
