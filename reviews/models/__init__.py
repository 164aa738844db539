"""
The publication's content: films, the people credited on them, and reviews.

Integrity lives in the database (unique slugs, one credit per film/person/kind/
character, a rating on the half-star scale, PROTECT where a delete would lose credits
or reviews), so bulk writes and importers cannot get around it.
"""

from .base import LANGUAGE_CHOICES, Timestamped, Versioned, unique_slug
from .film import CreditKind, Film, LocalTitle, Role
from .person import Person
from .review import RATING_CHOICES, Review, ReviewLanguage, ReviewQuerySet, ReviewStatus
from .tag import Tag, TaggedFilm, TaggedReview

__all__ = [
    "LANGUAGE_CHOICES",
    "RATING_CHOICES",
    "CreditKind",
    "Film",
    "LocalTitle",
    "Person",
    "Review",
    "ReviewLanguage",
    "ReviewQuerySet",
    "ReviewStatus",
    "Role",
    "Tag",
    "TaggedFilm",
    "TaggedReview",
    "Timestamped",
    "Versioned",
    "unique_slug",
]
