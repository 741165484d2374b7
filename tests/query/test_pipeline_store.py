"""From text to report with every real part: the spaCy pipeline, the coder, the writer, the queries."""

from __future__ import annotations

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
