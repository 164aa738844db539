"""`load_demo`: the demo content, its facts, its accounts, and that a second run changes nothing."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from reviews.models import Film, LocalTitle, Person, Review, Role, Tag

pytestmark = pytest.mark.django_db

KINDNESS = "the-kindness-of-strangers-2019"


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Film, LocalTitle, Person, Role, Review, Tag, get_user_model(), Group)
    } | {"film tags": Film.tags.through.objects.count(), "review tags": Review.tags.through.objects.count()}


def test_a_second_run_changes_nothing_and_says_so(demo):
    before = counts()
    second = io.StringIO()
    call_command("load_demo", stdout=second)
    assert counts() == before
    assert "nothing changed" in second.getvalue()
    assert "password" not in second.getvalue()


def test_demo_accounts_get_random_passwords_printed_once(demo):
    passwords = dict(re.findall(r"Account '(\w+)' created with password (\S+) ", demo))
    assert set(passwords) == {"editor", "festival"}
    User = get_user_model()
    editor, festival = User.objects.get(username="editor"), User.objects.get(username="festival")
    assert editor.check_password(passwords["editor"]) and festival.check_password(passwords["festival"])
    assert passwords["editor"] != passwords["festival"] and len(passwords["editor"]) >= 16
    assert editor.groups.filter(name="Editors").exists()
    assert festival.groups.filter(name="Festival staff").exists()
    assert editor.is_staff and not editor.is_superuser


def test_the_kindness_of_strangers_carries_its_facts(demo):
    film = Film.objects.get(slug=KINDNESS)
    assert (film.title, film.year, film.runtime, film.original_language) == (
        "The Kindness of Strangers",
        2019,
        112,
        "en",
    )
    assert sorted(country.code for country in film.countries) == ["CA", "DE", "DK", "FR", "SE"]
    german = film.local_titles.get(language="de")
    assert german.title == "The Kindness of Strangers – Kleine Wunder unter Fremden"
    assert german.release_date.isoformat() == "2019-12-12"
    credits = {(role.kind, role.person.name, role.character) for role in film.roles.select_related("person")}
    assert {
        ("director", "Lone Scherfig", ""),
        ("screenplay", "Lone Scherfig", ""),
        ("actor", "Zoe Kazan", "Clara"),
        ("actor", "Tahar Rahim", "Marc"),
        ("actor", "Andrea Riseborough", "Alice"),
        ("actor", "Bill Nighy", "Timofey"),
        ("actor", "Caleb Landry Jones", "Jeff"),
        ("actor", "Jay Baruchel", "John Peter"),
        ("actor", "Esben Smed", "Richard"),
        ("actor", "Jack Fulton", "Anthony"),
        ("actor", "Finlay Wojtak-Hissong", "Jude"),
        ("camera", "Sebastian Blenkov", ""),
        ("editing", "Cam McLauchlin", ""),
        ("music", "Andrew Lockington", ""),
    } <= credits
    assert {tag.name for tag in film.tags.all()} >= {"Berlinale 2019", "Eröffnungsfilm"}
    assert film.poster and film.poster_width and film.poster_alt


def test_the_german_review_is_published_and_names_the_cast(demo):
    review = Review.objects.published().get(film__slug=KINDNESS, language="de")
    assert review.rating is not None and review.teaser
    assert review.body.count("\n\n") >= 3
    for name in ["Zoe Kazan", "Tahar Rahim", "Andrea Riseborough", "Lone Scherfig"]:
        assert name in review.body
    assert "Freunden" not in review.body and "Ramin" not in review.body


def test_there_is_enough_content_to_look_real(demo):
    assert Film.objects.count() >= 9
    assert Review.objects.published().filter(language="de").count() >= 3
    assert Review.objects.published().filter(language="en").count() >= 2
    assert Review.objects.filter(status=Review.Status.DRAFT).exists()
    assert any(review.is_scheduled for review in Review.objects.all())
    busy = [person for person in Person.objects.all() if person.roles.values("film").distinct().count() >= 2]
    assert len(busy) >= 3
    assert all(person.photo for person in Person.objects.all())
    assert Tag.objects.filter(featured=True).exists()


def test_the_demo_review_page_shows_title_director_and_cast_with_links(client, demo):
    review = Review.objects.published().get(film__slug=KINDNESS, language="de")
    content = client.get(review.get_absolute_url()).content.decode()
    assert "Kleine Wunder unter Fremden" in content
    for name, character in [("Zoe Kazan", "Clara"), ("Tahar Rahim", "Marc"), ("Andrea Riseborough", "Alice")]:
        person = Person.objects.get(name=name)
        link = f'<a href="{person.get_absolute_url()}">{name}</a>'
        assert re.search(re.escape(link) + r"[^<]*<span[^>]*>als " + character, content), name
    scherfig = Person.objects.get(name="Lone Scherfig")
    assert f'<a href="{scherfig.get_absolute_url()}">Lone Scherfig</a>' in content


def test_zoe_kazans_page_lists_the_film_as_clara(client, demo):
    content = client.get(Person.objects.get(name="Zoe Kazan").get_absolute_url()).content.decode()
    assert Film.objects.get(slug=KINDNESS).get_absolute_url() in content
    assert "als Clara" in content


@pytest.mark.parametrize(
    "path", ["/tags/berlinale-2019/", "/tags/eröffnungsfilm/", "/tags/er%C3%B6ffnungsfilm/"]
)
def test_festival_tag_pages_list_the_film(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    assert Film.objects.get(slug=KINDNESS).get_absolute_url() in response.content.decode()


def test_draft_and_scheduled_demo_reviews_are_404_for_readers(client, demo):
    hidden = [review for review in Review.objects.all() if not review.is_published]
    assert {review.status for review in hidden} >= {Review.Status.DRAFT, Review.Status.PUBLISHED}
    for review in hidden:
        assert client.get(review.get_absolute_url()).status_code == 404
        assert review.headline not in client.get("/").content.decode()


def test_a_failed_run_leaves_neither_rows_nor_image_files(media_root, monkeypatch):
    from reviews.devdata.demo import DemoLoader

    def fail(self, films, authors, tags):
        # The originals; their renditions would follow the commit.
        assert any(media_root.rglob("*.jpg")), "the failure should come after images were written"
        raise RuntimeError("disk full")

    monkeypatch.setattr(DemoLoader, "load_reviews", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        call_command("load_demo", stdout=io.StringIO())
    assert Film.objects.count() == Person.objects.count() == 0
    assert [path for path in media_root.rglob("*") if path.is_file()] == []
    # A second run, which succeeds, writes them again.
    monkeypatch.undo()
    call_command("load_demo", stdout=io.StringIO())
    assert all(film.poster and (media_root / film.poster.name).exists() for film in Film.objects.all())
