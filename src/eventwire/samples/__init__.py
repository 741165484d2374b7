"""Bundled sample articles: short wire-style stories written by the eventwire developers for the demo and tests."""

from __future__ import annotations

import json
from importlib.resources import files

from ..ingest.normalise import parse_date
from ..model import Article

SAMPLE_FILE = "articles.jsonl"


def sample_path():
    return files(__name__).joinpath(SAMPLE_FILE)


def load_sample_articles() -> list[Article]:
    articles = []
    for line in sample_path().read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        articles.append(
            Article(
                id=rec["id"],
                text=rec["text"],
                title=rec.get("title"),
                date=parse_date(rec.get("date")),
                url=rec.get("url"),
                publisher=rec.get("publisher"),
                source_path=f"samples/{SAMPLE_FILE}",
            )
        )
    return articles
