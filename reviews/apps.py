from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Film reviews")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
        from .permissions import sync_groups

        # Runs after auth's own post_migrate handler (connected first), which creates
        # this app's permissions.
        post_migrate.connect(sync_groups, sender=self, dispatch_uid="reviews.sync_groups")
