"""What every content admin shares: history with restore, conflict protection, image previews."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ..forms import OptimisticLockForm

LOCK_FIELDSET = (None, {"fields": ["lock_version"], "classes": ["hidden"]})


class VersionedAdmin(SimpleHistoryAdmin):
    """
    History (who changed what and when, diffs, restore) from django-simple-history, and
    optimistic locking: a save based on an outdated version is refused.
    """

    form = OptimisticLockForm
    # Counting every row of a large table on each list page is slow on PostgreSQL.
    show_full_result_count = False

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.append(LOCK_FIELDSET)
        return fieldsets


def image_preview(image, alt, width=160):
    if not image:
        return _("No image yet.")
    return format_html('<img class="admin-thumb" src="{}" alt="{}" width="{}">', image.url, alt, width)
