"""End-to-end: the real server (uvicorn) and Debian's chromium headless, driven by Playwright."""

from __future__ import annotations

import base64

import pytest
from playwright.sync_api import expect
from relations_store import CRITICISE, ENDORSE, PHONE, PHONE_AGAIN, VISIT

pytestmark = pytest.mark.browser

ROWS = "#events tbody tr[data-event-id]"

COUNT_INK = """async (url) => {
  const img = new Image();
  await new Promise((ok, fail) => { img.onload = ok; img.onerror = fail; img.src = url; });
  const canvas = document.createElement('canvas');
  canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, img.width, img.height).data;
  let ink = 0, coloured = 0;
  for (let i = 0; i < px.length; i += 4) {
    const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
    if (r < 240 || g < 240 || b < 240) ink++;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
  }
  return { ink, coloured, total: px.length / 4 };
}"""


def open_dashboard(page, server_url, a, b, extra=""):
    page.goto(f"{server_url}/?a={a}&b={b}{extra}")
    page.wait_for_selector(f'body[data-loaded="{a}-{b}"]')


def ink(browser, png: bytes) -> dict:
    # Count pixels in a blank page of its own (no CSP there), so the dashboard's page stays untouched.
    scratch = browser.new_page()
    try:
        return scratch.evaluate(COUNT_INK, "data:image/png;base64," + base64.b64encode(png).decode())
    finally:
        scratch.close()


def test_dashboard_shows_the_dyad(page, server_url):
    open_dashboard(page, server_url, "RUS", "CUB")
    sentences = page.locator(f"{ROWS} td:last-child").all_text_contents()
    for sentence in (PHONE, ENDORSE, VISIT, CRITICISE):
        assert sentence in sentences
    assert page.locator("#chart rect.bar").count() == 3  # Feb, Mar and Jun have events
    assert page.locator("#chart polyline.goldstein").count() == 1
    assert page.locator("#network circle.node").count() == 7
    assert page.locator("#network circle.node.side").count() == 2
    assert page.locator("#map circle.place").count() == 1  # Havana
    assert page.locator("#map path.land").count() > 100  # the world outline loaded
    assert page.locator("#dominance").is_hidden()
    assert "4 event(s) in 5 report(s)" in page.locator("#dyad-totals").text_content()
    outlets = page.locator(f"{ROWS} td:nth-child(7)").all_text_contents()
    assert "Wire Sample, credited to TASS" in outlets and "Island Daily" in outlets
    assert page.js_errors == [] and page.console_errors == []


def test_chart_renders_with_data(page, browser, server_url, tmp_path):
    open_dashboard(page, server_url, "RUS", "CUB")
    full = page.locator("#chart svg").screenshot(path=str(tmp_path / "chart.png"))
    open_dashboard(page, server_url, "CHN", "CUB")  # a pair with no events: an empty chart
    empty = page.locator("#chart svg").screenshot(path=str(tmp_path / "empty-chart.png"))
    with_data, without = ink(browser, full), ink(browser, empty)
    assert with_data["coloured"] > 0.05 * with_data["total"]  # the bars are there, in colour
    assert without["coloured"] < 0.01 * without["total"]
    assert with_data["ink"] > 3 * without["ink"]


def test_a_row_opens_the_article_with_the_evidence_highlighted(page, server_url):
    open_dashboard(page, server_url, "RUS", "CUB", "&direction=one-way")
    page.locator(ROWS, has_text="spoke by phone with Raul Castro").click()
    page.wait_for_selector("#article mark.evidence")
    assert page.locator("#article-title").text_content() == "Medvedev phones Castro"
    assert page.locator("#article mark.evidence").text_content() == PHONE
    assert page.locator("#article mark.evidence strong.trigger").text_content() == "spoke by phone"
    assert page.locator("#article mark.other-evidence").text_content() == ENDORSE
    assert page.locator("#article-link a").get_attribute("href") == "https://example.org/rus-cub-call"


def test_a_bar_lists_the_events_behind_it(page, server_url):
    open_dashboard(page, server_url, "RUS", "CUB")
    page.locator("#chart rect.bar.verbal_conflict").click()
    expect(page.locator(ROWS)).to_have_count(1)
    assert page.locator(f"{ROWS} td:last-child").text_content() == CRITICISE
    assert "verbal conflict" in page.locator("#events-filter").text_content()
    page.locator("#clear-filter").click()
    expect(page.locator(ROWS)).to_have_count(4)


def test_choosing_countries_and_dates(page, server_url):
    open_dashboard(page, server_url, "RUS", "CUB")
    page.select_option("#side-b", "UKR")
    page.fill("#since", "2023-01-01")
    page.fill("#until", "2023-12-31")
    page.click("#show")
    page.wait_for_selector('body[data-loaded="RUS-UKR"]')
    page.wait_for_selector(f"{ROWS} >> text=Russian forces shelled Kharkiv")
    assert page.locator("#chart rect.bar.material_conflict").count() == 1
    assert "b=UKR" in page.url and "since=2023-01-01" in page.url


def test_article_text_cannot_run_script(page, server_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_dashboard(page, server_url, "USA", "CHN")
    page.locator(ROWS).first.click()
    page.wait_for_selector("#article mark.evidence")
    page.wait_for_timeout(300)  # give an injected onerror handler the time it would need
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    # The markup arrived as text: visible, and not one element made from it.
    assert "<script>window.__pwned=2</script>" in page.locator("#article-text").text_content()
    assert "<img" in page.locator("#article-title").text_content()
    assert page.locator("#article-text script, #article-text img, #article-title img").count() == 0
    assert page.locator("#events img, #events script").count() == 0
    assert page.locator("#article-link a").count() == 0  # a javascript: URL is never a link
    assert "<i>Anon</i>" in page.locator("#dominance").text_content()
    assert page.js_errors == [] and page.console_errors == []


def test_without_a_pair_the_busiest_pair_is_shown(page, server_url):
    page.goto(server_url + "/")
    # CUB -> RUS and RUS -> CUB have 2 events each, the most of any edge; ties go alphabetically.
    page.wait_for_selector('body[data-loaded="CUB-RUS"]')
    assert page.locator("#side-a").input_value() == "CUB"
    assert page.locator(ROWS).count() == 4


def test_an_event_lists_every_report_and_opens_each(page, server_url):
    open_dashboard(page, server_url, "RUS", "CUB")
    page.locator(ROWS, has_text="spoke by phone with Raul Castro").click()
    expect(page.locator("#reports button")).to_have_count(2)
    page.locator("#reports button", has_text="A birthday call").click()
    expect(page.locator("#article-title")).to_have_text("A birthday call")
    expect(page.locator("#article mark.evidence")).to_have_text(PHONE_AGAIN)
    # The list is drawn again for the article now open: its own report is the one not to click.
    expect(page.locator("#reports button[disabled]")).to_contain_text("Other Wire")


def test_top_partners_of_side_a(page, server_url):
    open_dashboard(page, server_url, "RUS", "CUB")
    partners = page.locator("#partners tbody tr")
    assert partners.locator("td:first-child").all_text_contents() == ["CUB", "UKR"]
    partners.nth(1).click()
    page.wait_for_selector('body[data-loaded="RUS-UKR"]')
