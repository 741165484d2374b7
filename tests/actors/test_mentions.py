"""Data-driven: every mention in mentions.tsv resolves to the expected code, country, sector and name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

CASES_FILE = Path(__file__).with_name("mentions.tsv")


def load_cases() -> list[dict[str, str]]:
    rows = [line.split("\t") for line in CASES_FILE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    return [dict(zip(header, r, strict=True)) for r in body]


CASES = load_cases()


def test_the_case_file_is_big_enough():
    assert len(CASES) >= 200
    assert len({c["kind"] for c in CASES}) >= 20


@pytest.mark.parametrize("case", CASES, ids=[f"{c['mention']}@{c['date'] or '-'}" for c in CASES])
def test_mention_resolves(case, resolver, nlp):
    date = dt.date.fromisoformat(case["date"]) if case["date"] else None
    res = resolver.resolve_text(case["mention"], date=date)
    a = res.actor
    for field in ("code", "country", "sector", "name"):
        want = case[field]
        if want == "*":
            continue
        got = getattr(a, field)
        assert (got or "") == want, f"{field}: got {got!r}, want {want!r}; why: {res.why}"
    if case["actor"] != "*":
        assert res.is_actor is (case["actor"] == "yes"), res.why
    assert a.text == case["mention"].strip()
    assert res.why and res.why[-1].startswith("result:")
