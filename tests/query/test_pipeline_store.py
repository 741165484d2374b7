"""From text to report with every real part: the spaCy pipeline, the coder, the writer, the queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.report import dyad_report


@pytest.mark.slow
def test_bundled_samples_make_a_russia_cuba_report(tmp_path):
    from eventwire.samples import load_sample_articles
    from eventwire.store import ingest_articles

    db = tmp_path / "samples.duckdb"
    ingest_articles(load_sample_articles(), db=db, workers=1)
    report = dyad_report(db, "RUS", "CUB")
    text = report.text(width=1000)
    # The phone call of the rus-cub-phone sample, with its sentence and its source.
    assert "041 Discuss by telephone" in text
    assert "spoke by phone with Raul Castro" in text
    assert "credited to TASS" in text
    assert report.profile["totals"]["events"] >= 2
    assert "<svg" in report.html()


SEED = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed" / "article.txt"


@pytest.mark.slow
@pytest.mark.skipif(not SEED.exists(), reason=f"shared seed article not found at {SEED}")
def test_seed_article_through_ingest_and_dyad(tmp_path):
    """The issue's acceptance check: ingest the seed article, then `eventwire dyad RUS CUB` shows the phone
    call, the endorsement and the Havana visit with their sentences."""
    from typer.testing import CliRunner

    from eventwire.cli.app import app

    db = str(tmp_path / "seed.duckdb")
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(SEED), "--db", db, "--date", "2023-06-05"])
    assert ingested.exit_code == 0, ingested.output
    result = runner.invoke(app, ["dyad", "RUS", "CUB", "--db", db])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())  # undo the wrapping
    assert "spoke by phone with Raul Castro" in text  # the phone call
    assert "responded by endorsing Moscow" in text  # the endorsement
    assert "visit to Havana" in text  # the Havana visit
    assert "WARNING: TASS is behind" in text  # every report credits TASS
