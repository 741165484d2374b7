"""PLOVER JSON lines: one deduplicated event a line, in the event contract's field names, with its mentions.

Each line is `Event.to_dict()` of the event's first report (same fields as `eventwire code` writes) plus
`mention_count`, `article_count`, `source_count` and `mentions`: every article that reported it, with the
evidence sentence and trigger offsets in that article.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..store.rows import event_from_row


def plover_record(event: dict[str, Any], mentions: Iterable[dict[str, Any]]) -> dict[str, Any]:
    record = event_from_row(event, event_id=event["event_id"]).to_dict()
    record["mention_count"] = event["mention_count"]
    record["article_count"] = event["article_count"]
    record["source_count"] = event["source_count"]
    record["mentions"] = [
        {
            "mention_id": m["mention_id"],
            "article_id": m["article_id"],
            "sentence": m["sentence"],
            "date": m["date"].isoformat() if m["date"] else None,
            "publisher": m["publisher"],
            "url": m["url"],
            "attribution": m["attribution"],
            "source": m["source_text"],
            "target": m["target_text"],
            "cameo": m["cameo"],
            "confidence": m["confidence"],
            "rule": m["rule"],
            "evidence": event_from_row(m, event_id=m["mention_id"]).evidence.to_dict(),
        }
        for m in mentions
    ]
    return record


def write_plover(batches: Iterator[tuple[list[dict], dict[str, list[dict]]]], out: TextIO) -> int:
    count = 0
    for events, mentions in batches:
        for event in events:
            out.write(
                json.dumps(plover_record(event, mentions.get(event["event_id"], ())), ensure_ascii=False)
            )
            out.write("\n")
            count += 1
    return count
