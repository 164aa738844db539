"""
The staff groups and what they may do.

`sync_groups` runs after every `migrate`, so the groups exist on a new database and
keep the permissions written here when they already exist (permissions given by hand
to these two groups are reset; give extra rights to users or to other groups).
"""

from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS = "Editors"
FESTIVAL_STAFF = "Festival staff"


def _crud(model, *verbs):
    return [f"{verb}_{model}" for verb in verbs]


GROUP_PERMISSIONS = {
    EDITORS: [
        *_crud("film", "add", "change", "view"),
        *_crud("person", "add", "change", "view"),
        *_crud("role", "add", "change", "delete", "view"),
        *_crud("localtitle", "add", "change", "delete", "view"),
        # delete_review: the admin only lets editors delete drafts.
        *_crud("review", "add", "change", "delete", "view"),
        "publish_review",
        *_crud("tag", "add", "change", "view"),
        "retag_film",
        "retag_review",
    ],
    FESTIVAL_STAFF: [
        "view_film",
        "view_review",
        "view_tag",
        "retag_film",
        "retag_review",
    ],
}


def sync_groups(sender=None, apps=global_apps, **kwargs):
    # `apps` is the state the migrate just reached: after `migrate auth zero` the group table
    # is gone, after `migrate auth` on a new database this app's permissions do not exist yet.
    try:
        apps.get_model("auth", "Group")
        apps.get_model("reviews", "Review")
    except LookupError:
        return
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            Q(content_type__app_label="reviews") & Q(codename__in=codenames)
        )
        found = {permission.codename for permission in permissions}
        missing = set(codenames) - found
        if missing:
            raise LookupError(f"Permissions for group {name!r} do not exist: {', '.join(sorted(missing))}")
        group.permissions.set(permissions)
