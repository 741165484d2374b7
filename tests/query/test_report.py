"""The dyad report (terminal text and self-contained HTML) and the `eventwire dyad` command."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from relations_store import ENDORSE, INJECTION_SENTENCE, PHONE, PHONE_AGAIN, VISIT
from typer.testing import CliRunner

from eventwire.cli.app import app
from eventwire.errors import StoreError
from eventwire.query import dyad_profile
from eventwire.report import dyad_report, render_html, render_text, trend_svg
from eventwire.report.text import clean


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_text_report_shows_events_sentences_speakers_and_outlets(store_path):
    text = dyad_report(store_path, "RUS", "CUB").text(width=400)
    assert "Russia (RUS) <-> Cuba (CUB)" in text
    for sentence in (PHONE, PHONE_AGAIN, ENDORSE, VISIT):
        assert sentence in text
    assert "Dmitry Medvedev [RUSGOV]" in text and "Miguel Díaz-Canel [CUBGOV]" in text
    assert "credited sources: TASS 3, Kremlin 1" in text
    assert "2023-06-01" in text and "WARNING" not in text


def test_one_way_report_warns_when_one_outlet_dominates(store_path):
    text = dyad_report(store_path, "RUS", "CUB", both_directions=False).text()
    assert "Russia (RUS) -> Cuba (CUB)" in text
    assert "WARNING: TASS is behind 2 of 3 reports (67%)" in text
    assert ENDORSE not in text  # Cuba -> Russia is the other direction


def test_report_for_a_pair_without_events(store_path):
    assert "No events between CHN and CUB" in dyad_report(store_path, "CHN", "CUB").text()


def test_terminal_text_drops_control_characters():
    assert clean("\x1b[31mred\x1b[0m\x07 text") == "[31mred [0m text"


def test_html_report_is_self_contained_and_escaped(con):
    profile = dyad_profile(con, "USA", "CHN")
    html = render_html(profile, names={"USA": "United States", "CHN": "China"})
    tags = parse(html)
    names = [t for t, _ in tags]
    assert "script" not in names and "img" not in names and "link" not in names
    assert not any(attrs.get("src") for _, attrs in tags)
    # The article's URL is javascript:...; it must not become a link.
    assert not [a for t, a in tags if t == "a"]
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in html
    assert "&lt;i&gt;Anon&lt;/i&gt;" in html  # the dominance warning names the outlet, escaped
    metas = [a for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    csp = metas[0]["content"]
    assert "default-src 'none'" in csp
    assert INJECTION_SENTENCE not in html


def test_html_report_chart_has_bars_and_a_goldstein_line(con):
    html = render_html(dyad_profile(con, "RUS", "CUB"))
    tags = parse(html)
    bars = [a for t, a in tags if t == "rect" and a.get("class", "").endswith(("cooperation", "conflict"))]
    assert {a["class"] for a in bars} == {"verbal_cooperation", "verbal_conflict"}
    assert len(bars) == 3  # Feb, Mar, Jun have events; Apr and May are empty
    assert any(t == "polyline" for t, _ in tags)
    links = [a["href"] for t, a in tags if t == "a"]
    assert "https://example.org/rus-cub-visit" in links


def test_empty_chart_says_so():
    assert "no dated events" in trend_svg({"points": []})


def test_render_text_and_html_from_a_profile(con):
    profile = dyad_profile(con, "RUS", "UKR")
    assert "Russia [RUSMIL] -> Ukraine [UKR]" in render_text(profile)
    assert "Russian forces shelled Kharkiv" in render_html(profile)


runner = CliRunner()


def test_dyad_command_prints_and_writes_html(store_path, tmp_path):
    out = tmp_path / "report.html"
    args = ["dyad", "RUS", "CUB", "--db", str(store_path), "--by", "week", "--html", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert PHONE in result.stdout and "Trend by week" in result.stdout
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_dyad_command_filters_dates_and_direction(store_path):
    result = runner.invoke(
        app, ["dyad", "RUS", "CUB", "--db", str(store_path), "--since", "2023-06-01", "--until", "2023-06-30",
              "--one-way"],
    )
    assert result.exit_code == 0, result.output
    assert PHONE in result.stdout and VISIT not in result.stdout and ENDORSE not in result.stdout


@pytest.mark.parametrize("args", [["--since", "yesterday"], ["--by", "fortnight"], ["--until", "2023-02-30"]])
def test_dyad_command_rejects_bad_options(store_path, args):
    result = runner.invoke(app, ["dyad", "RUS", "CUB", "--db", str(store_path), *args])
    assert result.exit_code != 0


def test_dyad_command_on_a_missing_store(tmp_path):
    result = runner.invoke(app, ["dyad", "RUS", "CUB", "--db", str(tmp_path / "none.duckdb")])
    assert isinstance(result.exception, StoreError)


def test_chart_labels_do_not_crowd_a_long_series():
    points = [
        {"period": f"{2000 + i // 12}-{i % 12 + 1:02d}-01", "events": 1, "verbal_cooperation": 1,
         "material_cooperation": 0, "verbal_conflict": 0, "material_conflict": 0, "goldstein_mean": 1.0}
        for i in range(120)
    ]
    svg = trend_svg({"points": points}, width=760)
    labels = [a for t, a in parse(svg) if t == "text" and a.get("font-size") == "10"]
    assert 2 <= len(labels) <= (760 - 88) // 70 + 1
    assert len([a for t, a in parse(svg) if t == "rect" and a.get("class") == "verbal_cooperation"]) == 120
