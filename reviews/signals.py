"""
Derived content kept in step with what it derives from.

Cached pages are invalidated by any change to content (see caching.py).

A review's body links the first mention of each person credited on its film; when a
credit is added, changed or removed, or a person renamed, the film's reviews are rendered
again. That happens once the transaction commits, each review once however many credits
the transaction touched: saving a film with its credits in the admin saves every credit
on its own, and rendering the reviews for each would render them as many times. The
update bypasses `save()` on purpose: it is not an editorial change, so it neither counts
up the version nor adds a history entry.

Image renditions are made when a poster or photo is new, after the commit too; a save
that leaves the image as it was does not touch the file (on object storage, reading the
original means downloading it).

What a save changed is told by comparing with the values as they were loaded: each film,
person and credit remembers them when it is made (`post_init`), without a query.
"""

import threading
from collections import defaultdict
from functools import partial

from django.core.files import File
from django.db import models, transaction
from django.db.models.signals import post_delete, post_init, post_save, pre_save
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

# The fields whose change a save acts on, remembered as loaded (attribute names).
WATCHED_FIELDS = {
    Film: ("poster",),
    Person: ("name", "slug", "photo"),
    Role: ("film_id",),
}
IMAGE_FIELDS = {Film: ("poster",), Person: ("photo",)}
# Where an instance keeps the values it was loaded with (deferred fields left out).
STORED = "_stored_values"
UNKNOWN = object()


def _current(instance, attname):
    """The value to compare, a file's name rather than the file; UNKNOWN for a deferred field
    (reading it would cost a query)."""
    if attname not in instance.__dict__:
        return UNKNOWN
    value = instance.__dict__[attname]
    if isinstance(value, File):
        return value.name or ""
    return value


@receiver(post_init, sender=Film, dispatch_uid="reviews.film_loaded")
@receiver(post_init, sender=Person, dispatch_uid="reviews.person_loaded")
@receiver(post_init, sender=Role, dispatch_uid="reviews.role_loaded")
def remember_stored_values(sender, instance, **kwargs):
    values = {attname: _current(instance, attname) for attname in WATCHED_FIELDS[sender]}
    instance.__dict__[STORED] = {attname: value for attname, value in values.items() if value is not UNKNOWN}


def _changed(instance, attname, created, update_fields):
    """Whether this save stored a new value of the field. A field loaded deferred and set
    later has no remembered value: it counts as changed, which costs a rendering too many
    at worst."""
    if update_fields is not None and attname.removesuffix("_id") not in update_fields:
        return False
    current = _current(instance, attname)
    if current is UNKNOWN:
        return False
    stored = instance.__dict__.get(STORED, {}).get(attname, UNKNOWN)
    return created or stored is UNKNOWN or stored != current


def _remember_saved(instance, update_fields):
    stored = instance.__dict__.setdefault(STORED, {})
    for attname in WATCHED_FIELDS[type(instance)]:
        if update_fields is None or attname.removesuffix("_id") in update_fields:
            current = _current(instance, attname)
            if current is not UNKNOWN:
                stored[attname] = current


# Review bodies


# Per thread (as database connections are) and database: the films whose reviews were
# rendered again since the last change to credits, so that the commit callbacks of one
# transaction render each film's reviews once.
_rendered = threading.local()


def _rendered_films(using):
    if not hasattr(_rendered, "films"):
        _rendered.films = defaultdict(set)
    return _rendered.films[using]


def refresh_on_commit(using, film_ids=(), person_ids=()):
    """Render the reviews of these films, and of these people's films, again once the
    transaction on `using` commits (at once outside a transaction).

    Every change registers its own callback with its own ids, so that what a rolled-back
    savepoint or transaction drops is dropped with it; the callbacks of one commit run one
    after the other, and the first to reach a film renders its reviews for all.
    """
    # A change means a commit to come, whose callbacks must render afresh.
    _rendered_films(using).clear()
    transaction.on_commit(
        partial(_refresh, using, frozenset(film_ids), frozenset(person_ids)),
        using=using,
        # The change is committed by now: a failure here is logged, and neither turns the
        # editor's save into an error page nor stops the commit's other callbacks.
        robust=True,
    )


def _refresh(using, film_ids, person_ids):
    rendered = _rendered_films(using)
    if person_ids:
        film_ids |= set(
            Role.objects.using(using).filter(person_id__in=person_ids).values_list("film_id", flat=True)
        )
    film_ids -= rendered
    if film_ids:
        rendered.update(film_ids)
        refresh_body_html(Review.objects.using(using).filter(film_id__in=film_ids))


def refresh_body_html(reviews):
    """Render these reviews' bodies again and store those that changed; returns their number.

    Each film's people are read once for all its reviews.
    """
    reviews = list(reviews.select_related(None).only("pk", "body", "body_html", "language", "film_id"))
    if not reviews:
        return 0
    people = defaultdict(list)
    credited = (
        Role.objects.using(reviews[0]._state.db)
        .filter(film_id__in={review.film_id for review in reviews})
        .order_by()
        .values_list("film_id", "person__name", "person__slug")
        .distinct()
    )
    for film_id, name, slug in credited:
        people[film_id].append((name, slug))
    changed = []
    for review in reviews:
        html = review.render_body(people[review.film_id])
        if html != review.body_html:
            review.body_html = html
            changed.append(review)
    if changed:
        Review.objects.using(reviews[0]._state.db).bulk_update(changed, ["body_html"], batch_size=100)
        # Pages rendered between the commit and this update show the old text.
        bump_content_version()
    return len(changed)


@receiver(post_save, sender=Role, dispatch_uid="reviews.role_saved")
def role_saved(sender, instance, created, raw=False, using=None, update_fields=None, **kwargs):
    if raw:
        return
    # A credit moved to another film leaves the first film's reviews linking to its person.
    moved_from = instance.__dict__.get(STORED, {}).get("film_id", UNKNOWN)
    film_ids = {instance.film_id}
    if not created and moved_from not in (UNKNOWN, None):
        film_ids.add(moved_from)
    refresh_on_commit(using, film_ids=film_ids)
    _remember_saved(instance, update_fields)


@receiver(post_delete, sender=Role, dispatch_uid="reviews.role_deleted")
def role_deleted(sender, instance, using=None, **kwargs):
    refresh_on_commit(using, film_ids={instance.film_id})


@receiver(post_save, sender=Person, dispatch_uid="reviews.person_saved")
def person_saved(sender, instance, created, raw=False, using=None, update_fields=None, **kwargs):
    if raw:
        return
    # A new person has no credits yet, and a bio or photo is not in any review's links.
    renamed = not created and any(
        _changed(instance, attname, created, update_fields) for attname in ("name", "slug")
    )
    if renamed:
        refresh_on_commit(using, person_ids={instance.pk})
    _make_new_renditions(instance, created, update_fields, using)
    _remember_saved(instance, update_fields)


@receiver(post_save, sender=Film, dispatch_uid="reviews.film_saved")
def film_saved(sender, instance, created, raw=False, using=None, update_fields=None, **kwargs):
    if raw:
        return
    _make_new_renditions(instance, created, update_fields, using)
    _remember_saved(instance, update_fields)


# Images


def _make_new_renditions(instance, created, update_fields, using):
    """Make the renditions of a newly stored poster or photo once the save commits.

    After the commit because the admin's transaction holds a lock on the row (the
    optimistic lock), and decoding, scaling and uploading should not keep colleagues
    waiting; a save that rolls back makes none. Renditions are named after the file, so one
    made late can belong to no other image, and the file itself is stored before the
    commit either way (a rolled-back upload leaves its original behind, as Django does).
    """
    for attname in IMAGE_FIELDS[type(instance)]:
        field_file = getattr(instance, attname) if attname in instance.__dict__ else None
        if field_file and _changed(instance, attname, created, update_fields):
            transaction.on_commit(
                partial(make_renditions, field_file.storage, field_file.name), using=using, robust=True
            )


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
