"""
The readers' site in a real browser: Debian's Chromium driven by Playwright against
pytest-django's live server, with the demo content.

A reader's journey through the links, then every page in German and English checked with
axe-core, for console errors, and for horizontal scrolling on a small phone; screenshots of
each page land in test-artifacts/screenshots/ for a human to look at.
"""

import io
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
DESKTOP, PHONE, SMALL_PHONE = 1280, 390, 360
# Chromium sends an Accept-Language header, so without one of ours LocaleMiddleware would
# serve whatever language the machine running the tests happens to prefer.
LOCALES = {"de": "de-DE", "en": "en-GB"}

PAGES = {
    "home": "/",
    "review": "/reviews/kindness-of-strangers-berlinale-eroeffnung/",
    "film": "/films/the-kindness-of-strangers-2019/",
    "person": "/people/zoe-kazan/",
    "tag": "/tags/berlinale-2019/",
    "search": "/search/?q=Kazan",
    "review-archive": "/reviews/",
    "film-index": "/films/",
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"needs Debian's Chromium at {CHROMIUM}"),
]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module; contexts keep the tests apart."""
    # Playwright's sync API keeps an event loop running in this thread, so Django would take
    # every ORM call here (loading the demo, flushing the database) for async code and refuse it.
    # Set only while the browser lives, so the rest of the suite keeps Django's safety check.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(live_server):
    """The live server with the demo content (loaded per test: live-server tests flush the database)."""
    call_command("load_demo", stdout=io.StringIO())
    return live_server


def new_context(browser, site, language):
    """A browser session that reads `language`: German by the browser's preference, English by cookie."""
    context = browser.new_context(locale=LOCALES[language], viewport={"width": DESKTOP, "height": 900})
    # A local page that has not appeared in 10 s never will; Playwright's 30 s only slows failures.
    context.set_default_timeout(10_000)
    if language == "en":
        context.add_cookies([{"name": "django_language", "value": "en", "url": site.url}])
    return context


def watch_console(page):
    """The console errors and uncaught exceptions of `page`, collected as they happen."""
    errors = []

    def on_console(message):
        # A failed load's text does not name the resource; its location does.
        if message.type == "error":
            errors.append(f"{message.text} ({message.location['url']})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    return errors


def heading(page, level):
    return page.get_by_role("heading", level=level)


def test_a_reader_follows_links_from_the_home_page_and_switches_to_english(browser, site):
    context = new_context(browser, site, "de")
    page = context.new_page()
    # Chromium asks for /favicon.ico once per browser, so the first pages opened are the ones
    # that would show a missing one: watched here as well as in the page-by-page test.
    console_errors = watch_console(page)
    headline = "Kleine Wunder, großer Frost: Lone Scherfig eröffnet die Berlinale"

    page.goto(site.url + PAGES["home"])
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", name="Neueste Kritiken")).to_be_visible()

    page.get_by_role("link", name=headline).click()
    expect(page).to_have_url(site.url + PAGES["review"])
    expect(heading(page, 1)).to_have_text(headline)

    # The film is linked twice (kicker and fact box); either takes the reader there.
    page.get_by_role("link", name="The Kindness of Strangers – Kleine Wunder unter Fremden").first.click()
    expect(page).to_have_url(site.url + PAGES["film"])
    expect(heading(page, 1)).to_have_text("The Kindness of Strangers – Kleine Wunder unter Fremden 2019")

    page.get_by_role("link", name="Zoe Kazan", exact=True).click()
    expect(page).to_have_url(site.url + PAGES["person"])
    expect(heading(page, 1)).to_have_text("Zoe Kazan")

    # A person's page lists films, not tags: the reader goes back to the film for its tags.
    page.go_back()
    expect(page).to_have_url(site.url + PAGES["film"])
    page.get_by_role("link", name="Berlinale 2019", exact=True).click()
    expect(page).to_have_url(site.url + PAGES["tag"])
    expect(heading(page, 1)).to_have_text("Berlinale 2019")
    expect(heading(page, 2)).to_have_text(["Kritiken (2)", "Filme (2)"])

    # By the header (banner) rather than the switch's own label, which is not translated yet.
    page.get_by_role("banner").get_by_role("link", name="English").click()
    expect(page).to_have_url(site.url + PAGES["tag"])
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(heading(page, 1)).to_have_text("Berlinale 2019")
    expect(heading(page, 2)).to_have_text(["Reviews (2)", "Films (2)"])
    assert console_errors == []
    context.close()


def load_lazy_images(page):
    """Full-page screenshots would otherwise show empty boxes below the fold."""
    page.evaluate(
        """() => Promise.all([...document.images].map(img => {
            img.loading = "eager";
            return img.decode().catch(() => null);
        }))"""
    )


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_is_accessible_error_free_and_fits_a_small_phone(browser, site, subtests, language):
    """Each page is visited once per language; the checks are subtests so one failure hides no other."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = new_context(browser, site, language)
    for name, path in PAGES.items():
        page = context.new_page()
        console_errors = watch_console(page)
        response = page.goto(site.url + path)

        if name == "search" and response.status == 404:
            with subtests.test(page=name, language=language):
                pytest.skip("/search/ answers 404: site search is not built yet")
            page.close()
            continue
        with subtests.test("page loads in its language", page=name, language=language):
            assert response.status == 200
            assert page.locator("html").get_attribute("lang") == language

        with subtests.test("axe-core finds no violations at 1280 px", page=name, language=language):
            results = Axe().run(page)
            assert results.violations_count == 0, results.generate_report()

        load_lazy_images(page)
        for width in (DESKTOP, PHONE):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=SCREENSHOTS / f"{name}-{language}-{width}.png", full_page=True)

        with subtests.test("no horizontal scrolling at 360 px", page=name, language=language):
            page.set_viewport_size({"width": SMALL_PHONE, "height": 740})
            scroll_width, viewport_width = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            assert scroll_width <= viewport_width

        # Checked last, so messages that arrive after the load event (a favicon) are in.
        with subtests.test("no console errors", page=name, language=language):
            assert console_errors == []
        page.close()
    context.close()
