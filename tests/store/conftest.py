"""Store tests that code real text share one loaded pipeline (per test process) and one corpus file."""

from __future__ import annotations

import json

import pytest

from eventwire.samples import load_sample_articles, sample_path


@pytest.fixture(scope="session")
def resources():
    from eventwire.engines.local import load_resources

    # The local engine's one-worker path reuses this same cached Resources in-process.
    return load_resources(None, ())


@pytest.fixture(scope="session")
def sample_jsonl():
    return sample_path()


@pytest.fixture(scope="session")
def corpus_jsonl(tmp_path_factory):
    """A few dozen distinct articles (the samples, each with a numbered closing line so every text differs):
    long enough to kill an ingest half way and to read the store while it is being written."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    samples = load_sample_articles()
    with path.open("w", encoding="utf-8") as out:
        for copy in range(4):
            for art in samples:
                out.write(
                    json.dumps(
                        {
                            "id": f"{art.id}-{copy}",
                            "text": f"{art.text}\nThis is copy {copy} of the report.",
                            "date": art.date.isoformat() if art.date else None,
                            "publisher": f"{art.publisher} {copy % 2}",
                            "url": art.url,
                            "title": art.title,
                        }
                    )
                    + "\n"
                )
    return path
