"""What every content admin shares: history with restore, conflict protection, image previews."""

from django.contrib.admin.views.main import SEARCH_VAR
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ..forms import OptimisticLockForm
from ..images import SafeImageField
from ..search import planned_per_query

LOCK_FIELDSET = (None, {"fields": ["lock_version"], "classes": ["hidden"]})


class VersionedAdmin(SimpleHistoryAdmin):
    """
    History (who changed what and when, diffs, restore) from django-simple-history, and
    optimistic locking: a save based on an outdated version is refused.
    """

    form = OptimisticLockForm
    # An address typed without a scheme (a Wikipedia link) is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # Counting every row of a large table on each list page is slow on PostgreSQL.
    show_full_result_count = False

    def changelist_view(self, request, extra_context=None):
        if not request.GET.get(SEARCH_VAR):
            return super().changelist_view(request, extra_context)
        # A search's rows are fetched while the list renders: render here, where each query
        # is planned for its own search words (see planned_per_query).
        with planned_per_query():
            response = super().changelist_view(request, extra_context)
            if hasattr(response, "render"):
                response.render()
        return response

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.ImageField):
            # Uploads are checked and re-encoded (see reviews.images); the admin keeps its widget.
            kwargs["form_class"] = SafeImageField
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.append(LOCK_FIELDSET)
        return fieldsets

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # django-simple-history saves this form for anyone who may merely view the history, and
        # a restore writes every field of the old version: it takes the model's own change
        # permission, not the tag-only access that widens has_change_permission (retagging.py).
        opts = self.opts
        if not request.user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}"):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


def image_preview(image, alt, width=160):
    if not image:
        return _("No image yet.")
    return format_html('<img class="admin-thumb" src="{}" alt="{}" width="{}">', image.url, alt, width)
