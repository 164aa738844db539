"""
Reviews: writing with a Markdown preview, the draft → in review → published workflow,
checks of the text against the film's credits, and drafts deleted by editors only.
"""

from django.contrib import admin, messages
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import search
from ..credits import MentionedCredit, add_credit, fact_check, missing_credits
from ..forms import OptimisticLockForm
from ..markup import render_markdown
from ..models import Review, Role
from .base import VersionedAdmin
from .retagging import RetaggingAdminMixin

PREVIEW_MAX_CHARS = 200_000


class ReviewAdminForm(OptimisticLockForm):
    may_publish = False

    def clean(self):
        cleaned_data = super().clean()
        status = cleaned_data.get("status")
        was_published = self.instance.pk is not None and self.initial.get("status") == Review.Status.PUBLISHED
        if status == Review.Status.PUBLISHED and not was_published and not self.may_publish:
            raise ValidationError(_("You may not publish reviews; submit the review for review instead."))
        return cleaned_data


@admin.register(Review)
class ReviewAdmin(RetaggingAdminMixin, VersionedAdmin):
    form = ReviewAdminForm
    list_display = ["headline", "film", "author", "status_display", "published_at", "rating"]
    list_filter = ["status", "language", ("author", RelatedOnlyFieldListFilter), "tags"]
    list_select_related = ["film", "author"]
    date_hierarchy = "published_at"
    search_fields = ["headline", "film__title", "film__local_titles__title"]
    autocomplete_fields = ["film"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = ["body_preview", "credit_check", "spelling_check"]
    actions = ["submit_for_review", "publish_now", "unpublish", "add_tags", "remove_tags"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "teaser", "body", "body_preview", "rating"]}),
        (gettext_lazy("Film"), {"fields": ["film", "language", "tags"]}),
        (gettext_lazy("Publishing"), {"fields": ["status", "published_at", "author"]}),
        (gettext_lazy("Checks"), {"fields": ["credit_check", "spelling_check"]}),
    ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.may_publish = self.has_publish_permission(request)
        return form

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("preview/", self.admin_site.admin_view(self.preview_view), name=f"{prefix}_preview"),
            path(
                "<path:object_id>/add-credit/",
                self.admin_site.admin_view(self.add_credit_view),
                name=f"{prefix}_add_credit",
            ),
            *super().get_urls(),
        ]

    def view_on_site(self, review):
        if review.is_published:
            return review.get_absolute_url()
        return reverse("reviews:review_preview", args=[review.pk])

    # Permissions

    def has_publish_permission(self, request):
        return request.user.has_perm("reviews.publish_review")

    def has_edit_content_permission(self, request):
        # has_change_permission also admits tag-only staff (retagging.py); writing needs more.
        return self.can_edit_content(request)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or obj.status == Review.Status.DRAFT or request.user.is_superuser

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not request.user.is_superuser and any(review.status != Review.Status.DRAFT for review in objs):
            perms_needed.add(_("reviews that are not drafts"))
        return deleted, model_count, perms_needed, protected

    # List

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_display(self, review):
        if review.is_scheduled:
            return _("Scheduled")
        return review.get_status_display()

    # Workflow actions: saved one by one so that history and versions record each change.

    @admin.action(description=gettext_lazy("Submit for review"), permissions=["edit_content"])
    def submit_for_review(self, request, queryset):
        self._set_status(request, queryset.filter(status=Review.Status.DRAFT), Review.Status.IN_REVIEW)

    @admin.action(description=gettext_lazy("Publish now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        self._set_status(request, queryset, Review.Status.PUBLISHED, published_at=timezone.now())

    @admin.action(description=gettext_lazy("Unpublish (back to draft)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._set_status(request, queryset.exclude(status=Review.Status.DRAFT), Review.Status.DRAFT)

    def _set_status(self, request, queryset, status, published_at=None):
        changed = 0
        with transaction.atomic():
            for review in queryset.select_for_update():
                review.status = status
                fields = ["status"]
                if published_at is not None:
                    review.published_at = published_at
                    fields.append("published_at")
                review.save(update_fields=fields)
                changed += 1
        self.message_user(
            request,
            _("%(count)d reviews set to “%(status)s”.")
            % {"count": changed, "status": Review.Status(status).label},
            messages.SUCCESS if changed else messages.WARNING,
        )

    # Change form extras

    @admin.display(description=gettext_lazy("Preview"))
    def body_preview(self, review):
        return format_html(
            '<button type="button" class="button" data-markdown-preview="{}" data-source="id_body">'
            '{}</button><div class="markdown-preview" aria-live="polite" hidden></div>',
            reverse("admin:reviews_review_preview"),
            _("Show preview"),
        )

    @admin.display(description=gettext_lazy("Credits mentioned in the text but missing on the film"))
    def credit_check(self, review):
        if review.pk is None:
            return _("Save the review to check its credits.")
        missing = missing_credits(review.film, review.body)
        if not missing:
            return _("Every credit the text mentions is on the film.")
        url = reverse("admin:reviews_review_add_credit", args=[review.pk])
        return format_html(
            '<ul class="credit-check">{}</ul>',
            format_html_join(
                "",
                '<li>{} <button type="submit" class="button" formaction="{}" formnovalidate name="credit" '
                'value="{}">{}</button></li>',
                (
                    (describe_credit(credit), url, encode_credit(credit), _("Add to the film"))
                    for credit in missing
                ),
            ),
        )

    @admin.display(description=gettext_lazy("Possible misspellings"))
    def spelling_check(self, review):
        if review.pk is None:
            return "—"
        slips = fact_check(review.film, review.body + "\n\n" + review.teaser + "\n\n" + review.headline)
        if not slips:
            return _("No names or titles that look misspelt.")
        return format_html(
            '<ul class="fact-check">{}</ul>',
            format_html_join(
                "",
                "<li>{}</li>",
                ((describe_slip(slip),) for slip in slips),
            ),
        )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("film", "author")

    def get_search_results(self, request, queryset, search_term):
        # The site's full-text search (stemming, local titles) besides the substring search.
        term = search.clean_query(search_term)
        substring_matches, _duplicates = super().get_search_results(request, queryset, term)
        return search.admin_search_results(queryset, term, substring_matches), False

    def get_object_with_credits(self, object_id):
        return get_object_or_404(
            Review.objects.select_related("film").prefetch_related(
                "film__roles__person", "film__local_titles"
            ),
            pk=object_id,
        )

    # Admin views

    def preview_view(self, request):
        if request.method != "POST":
            return JsonResponse({"error": _("Send the text with POST.")}, status=405)
        if not (self.has_add_permission(request) or self.has_edit_content_permission(request)):
            raise PermissionDenied
        text = request.POST.get("text", "")[:PREVIEW_MAX_CHARS]
        return JsonResponse({"html": render_markdown(text)})

    def add_credit_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:reviews_review_change", args=[object_id]))
        if not (request.user.has_perm("reviews.add_role") and request.user.has_perm("reviews.add_person")):
            raise PermissionDenied
        review = self.get_object_with_credits(object_id)
        wanted = decode_credit(request.POST.get("credit", ""))
        offered = {encode_credit(credit) for credit in missing_credits(review.film, review.body)}
        if wanted is None or encode_credit(wanted) not in offered:
            message, level = (
                _("That credit is not mentioned in the text or is on the film already."),
                messages.ERROR,
            )
        else:
            with transaction.atomic():
                role, _person_created, _role_created = add_credit(review.film, wanted)
            message, level = (
                _("Added to the film: %(credit)s.") % {"credit": describe_credit(wanted)},
                messages.SUCCESS,
            )
            if request.headers.get("Accept") == "application/json":
                return JsonResponse({"message": message, "role": role.pk})
        if request.headers.get("Accept") == "application/json":
            return JsonResponse({"error": message}, status=400)
        self.message_user(request, message, level)
        return HttpResponseRedirect(reverse("admin:reviews_review_change", args=[object_id]))

    class Media:
        css = {"all": ["reviews/admin.css"]}
        js = ["reviews/review_admin.js"]


def encode_credit(credit):
    return "|".join([credit.kind, credit.name, credit.character])


def decode_credit(value):
    parts = value.split("|")
    if len(parts) != 3 or parts[0] not in Role.Kind.values or not parts[1].strip():
        return None
    return MentionedCredit(kind=parts[0], name=parts[1], character=parts[2])


def describe_credit(credit):
    if credit.character:
        return _("%(name)s as %(character)s") % {"name": credit.name, "character": credit.character}
    return f"{credit.name} ({Role.Kind(credit.kind).label})"


def describe_slip(slip):
    if slip.kind == "title":
        return _("Title “%(found)s” — the film is called “%(stored)s”") % {
            "found": slip.found,
            "stored": slip.stored,
        }
    return _("Name “%(found)s” — the film credits “%(stored)s”") % {
        "found": slip.found,
        "stored": slip.stored,
    }
