"""
What a save does besides storing the row: review bodies rendered again when credits or
names change, and image renditions made when an image is new (reviews/signals.py).

Both happen when the transaction commits. The tests run inside a transaction of their own
that never commits, so they run the commit's callbacks themselves
(`django_capture_on_commit_callbacks`), or, for autocommit, use a transactional test.
"""

import collections
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from PIL import Image

from reviews.models import Film, Person, Review, Role
from reviews.renditions import rendition_name, rendition_widths

from .adminforms import form_fields, post_data
from .conftest import make_film, make_person, make_review, make_role, make_user

pytestmark = pytest.mark.django_db


def change_url(obj):
    return reverse(f"admin:reviews_{obj._meta.model_name}_change", args=[obj.pk])


def jpeg(size=(500, 750)):
    content = io.BytesIO()
    Image.new("RGB", size, (200, 30, 40)).save(content, "JPEG")
    return content.getvalue()


def link(person):
    return f'<a href="{person.get_absolute_url()}" class="person-link">{person.name}</a>'


def renditions(name, width):
    return {rendition_name(name, size) for size in rendition_widths(width)}


@pytest.fixture
def renders(monkeypatch):
    """How often each review's body was rendered (by its id); the rendering itself is real."""
    counted = collections.Counter()
    render_body = Review.render_body

    def counting(self, *args, **kwargs):
        counted[self.pk] += 1
        return render_body(self, *args, **kwargs)

    monkeypatch.setattr(Review, "render_body", counting)
    return counted


@pytest.fixture
def opened(monkeypatch):
    """The names of the stored files opened, in order."""
    names = []
    storage_open = FileSystemStorage.open

    def recording(self, name, mode="rb"):
        names.append(name)
        return storage_open(self, name, mode)

    monkeypatch.setattr(FileSystemStorage, "open", recording)
    return names


# Review bodies


def test_saving_a_film_with_twenty_credits_renders_each_review_once_after_the_commit(
    client, editor, renders, django_capture_on_commit_callbacks, django_assert_num_queries
):
    film = make_film("Ensemble", 2021)
    people = [make_person(f"Vorname{n} Nachname{n}") for n in range(20)]
    reviews = [
        make_review(film=film, body=f"Vorname{n} Nachname{n} spielt, und Vorname{n} Nachname{n} singt.")
        for n in range(3)
    ]
    versions = {review.pk: review.version for review in reviews}
    history = Review.history.count()
    renders.clear()
    client.force_login(editor)
    fields = form_fields(client.get(change_url(film)), "film_form")
    credits = {"roles-TOTAL_FORMS": str(len(people))}
    for n, person in enumerate(people):
        credits |= {
            f"roles-{n}-order": str(n),
            f"roles-{n}-kind": Role.Kind.ACTOR,
            f"roles-{n}-person": str(person.pk),
            f"roles-{n}-character": f"Figur {n}",
        }

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(change_url(film), post_data(fields, **credits))
    assert response.status_code == 302
    assert film.roles.count() == 20
    assert not renders, "nothing is rendered before the commit"
    # The reviews of the film, its people, one UPDATE of the three bodies.
    with django_assert_num_queries(3):
        for callback in callbacks:
            callback()

    assert renders == {review.pk: 1 for review in reviews}
    for n, review in enumerate(reviews):
        review.refresh_from_db()
        name = people[n].name
        assert review.body_html == f"<p>{link(people[n])} spielt, und {name} singt.</p>"
        assert review.version == versions[review.pk]
    assert Review.history.count() == history


def test_removing_a_credit_in_the_admin_unlinks_the_person(
    client, editor, django_capture_on_commit_callbacks
):
    film = make_film("Undine", 2020)
    paula = make_person("Paula Beer")
    make_role(film, paula, Role.Kind.ACTOR, "Undine")
    review = make_review(film=film, body="Paula Beer ist Undine.")
    assert link(paula) in review.body_html
    client.force_login(editor)
    fields = form_fields(client.get(change_url(film)), "film_form")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(film), post_data(fields, **{"roles-0-DELETE": "on"}))
    assert response.status_code == 302 and not film.roles.exists()
    review.refresh_from_db()
    assert review.body_html == "<p>Paula Beer ist Undine.</p>"


def test_a_renamed_person_is_linked_at_the_new_address_after_one_rendering(
    client, editor, renders, opened, django_capture_on_commit_callbacks
):
    person = make_person("Tahar Ramin")
    person.photo.save("portrait.jpg", ContentFile(jpeg((300, 400))))
    films = [make_film("Un prophète", 2009), make_film("The Kindness of Strangers", 2019)]
    reviews = []
    for film in films:
        make_role(film, person, Role.Kind.ACTOR)
        make_role(film, make_person())
        reviews += [make_review(film=film, body="Mit Tahar Rahim.") for _ in range(2)]
    unrelated = make_review(body="Tahar Rahim spielt hier nicht.")
    renders.clear()
    client.force_login(editor)
    fields = form_fields(client.get(change_url(person)), "person_form")
    opened.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(person), post_data(fields, name="Tahar Rahim", slug="tahar-rahim"))
    assert response.status_code == 302
    assert opened == [], "a rename leaves the photo as it is"
    assert renders == {review.pk: 1 for review in reviews}
    person = Person.objects.get(pk=person.pk)
    assert person.get_absolute_url() == "/people/tahar-rahim/"
    for review in reviews:
        review.refresh_from_db()
        assert review.body_html == f"<p>Mit {link(person)}.</p>"
    unrelated.refresh_from_db()
    assert "person-link" not in unrelated.body_html


def test_saving_a_person_without_renaming_renders_nothing(renders, django_capture_on_commit_callbacks):
    person = make_person("Paula Beer")
    film = make_film("Transit", 2018)
    make_role(film, person)
    make_review(film=film, body="Paula Beer.")
    person = Person.objects.get(pk=person.pk)
    renders.clear()
    with django_capture_on_commit_callbacks(execute=True):
        person.bio = "Schauspielerin."
        person.save()
        Person.objects.get(pk=person.pk).save(update_fields=["bio"])
    assert not renders


def test_a_credit_moved_to_another_film_unlinks_it_in_the_first_films_reviews(
    django_capture_on_commit_callbacks,
):
    paula = make_person("Paula Beer")
    undine, transit = make_film("Undine", 2020), make_film("Transit", 2018)
    role = make_role(undine, paula)
    first = make_review(film=undine, body="Paula Beer.")
    second = make_review(film=transit, body="Paula Beer.")
    role = Role.objects.get(pk=role.pk)
    with django_capture_on_commit_callbacks(execute=True):
        role.film = transit
        role.save()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.body_html == "<p>Paula Beer.</p>"
    assert second.body_html == f"<p>{link(paula)}.</p>"


def test_a_rolled_back_credit_renders_nothing_and_later_changes_still_render(
    renders, django_capture_on_commit_callbacks
):
    rolled_back, kept = make_film("Undine", 2020), make_film("Transit", 2018)
    dropped = make_review(film=rolled_back, body="Paula Beer.")
    review = make_review(film=kept, body="Paula Beer.")
    paula = make_person("Paula Beer")
    renders.clear()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            make_role(rolled_back, paula)
            raise RuntimeError("rolled back")
        make_role(kept, paula)
    assert renders == {review.pk: 1}
    review.refresh_from_db()
    assert review.body_html == f"<p>{link(paula)}.</p>"
    dropped.refresh_from_db()
    assert dropped.body_html == "<p>Paula Beer.</p>"


def test_loading_a_fixture_renders_nothing(tmp_path, renders, django_capture_on_commit_callbacks):
    film, paula = make_film("Undine", 2020), make_person("Paula Beer")
    review = make_review(film=film, body="Paula Beer.")
    fixture = tmp_path / "credit.json"
    credit = {"film": film.pk, "person": paula.pk, "kind": "actor", "character": "", "order": 0}
    fixture.write_text(json.dumps([{"model": "reviews.role", "pk": 9000, "fields": credit}]))
    renders.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("loaddata", str(fixture), verbosity=0)
    assert film.roles.count() == 1
    assert not renders
    review.refresh_from_db()
    assert review.body_html == "<p>Paula Beer.</p>"


def test_a_credit_added_from_the_review_page_is_linked(client, editor, django_capture_on_commit_callbacks):
    film = make_film("The Kindness of Strangers", 2019)
    review = make_review(film=film, body="Marc (Tahar Rahim) kocht.")
    client.force_login(editor)
    add_url = reverse("admin:reviews_review_add_credit", args=[review.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(add_url, {"credit": "actor|Tahar Rahim|Marc"}).status_code == 302
    review.refresh_from_db()
    assert link(Person.objects.get(name="Tahar Rahim")) in review.body_html


def test_an_import_that_adds_credits_links_them(tmp_path, django_capture_on_commit_callbacks):
    make_user("critic")
    path = tmp_path / "kritik.md"
    path.write_text("Zweite Chance\n\nMarc (Tahar Rahim) bekommt eine zweite Chance.\n", encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "import_review",
            str(path),
            film_title="The Kindness of Strangers",
            year="2019",
            author="critic",
            add_credits=True,
            stdout=io.StringIO(),
        )
    review = Review.objects.get(headline="Zweite Chance")
    assert link(Person.objects.get(name="Tahar Rahim")) in review.body_html


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_reviews_are_rendered_at_once(renders):
    film, paula = make_film("Undine", 2020), make_person("Paula Beer")
    review = make_review(film=film, body="Paula Beer.")
    renders.clear()
    make_role(film, paula)
    assert renders == {review.pk: 1}
    review.refresh_from_db()
    assert review.body_html == f"<p>{link(paula)}.</p>"


# Renditions


@pytest.fixture
def film_with_poster(client, editor, django_capture_on_commit_callbacks, media_root):
    """A film whose poster an editor uploaded, with its renditions made."""
    film = make_film("Systemsprenger", 2019)
    client.force_login(editor)
    fields = form_fields(client.get(change_url(film)), "film_form")
    poster = SimpleUploadedFile("poster.jpg", jpeg((500, 750)), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change_url(film), post_data(fields, poster=poster)).status_code == 302
    film.refresh_from_db()
    assert (film.poster_width, film.poster_height) == (500, 750)
    for name in renditions(film.poster.name, 500):
        assert (media_root / name).exists(), name
    client.logout()
    return film


def test_a_retag_or_an_edit_does_not_open_the_poster(
    client, editor, festival, film_with_poster, opened, media_root, django_capture_on_commit_callbacks
):
    files = sorted(media_root.rglob("*"))
    url = change_url(film_with_poster)
    client.force_login(festival)
    retag = post_data(form_fields(client.get(url), "film_form"), tags="Berlinale 2019")
    opened.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert client.post(url, retag).status_code == 302
        # The editor's form is opened after the retag, whose save counted the version up.
        client.force_login(editor)
        edit = post_data(form_fields(client.get(url), "film_form"), synopsis="Benni ist neun.")
        assert client.post(url, edit).status_code == 302
        film = Film.objects.get(pk=film_with_poster.pk)
        film.runtime = 125
        film.save()
        Film.objects.only("title", "version").get(pk=film.pk).save()
    assert callbacks, "the saves did commit"
    film.refresh_from_db(fields=["synopsis", "runtime"])
    assert (film.synopsis, film.runtime) == ("Benni ist neun.", 125)
    assert [tag.name for tag in film.tags.all()] == ["Berlinale 2019"]
    assert opened == []
    assert sorted(media_root.rglob("*")) == files


def test_a_new_poster_gets_its_renditions_after_the_commit(
    film_with_poster, opened, media_root, django_capture_on_commit_callbacks
):
    film = Film.objects.get(pk=film_with_poster.pk)
    # Stored already and assigned by name, as the data commands do.
    name = film.poster.storage.save("posters/replacement.jpg", ContentFile(jpeg((900, 1350))))
    with django_capture_on_commit_callbacks() as callbacks:
        film.poster = name
        film.save()
    assert (film.poster_width, film.poster_height) == (900, 1350)
    assert not any((media_root / rendition).exists() for rendition in renditions(name, 900))
    opened.clear()
    for callback in callbacks:
        callback()
    assert opened == [name]
    for rendition in renditions(name, 900):
        assert (media_root / rendition).exists(), rendition


def test_a_cleared_or_rolled_back_poster_makes_no_renditions(
    client, editor, film_with_poster, opened, media_root, django_capture_on_commit_callbacks
):
    url = change_url(film_with_poster)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            film = Film.objects.get(pk=film_with_poster.pk)
            film.poster.save("poster.jpg", ContentFile(jpeg((300, 450))))
            rolled_back = film.poster.name
            raise RuntimeError("rolled back")
        assert (media_root / rolled_back).exists(), "the file is stored before the commit"
        client.force_login(editor)
        fields = form_fields(client.get(url), "film_form")
        opened.clear()
        assert client.post(url, post_data(fields, **{"poster-clear": "on"})).status_code == 302
    assert opened == []
    assert not list(media_root.glob("renditions/" + rolled_back.removesuffix(".jpg") + "*"))
    assert not Film.objects.get(pk=film_with_poster.pk).poster


def test_a_new_photo_gets_renditions_and_a_person_saved_again_opens_nothing(
    opened, media_root, django_capture_on_commit_callbacks
):
    person = make_person("Paula Beer")
    with django_capture_on_commit_callbacks(execute=True):
        person.photo.save("portrait.jpg", ContentFile(jpeg((300, 400))))
    for rendition in renditions(person.photo.name, 300):
        assert (media_root / rendition).exists(), rendition
    opened.clear()
    with django_capture_on_commit_callbacks(execute=True):
        person = Person.objects.get(pk=person.pk)
        person.bio = "Schauspielerin."
        person.save()
    assert opened == []
