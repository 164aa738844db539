"""
Derived content kept in step with what it derives from.

Cached pages are invalidated by any change to content (see caching.py). Image renditions
are made when a poster or photo is saved.

A review's body links the first mention of each person credited on its film; when a
credit is added or removed, or a person renamed, the film's reviews are rendered again.
The update bypasses `save()` on purpose: it is not an editorial change, so it neither
counts up the version nor adds a history entry.
"""

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .caching import bump_content_version
from .models import Film, LocalTitle, Person, Review, Role, Tag, TaggedFilm, TaggedReview
from .renditions import make_renditions

# Every model whose rows some public page shows.
CONTENT_MODELS = [Film, LocalTitle, Person, Review, Role, Tag, TaggedFilm, TaggedReview]
for model in CONTENT_MODELS:
    post_save.connect(bump_content_version, sender=model, dispatch_uid=f"reviews.bump.save.{model.__name__}")
    post_delete.connect(
        bump_content_version, sender=model, dispatch_uid=f"reviews.bump.delete.{model.__name__}"
    )


def refresh_body_html(reviews):
    for review in reviews.select_related(None).only("pk", "body", "language", "film_id"):
        Review.objects.filter(pk=review.pk).update(body_html=review.render_body())


@receiver([post_save, post_delete], sender=Role, dispatch_uid="reviews.role_changed")
def role_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_body_html(Review.objects.filter(film_id=instance.film_id))


@receiver(post_save, sender=Person, dispatch_uid="reviews.person_changed")
def person_changed(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or created:
        return
    if update_fields is not None and not {"name", "slug"} & set(update_fields):
        return
    refresh_body_html(Review.objects.filter(film__roles__person=instance).distinct())


@receiver(pre_save, sender=Film, dispatch_uid="reviews.film_poster_size")
@receiver(pre_save, sender=Person, dispatch_uid="reviews.person_photo_size")
def store_image_size(sender, instance, raw=False, **kwargs):
    """Store an image's width and height with the row. Saving a file with save=False leaves
    them empty, and empty sizes make Django open the image on every load of the row."""
    for field in sender._meta.fields:
        if isinstance(field, models.ImageField) and field.width_field:
            image = getattr(instance, field.attname)
            if image and not getattr(instance, field.width_field):
                field.update_dimension_fields(instance, force=True)


@receiver(post_save, sender=Film, dispatch_uid="reviews.film_poster_renditions")
def film_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.poster:
        make_renditions(instance.poster)


@receiver(post_save, sender=Person, dispatch_uid="reviews.person_photo_renditions")
def person_photo_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.photo:
        make_renditions(instance.photo)
