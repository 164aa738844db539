"""
The editors' admin: films, people, reviews and tags.

Editors do everything there; festival staff may only see films and reviews and add or
remove their tags (see `retagging.py`); every save is kept in the history and guarded
against overwriting a colleague's save (`forms.OptimisticLockForm`).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag as TaggitTag

from . import film, person, review, tag  # noqa: F401  (registers the model admins)

admin.site.site_header = _("filmreviews editorial office")
admin.site.site_title = _("filmreviews admin")
admin.site.index_title = _("Editorial office")

# Films and reviews use this app's Tag model; taggit's own would only confuse editors.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)
