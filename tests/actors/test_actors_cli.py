"""`eventwire actors`: shows the resolution and its steps; bad flags give one clear line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from eventwire.cli.app import app

runner = CliRunner()


def test_text_output_shows_code_and_steps(nlp):
    result = runner.invoke(app, ["actors", "Kremlin spokesman Dmitry Peskov", "--date", "2023-11-20"])
    assert result.exit_code == 0, result.output
    assert "code:     RUSGOV" in result.output
    assert "why:" in result.output and "Kremlin spokesman" in result.output


def test_json_output(nlp):
    result = runner.invoke(app, ["actors", "Dmitry Medvedev", "--date", "2010-01-01", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["actor"]["code"] == "RUSGOV"
    assert any("president" in step for step in payload["why"])


def test_bad_date_fails_cleanly():
    result = runner.invoke(app, ["actors", "Russia", "--date", "yesterday"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_bad_actor_file_fails_cleanly(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("nothing here\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "Russia", "--actors", str(bad)])
    assert result.exit_code != 0
    assert "bad.tsv" in result.output


def test_user_file_is_used(tmp_path, nlp):
    mine = tmp_path / "mine.tsv"
    mine.write_text("# kind: people\n# source: test\nname\tcountry\tsector\nRaila Odinga\tKEN\tOPP\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["actors", "Raila Odinga", "--actors", str(mine), "--json"])
    assert json.loads(result.output)["actor"]["code"] == "KENOPP"
