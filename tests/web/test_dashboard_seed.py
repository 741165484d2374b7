"""Issue 7's acceptance check, in the browser: after `eventwire ingest` of the shared seed article, the
dashboard shows the Russia-Cuba phone call, the endorsement and the Havana visit, each opening the article
with its evidence sentence highlighted. Every part is real: the CLI, spaCy, DuckDB, uvicorn and chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_dashboard import ink

from conftest import serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed" / "article.txt"
ROWS = "#events tbody tr[data-event-id]"

PHONE = "spoke by phone with Raul Castro"
ENDORSE = "Officials in Havana responded by endorsing Moscow"
VISIT = (
    "Earlier in the year, the Russian side reported a notable visit to Havana when Security Council Secretary "
    "Nikolai Patrushev met with Cuban President Miguel D\u00edaz-Canel and Raul Castro, signaling the "
    "prioritization of strategic dialogue between Moscow and its Caribbean partners."
)


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    if not SEED.exists():
        pytest.skip(f"shared seed article not found at {SEED}")
    from typer.testing import CliRunner

    from eventwire.cli.app import app

    db = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(SEED), "--db", str(db), "--date", "2023-06-05"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def seed_url(seed_store):
    with serving(seed_store) as url:
        yield url


def cells(row) -> list[str]:
    return [" ".join(t.split()) for t in row.locator("td").all_text_contents()]


def find_rows(page, *, cameo: str, source: str, target: str, sentence: str) -> list[list[str]]:
    # Columns: date, source, event, target, Goldstein, reports, reported by, sentence.
    rows = [cells(page.locator(ROWS).nth(i)) for i in range(page.locator(ROWS).count())]
    return [r for r in rows if r[2].startswith(cameo) and source in r[1] and target in r[3] and sentence in r[7]]


def test_the_dashboard_shows_the_seed_dyad(page, browser, seed_url, tmp_path):
    page.goto(f"{seed_url}/?a=RUS&b=CUB")
    page.wait_for_selector('body[data-loaded="RUS-CUB"]')
    assert page.locator("#side-a").input_value() == "RUS" and page.locator("#side-b").input_value() == "CUB"

    # The timeline has data: cooperation bars, at least in June 2023 (the phone call's month).
    assert page.locator("#chart rect.bar").count() >= 2
    assert page.locator('#chart rect.bar[data-period="2023-06-01"]').count() >= 1
    assert page.locator("#chart rect.bar.verbal_conflict, #chart rect.bar.material_conflict").count() == 0
    assert page.locator("#chart polyline.goldstein").count() == 1
    assert "no events" not in page.locator("#dyad-totals").text_content()

    # Every report credits TASS: the analyst is warned.
    assert page.locator("#dominance").is_visible()
    assert "TASS" in page.locator("#dominance").text_content()

    # The three events of the issue, each with its sentence.
    assert find_rows(page, cameo="041", source="Medvedev", target="Castro", sentence=PHONE)
    assert find_rows(page, cameo="051", source="Havana", target="", sentence=ENDORSE)
    assert find_rows(page, cameo="042", source="Patrushev", target="D\u00edaz-Canel", sentence=VISIT)
    assert find_rows(page, cameo="043", source="D\u00edaz-Canel", target="Patrushev", sentence=VISIT)
    for row in page.locator(ROWS).all():
        assert "credited to TASS" in cells(row)[6]

    # The visit's row opens the article with the evidence sentence highlighted and its trigger marked.
    page.locator(ROWS).filter(has_text="042 Make a visit").filter(has_text="Patrushev").first.click()
    page.wait_for_selector("#article mark.evidence")
    assert page.locator("#article").is_visible()
    assert page.locator("#article mark.evidence").text_content() == VISIT
    assert page.locator("#article mark.evidence strong.trigger").text_content() in VISIT
    article = page.locator("#article-text").text_content()
    assert PHONE in article and ENDORSE in article  # the whole article, not only the sentence
    assert article.count(VISIT) == 1
    # The reports list marks only the report now open, even when one article holds several of them.
    # It is filled by its own request after the article shows: wait for it rather than race it.
    page.wait_for_selector("#reports button[disabled]")
    assert page.locator("#reports button").count() >= 1
    assert page.locator("#reports button[disabled]").count() == 1
    assert "Patrushev" in page.locator("#reports button[disabled]").text_content()

    shot = page.screenshot(path=str(tmp_path / "seed-dashboard.png"), full_page=True)
    assert (tmp_path / "seed-dashboard.png").stat().st_size > 0
    painted = ink(browser, shot)
    assert painted["ink"] > 0.05 * painted["total"]  # not a blank page
    assert painted["coloured"] > 0.005 * painted["total"]  # the chart's bars, the map and the highlight
    chart = ink(browser, page.locator("#chart svg").screenshot(path=str(tmp_path / "seed-chart.png")))
    assert chart["coloured"] > 0.02 * chart["total"]  # the bars are there, in colour
    assert page.js_errors == [] and page.console_errors == []
