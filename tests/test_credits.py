"""Credits and slips in review texts, and the import_review command that reports them."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from reviews.credits import MentionedCredit, Slip, fact_check, find_credits, missing_credits
from reviews.models import Film, LocalTitle, Person, Review, Role

from .conftest import make_film, make_person, make_role, make_user

FIXTURES = Path(__file__).parent / "fixtures"
KINDNESS_DE = (FIXTURES / "kindness_de.md").read_text(encoding="utf-8")
KINDNESS_NOTE_DE = (FIXTURES / "kindness_notiz_de.md").read_text(encoding="utf-8")
TRANSIT_EN = (FIXTURES / "transit_en.md").read_text(encoding="utf-8")

DIRECTOR, ACTOR = Role.Kind.DIRECTOR, Role.Kind.ACTOR
KINDNESS_CREDITS = [
    MentionedCredit(DIRECTOR, "Lone Scherfig"),
    MentionedCredit(ACTOR, "Zoe Kazan", "Clara"),
    MentionedCredit(ACTOR, "Andrea Riseborough", "Alice"),
    MentionedCredit(ACTOR, "Tahar Rahim", "Marc"),
    MentionedCredit(ACTOR, "Bill Nighy", "Timofey"),
]


def kindness_of_strangers(cast=True):
    film = make_film("The Kindness of Strangers", 2019)
    LocalTitle.objects.create(
        film=film, language="de", title="The Kindness of Strangers – Kleine Wunder unter Fremden"
    )
    if cast:
        make_role(film, make_person("Lone Scherfig"), DIRECTOR)
        for order, (name, character) in enumerate(
            [("Zoe Kazan", "Clara"), ("Tahar Rahim", "Marc"), ("Andrea Riseborough", "Alice")]
        ):
            make_role(film, make_person(name), ACTOR, character=character, order=order)
    return film


def prefetched(film):
    return Film.objects.prefetch_related("roles__person", "local_titles").get(pk=film.pk)


def counts():
    return {model.__name__: model.objects.count() for model in (Film, Person, Role, Review)}


# find_credits


def test_finds_director_and_cast_in_a_german_review():
    assert find_credits(KINDNESS_DE) == KINDNESS_CREDITS


def test_finds_director_and_cast_in_an_english_review():
    assert find_credits(TRANSIT_EN) == [
        MentionedCredit(DIRECTOR, "Christian Petzold"),
        MentionedCredit(ACTOR, "Franz Rogowski", "Georg"),
        MentionedCredit(ACTOR, "Paula Beer", "Marie"),
    ]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Regie: Lone Scherfig.", "Lone Scherfig"),
        ("Die Regie führte Lone Scherfig, das Buch schrieb sie selbst.", "Lone Scherfig"),
        ("Die Regisseurin Lone Scherfig erzählt vom Winter.", "Lone Scherfig"),
        ("Der Regisseur Christian Petzold kehrt zurück.", "Christian Petzold"),
        ("Ein Debüt (Regie: Nora Fingscheidt) über Wut.", "Nora Fingscheidt"),
        ("unter der Regie von Nora Fingscheidt", "Nora Fingscheidt"),
        ("It was directed by Lone Scherfig in Toronto.", "Lone Scherfig"),
        ("The director Christian Petzold's new film", "Christian Petzold"),
        ("Director: Lone Scherfig\nScreenplay: Lone Scherfig", "Lone Scherfig"),
    ],
)
def test_finds_directors_behind_german_and_english_cues(text, name):
    assert find_credits(text) == [MentionedCredit(DIRECTOR, name)]


@pytest.mark.parametrize(
    "text, character, name",
    [
        ("Sein Bruder John Peter (Jay Baruchel) hilft.", "John Peter", "Jay Baruchel"),
        ("Mit ihren beiden Söhnen Anthony (Jack Fulton) flieht sie.", "Anthony", "Jack Fulton"),
        ("Dr. Jekyll (Samuel L. Jackson) und", "Dr. Jekyll", "Samuel L. Jackson"),
        ("Åsa (Zoë van der Berg) lacht.", "Åsa", "Zoë van der Berg"),
        ("Hélène (Anne-Marie O'Connor) schweigt.", "Hélène", "Anne-Marie O'Connor"),
        ("der junge Jesse (Caleb Landry Jones) und", "Jesse", "Caleb Landry Jones"),
        ("die Pianistin Alice\n(Andrea Riseborough) spielt", "Alice", "Andrea Riseborough"),
        ("**Clara** (Zoe Kazan) flieht.", "Clara", "Zoe Kazan"),
    ],
)
def test_reads_character_and_actor_from_the_parenthesis(text, character, name):
    assert find_credits(text) == [MentionedCredit(ACTOR, name, character)]


def test_ignores_parentheses_that_do_not_name_a_person():
    text = (
        "Der Film (2019) lief in Toronto (USA 2019) und heißt Transit (Originaltitel Transit) "
        "oder The Kindness of Strangers (Originaltitel: The Kindness of Strangers). Clara (lieber "
        "nicht) fährt nach Manhattan (Netflix) mit dem Film (Deutscher Filmpreis), den die Regisseurin "
        "Lone Scherfig (Italian for Beginners) und Regisseur Christian Petzold (Roter Himmel) drehten, "
        "und Marie (Kinostart 12. März) sowie Georg (DDR BRD) warten. Der Erzähler (Matthias Brandt) "
        "spricht."
    )
    assert find_credits(text) == [
        MentionedCredit(DIRECTOR, "Lone Scherfig"),
        MentionedCredit(DIRECTOR, "Christian Petzold"),
    ]


def test_reports_each_credit_once_in_first_seen_order():
    text = "Marc (Tahar Rahim) trifft Clara (Zoe Kazan). Später sucht Marc (Tahar Rahim) Clara (zoe kazan)."
    assert find_credits(text) == [
        MentionedCredit(ACTOR, "Tahar Rahim", "Marc"),
        MentionedCredit(ACTOR, "Zoe Kazan", "Clara"),
    ]


# missing_credits


@pytest.mark.django_db
def test_missing_credits_are_those_the_film_lacks():
    film = make_film("The Kindness of Strangers", 2019)
    make_role(film, make_person("LONE SCHERFIG"), DIRECTOR)
    make_role(film, make_person("Zoe Kazan"), ACTOR, character="Clara")
    # No character recorded counts as credited, and so does the full name of the character.
    make_role(film, make_person("Tahar Rahim"), ACTOR)
    make_role(film, make_person("Bill Nighy"), ACTOR, character="Timofey Nikolaevich")
    # The right person in another capacity or as another character is still missing.
    make_role(film, make_person("Andrea Riseborough"), ACTOR, character="Nurse")

    assert missing_credits(film, KINDNESS_DE) == [MentionedCredit(ACTOR, "Andrea Riseborough", "Alice")]


@pytest.mark.django_db
def test_missing_credits_of_a_film_without_credits_are_all_credits():
    assert missing_credits(make_film(), KINDNESS_DE) == KINDNESS_CREDITS


# fact_check


@pytest.mark.django_db
def test_fact_check_flags_a_misspelt_name_and_title():
    film = prefetched(kindness_of_strangers())

    assert fact_check(film, KINDNESS_NOTE_DE) == [
        Slip(Slip.TITLE, "Kleine Wunder unter Freunden", "Kleine Wunder unter Fremden"),
        Slip(Slip.NAME, "Tahar Ramin", "Tahar Rahim"),
    ]


@pytest.mark.django_db
def test_fact_check_accepts_correct_names_titles_and_possessives():
    film = prefetched(kindness_of_strangers())
    make_role(film, make_person("Bill Nighy"), ACTOR, character="Timofey")
    film = prefetched(film)

    assert fact_check(film, KINDNESS_DE) == []
    assert fact_check(film, "Tahar Rahims Marc und Zoe Kazan's Clara in The Kindness of Strangers.") == []


@pytest.mark.django_db
def test_fact_check_ignores_unrelated_names():
    film = make_film("Transit", 2018)
    for name in ("Christian Petzold", "Franz Rogowski", "Paula Beer", "Bill Nighy"):
        make_role(film, make_person(name), ACTOR)
    text = "Neben Jay Baruchel, Paula Begoun und Franziska Weisz wirken Thomas Vinterberg und Mads Mikkelsen."

    assert fact_check(prefetched(film), text) == []
    assert fact_check(prefetched(film), TRANSIT_EN) == []


@pytest.mark.django_db
def test_fact_check_compares_word_by_word_and_reports_each_slip_once():
    film = make_film("The Kindness of Strangers", 2019)
    make_role(film, make_person("Zoë Kazan"), ACTOR, character="Clara")
    make_role(film, make_person("Andrea Riseborough"), ACTOR, character="Alice")
    text = "Zoe Kazan und Andrea Riseborow. Noch einmal: Zoe\nKazan, und The Kindness of Strangerss."

    assert fact_check(prefetched(film), text) == [
        Slip(Slip.NAME, "Zoe Kazan", "Zoë Kazan"),
        Slip(Slip.NAME, "Andrea Riseborow", "Andrea Riseborough"),
        Slip(Slip.TITLE, "The Kindness of Strangerss", "The Kindness of Strangers"),
    ]


@pytest.mark.django_db
def test_fact_check_runs_no_queries_on_a_prefetched_film(django_assert_num_queries):
    film = prefetched(kindness_of_strangers())
    with django_assert_num_queries(0):
        fact_check(film, KINDNESS_NOTE_DE)
        missing_credits(film, KINDNESS_DE)


# import_review


def write(tmp_path, text, name="review.md", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def import_review(path, **options):
    options.setdefault("film_title", "The Kindness of Strangers")
    options.setdefault("year", 2019)
    options.setdefault("author", "critic")
    output = io.StringIO()
    call_command("import_review", str(path), stdout=output, **options)
    return output.getvalue()


@pytest.fixture
def critic(db):
    return make_user("critic")


def test_import_creates_a_draft_and_the_missing_film(tmp_path, critic):
    output = import_review(write(tmp_path, KINDNESS_DE))

    film = Film.objects.get()
    assert (film.title, film.year, film.slug) == (
        "The Kindness of Strangers",
        2019,
        "the-kindness-of-strangers-2019",
    )
    review = Review.objects.get()
    assert (review.film, review.author, review.language) == (film, critic, "de")
    assert review.status == Review.Status.DRAFT
    assert review.published_at is None
    assert not Review.objects.published().exists()
    assert review.headline == "Wärme in der Kälte von Manhattan"
    assert review.teaser == "Ein Wintermärchen über Menschen, die einander auffangen, bevor sie ganz fallen."
    assert review.body.startswith("Regie führte Lone Scherfig, und ihr Film")
    assert review.body.endswith("solange Zoe Kazan auf der Leinwand ist.")
    assert "*Kleine Wunder\nunter Fremden*" in review.body
    assert "<em>Kleine Wunder" in review.body_html
    assert "Created the film The Kindness of Strangers (2019)" in output
    assert "  director: Lone Scherfig (missing)" in output
    assert "  actor: Zoe Kazan as Clara (missing)" in output
    assert Person.objects.count() == 0


def test_import_finds_the_film_by_its_local_title_and_reports_credits_and_slips(tmp_path, critic):
    film = kindness_of_strangers()
    before = counts()

    output = import_review(write(tmp_path, KINDNESS_NOTE_DE), film_title="kleine wunder unter fremden")

    assert counts() == {**before, "Review": 1}
    assert Review.objects.get().film == film
    assert "Created the film" not in output
    assert "  director: Lone Scherfig (on the film)" in output
    assert "  name 'Tahar Ramin' — the film credits 'Tahar Rahim'" in output
    assert (
        "  title 'Kleine Wunder unter Freunden' — the film is titled 'Kleine Wunder unter Fremden'" in output
    )


def test_import_matches_title_and_year(tmp_path, critic):
    older = make_film("Transit", 2018)
    make_film("Transit", 1991)

    import_review(write(tmp_path, TRANSIT_EN), film_title="TRANSIT", year="2018", language="en")

    review = Review.objects.get()
    assert (review.film, review.language) == (older, "en")


def test_import_reads_bom_windows_line_ends_and_a_file_without_teaser(tmp_path, critic):
    text = "\r\n\r\n## Ein langer Abend ##\r\n\r\nNur ein Absatz, und der ist der Text.\r\n"
    import_review(write(tmp_path, text, encoding="utf-8-sig"))

    review = Review.objects.get()
    assert (review.headline, review.teaser, review.body) == (
        "Ein langer Abend",
        "",
        "Nur ein Absatz, und der ist der Text.",
    )


def test_import_takes_a_long_second_paragraph_as_body(tmp_path, critic):
    long_paragraph = "Ein Satz, der sich zieht. " * 15
    import_review(write(tmp_path, f"Titelzeile\n\n{long_paragraph}\n\nZweiter Absatz.\n"))

    review = Review.objects.get()
    assert review.teaser == ""
    assert review.body == f"{long_paragraph}\n\nZweiter Absatz."


def test_import_defaults_to_the_only_superuser(tmp_path, db):
    admin = make_user("chefin", is_superuser=True, is_staff=True)
    make_user("critic")

    import_review(write(tmp_path, KINDNESS_DE), author=None)

    assert Review.objects.get().author == admin


def test_add_credits_creates_people_and_roles_once(tmp_path, critic):
    film = make_film("The Kindness of Strangers", 2019)
    make_role(film, make_person("Zoe Kazan"), ACTOR, character="Clara", order=0)
    make_role(film, make_person("Jay Baruchel"), ACTOR, character="Jeff", order=4)
    # Known to the site from another film: reused, whatever the case of the name.
    existing = make_person("BILL NIGHY")

    output = import_review(write(tmp_path, KINDNESS_DE), add_credits=True)

    roles = {(role.kind, role.person.name, role.character): role.order for role in film.roles.all()}
    assert roles == {
        (DIRECTOR, "Lone Scherfig", ""): 0,
        (ACTOR, "Zoe Kazan", "Clara"): 0,
        (ACTOR, "Jay Baruchel", "Jeff"): 4,
        (ACTOR, "Andrea Riseborough", "Alice"): 5,
        (ACTOR, "Tahar Rahim", "Marc"): 6,
        (ACTOR, "BILL NIGHY", "Timofey"): 7,
    }
    assert Person.objects.filter(name__iexact="Bill Nighy").get() == existing
    assert "Added 3 new people and 4 credits" in output
    assert "  added actor: Tahar Rahim as Marc" in output

    before = counts()
    second = KINDNESS_DE.replace("# Wärme in der Kälte von Manhattan", "# Ein zweiter Blick")
    output = import_review(write(tmp_path, second, name="second.md"), add_credits=True)

    assert counts() == {**before, "Review": before["Review"] + 1}
    assert "Added 0 new people and 0 credits" in output


def test_add_credits_leaves_out_names_that_look_like_slips(tmp_path, critic):
    film = kindness_of_strangers()
    before = counts()
    text = "Kurz notiert\n\nMarc (Tahar Ramin) und Jeff (Jay Baruchel) helfen Clara (Zoe Kazan).\n"

    output = import_review(write(tmp_path, text), add_credits=True)

    assert counts() == {**before, "Person": before["Person"] + 1, "Role": before["Role"] + 1, "Review": 1}
    assert film.roles.filter(person__name="Jay Baruchel", character="Jeff").exists()
    assert not Person.objects.filter(name="Tahar Ramin").exists()
    assert "Added 1 new person and 1 credit" in output
    assert "  not added, the name looks like a slip: actor: Tahar Ramin as Marc" in output


def test_a_second_import_of_the_same_headline_is_refused(tmp_path, critic):
    path = write(tmp_path, KINDNESS_DE)
    import_review(path, add_credits=True)
    before = counts()

    with pytest.raises(CommandError, match="already has a review headed 'Wärme in der Kälte von Manhattan'"):
        import_review(path, add_credits=True)
    assert counts() == before


@pytest.mark.parametrize(
    "setup, options, message",
    [
        (lambda tmp: tmp / "nowhere.md", {}, "no such file"),
        (lambda tmp: tmp, {}, "is a directory"),
        (lambda tmp: write(tmp, "# Über Fremde\n\nKälte.", encoding="latin-1"), {}, "not UTF-8"),
        (lambda tmp: write(tmp, ""), {}, "is empty"),
        (lambda tmp: write(tmp, " \n\t\n \n", encoding="utf-8-sig"), {}, "is empty"),
        (lambda tmp: write(tmp, "#\n\nText."), {}, "no headline"),
        (lambda tmp: write(tmp, KINDNESS_DE), {"author": "nobody"}, "'nobody': there is no such user"),
        (lambda tmp: write(tmp, KINDNESS_DE), {"year": "neunzehn"}, "not a plausible year"),
        (lambda tmp: write(tmp, KINDNESS_DE), {"year": 1869}, "not a plausible year"),
        (lambda tmp: write(tmp, KINDNESS_DE), {"year": "2101"}, "not a plausible year"),
        (lambda tmp: write(tmp, KINDNESS_DE), {"year": "2_019"}, "not a plausible year"),
        (lambda tmp: write(tmp, KINDNESS_DE), {"film_title": "  "}, "--film-title is empty"),
        (lambda tmp: write(tmp, KINDNESS_DE), {"language": "fr"}, "'fr' is not supported"),
        # Fails only after the film was created: the transaction takes the film back.
        (
            lambda tmp: write(tmp, "# " + "Lang " * 50),
            {"film_title": "Neu"},
            "Cannot save review: headline: Ensure this value has at most 200 characters",
        ),
    ],
)
def test_bad_input_raises_a_clear_error_and_creates_nothing(tmp_path, critic, setup, options, message):
    kindness_of_strangers()
    before = counts()
    options = {"add_credits": True, **options}

    with pytest.raises(CommandError, match=message):
        import_review(setup(tmp_path), **options)
    assert counts() == before


@pytest.mark.parametrize("superusers", [0, 2])
def test_without_author_needs_exactly_one_superuser(tmp_path, db, superusers):
    for number in range(superusers):
        make_user(f"admin{number}", is_superuser=True)
    before = counts()

    with pytest.raises(CommandError, match="Pass --author USERNAME"):
        import_review(write(tmp_path, KINDNESS_DE), author=None)
    assert counts() == before
