"""
schema.org structured data (JSON-LD) for reviews, films and people.

Built from objects the page has already loaded (credits, local titles, published reviews
prefetched), so structured data costs no extra queries. Ratings are on a ½–5 scale:
`worstRating` 0.5 and `bestRating` 5 say so, since search engines assume 1–5 otherwise.
"""

import json

from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe

BEST_RATING = "5"
WORST_RATING = "0.5"


def to_script(data):
    """A `<script type="application/ld+json">` element; `<`, `>` and `&` are escaped so that
    no text inside (a headline with `</script>`, say) can end the element early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _absolute(request, path):
    """`request.build_absolute_uri(path)`, without checking the host against ALLOWED_HOSTS
    again for each of a film page's hundred links."""
    if not path.startswith("/") or path.startswith("//"):
        return request.build_absolute_uri(path)  # e.g. a poster's URL on object storage
    root = getattr(request, "_absolute_root", None)
    if root is None:
        root = request._absolute_root = request.build_absolute_uri("/")[:-1]
    return f"{root}{path}"


def _person(request, person):
    return {"@type": "Person", "name": person.name, "url": _absolute(request, person.get_absolute_url())}


def _same_as(obj, kind):
    links = []
    if obj.imdb_id:
        links.append(f"https://www.imdb.com/{'title' if kind == 'film' else 'name'}/{obj.imdb_id}/")
    if obj.tmdb_id:
        links.append(f"https://www.themoviedb.org/{'movie' if kind == 'film' else 'person'}/{obj.tmdb_id}")
    if obj.wikipedia_url:
        links.append(obj.wikipedia_url)
    return links


def publisher(request):
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": _absolute(request, reverse("reviews:home")),
    }


def rating(value):
    return {
        "@type": "Rating",
        "ratingValue": f"{value.normalize():f}",
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
    }


def movie(request, film, credits, reviews=None):
    data = {
        "@type": "Movie",
        "name": film.title,
        "url": _absolute(request, film.get_absolute_url()),
        "dateCreated": str(film.year),
    }
    alternate = [local.title for local in film.local_title_objects() if local.title != film.title]
    if alternate:
        data["alternateName"] = alternate
    if film.poster:
        data["image"] = _absolute(request, film.poster.url)
    if film.runtime:
        data["duration"] = f"PT{film.runtime}M"
    if film.original_language:
        data["inLanguage"] = film.original_language
    if film.countries:
        data["countryOfOrigin"] = [
            {"@type": "Country", "name": str(country.name)} for country in film.countries
        ]
    if film.synopsis:
        data["description"] = film.synopsis
    if credits["directors"]:
        data["director"] = [_person(request, role.person) for role in credits["directors"]]
    if credits["cast"]:
        data["actor"] = [_performance(request, role) for role in credits["cast"]]
    same_as = _same_as(film, "film")
    if same_as:
        data["sameAs"] = same_as
    if reviews:
        data["review"] = [review_summary(request, review) for review in reviews]
        rated = [review.rating for review in reviews if review.rating is not None]
        if rated:
            average = sum(rated) / len(rated)
            data["aggregateRating"] = {
                "@type": "AggregateRating",
                "ratingValue": f"{average:.1f}",
                "ratingCount": len(rated),
                "bestRating": BEST_RATING,
                "worstRating": WORST_RATING,
            }
    return data


def _performance(request, role):
    actor = _person(request, role.person)
    if not role.character:
        return actor
    return {"@type": "PerformanceRole", "actor": actor, "characterName": role.character}


def _author(review):
    author = review.author
    return {"@type": "Person", "name": author.get_full_name() or author.get_username()}


def review_summary(request, review):
    data = {
        "@type": "Review",
        "name": review.headline,
        "url": _absolute(request, review.get_absolute_url()),
        "author": _author(review),
        "inLanguage": review.language,
    }
    if review.published_at is not None:
        data["datePublished"] = review.published_at.isoformat()
    if review.rating is not None:
        data["reviewRating"] = rating(review.rating)
    return data


def review(request, review, credits):
    data = {
        "@context": "https://schema.org",
        **review_summary(request, review),
        "headline": review.headline,
        "dateModified": review.updated_at.isoformat(),
        "publisher": publisher(request),
        "itemReviewed": movie(request, review.film, credits),
    }
    if review.teaser:
        data["description"] = review.teaser
    return data


def film(request, film, credits, reviews):
    return {"@context": "https://schema.org", **movie(request, film, credits, reviews)}


def person(request, person):
    data = {"@context": "https://schema.org", **_person(request, person)}
    if person.photo:
        data["image"] = _absolute(request, person.photo.url)
    if person.birth_date:
        data["birthDate"] = person.birth_date.isoformat()
    if person.death_date:
        data["deathDate"] = person.death_date.isoformat()
    if person.bio:
        data["description"] = person.bio
    same_as = _same_as(person, "person")
    if same_as:
        data["sameAs"] = same_as
    return data
