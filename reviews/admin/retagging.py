"""
Tag-only access for festival staff, and the bulk "add tag…" / "remove tag…" actions.

A user with `retag_<model>` but without `change_<model>` sees the change form with every
field read-only except the tags, no inlines, and cannot send any other field: a POST
that carries one is refused as a whole (403) rather than silently trimmed, so a forged
request never saves anything.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ..forms import TagActionForm
from ..models import Tag

# What the tag-only change form legitimately sends.
RETAG_POST_KEYS = {"csrfmiddlewaretoken", "tags", "lock_version", "_save", "_continue"}


class RetaggingAdminMixin:
    actions = ["add_tags", "remove_tags"]

    def retag_permission(self):
        opts = self.opts
        return f"{opts.app_label}.retag_{opts.model_name}"

    def can_edit_content(self, request, obj=None):
        return super().has_change_permission(request, obj)

    def has_retag_permission(self, request, obj=None):
        return self.can_edit_content(request, obj) or request.user.has_perm(self.retag_permission())

    def has_change_permission(self, request, obj=None):
        return self.has_retag_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if self.can_edit_content(request, obj):
            return super().get_readonly_fields(request, obj)
        every_field = flatten_fieldsets(self.get_fieldsets(request, obj))
        return [name for name in every_field if name not in ("tags", "lock_version")]

    def get_prepopulated_fields(self, request, obj=None):
        if not self.can_edit_content(request, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_inlines(self, request, obj):
        if not self.can_edit_content(request, obj):
            return []
        return super().get_inlines(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id is not None and not self.can_edit_content(request):
            forged = set(request.POST) - RETAG_POST_KEYS
            if forged:
                raise PermissionDenied(_("You may only change the tags."))
        return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.action(description=gettext_lazy("Add tag…"), permissions=["retag"])
    def add_tags(self, request, queryset):
        return self._tag_action(request, queryset, remove=False)

    @admin.action(description=gettext_lazy("Remove tag…"), permissions=["retag"])
    def remove_tags(self, request, queryset):
        return self._tag_action(request, queryset, remove=True)

    def _tag_action(self, request, queryset, remove):
        form = TagActionForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            names = form.cleaned_data["tags"]
            objects = list(queryset)
            with transaction.atomic():
                if remove:
                    tags = [tag for name in names for tag in Tag.objects.filter(name__iexact=name)]
                    for obj in objects:
                        obj.tags.remove(*tags)
                else:
                    for obj in objects:
                        obj.tags.add(*names)
            template = (
                ngettext(
                    "Removed %(tags)s from %(count)d %(name)s.",
                    "Removed %(tags)s from %(count)d %(name)s.",
                    len(objects),
                )
                if remove
                else ngettext(
                    "Tagged %(count)d %(name)s with %(tags)s.",
                    "Tagged %(count)d %(name)s with %(tags)s.",
                    len(objects),
                )
            )
            name = self.opts.verbose_name if len(objects) == 1 else self.opts.verbose_name_plural
            self.message_user(
                request,
                template
                % {"tags": ", ".join(f"„{tag}“" for tag in names), "count": len(objects), "name": name},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Remove tags") if remove else _("Add tags"),
            "opts": self.opts,
            "form": form,
            "objects": queryset,
            "remove": remove,
            "action": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "select_across": request.POST.get("select_across", "0"),
            "index": request.POST.get("index", "0"),
        }
        return TemplateResponse(request, "admin/reviews/tag_action.html", context)
