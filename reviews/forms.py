"""Forms of the editors' admin: optimistic locking and the bulk tag action."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import localize
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from taggit.utils import parse_tags


class OptimisticLockForm(forms.ModelForm):
    """
    Refuses a save when someone else saved the object after this form was opened.

    The form carries the row's `version` as it was when the editor opened it. On save
    the row is locked (inside the admin's transaction) and its version compared; a
    mismatch is a validation error listing what the colleague changed, taken from the
    history. The editor's own input stays in the form, and the form now carries the
    current version, so saving again is a deliberate choice to overwrite.
    """

    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # Read from the database rather than the instance: a form built from an
            # old history version (restore) must still carry the current version.
            self.fields["lock_version"].initial = self._current_version()

    def _current_version(self, lock=False):
        rows = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        if lock:
            rows = rows.select_for_update()
        return rows.values_list("version", flat=True).first()

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        opened_version = cleaned_data.get("lock_version")
        current_version = self._current_version(lock=True)
        if opened_version is not None and opened_version == current_version:
            return cleaned_data
        data = self.data.copy()
        data[self.add_prefix("lock_version")] = current_version
        self.data = data
        raise ValidationError(self._conflict_message(opened_version, current_version), code="stale")

    def _conflict_message(self, opened_version, current_version):
        history = type(self.instance).history
        latest = history.filter(id=self.instance.pk).order_by("-history_date", "-history_id").first()
        opened = None
        if opened_version is not None:
            opened = (
                history.filter(id=self.instance.pk, version=opened_version).order_by("-history_date").first()
            )
        who = _("another editor")
        when = ""
        if latest is not None:
            if latest.history_user is not None:
                who = latest.history_user.get_full_name() or latest.history_user.get_username()
            when = localize(localtime(latest.history_date))
        changes = []
        if latest is not None and opened is not None:
            delta = latest.diff_against(opened, excluded_fields=["version", "updated_at", "created_at"])
            for change in delta.changes:
                field = type(self.instance)._meta.get_field(change.field)
                changes.append(f"{field.verbose_name}: „{_shorten(change.old)}“ → „{_shorten(change.new)}“")
        message = _(
            "%(who)s saved this %(model)s at %(when)s, after you opened it. Your changes were not saved."
        ) % {"who": who, "model": self.instance._meta.verbose_name, "when": when}
        if changes:
            message += " " + _("What they changed: %(changes)s.") % {"changes": "; ".join(changes)}
        message += " " + _("Your input is still in the form: check it, then save again to overwrite.")
        return message


def _shorten(value, limit=80):
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class TagActionForm(forms.Form):
    """The intermediate form of the bulk 'add tag…' / 'remove tag…' actions."""

    tags = forms.CharField(
        label=_("Tags"),
        max_length=500,
        help_text=_('One or more tags, separated by commas, e.g. "Berlinale 2026, Wettbewerb".'),
    )

    def clean_tags(self):
        names = parse_tags(self.cleaned_data["tags"])
        if not names:
            raise ValidationError(_("Enter at least one tag."))
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise ValidationError(_("A tag can have at most 100 characters."))
        return names
