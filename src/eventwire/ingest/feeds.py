"""RSS and Atom feed files: one article per entry (its full content when the feed carries it, else its
summary), with the entry's title, link, date and the feed's title as publisher."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date as Date
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError, MalformedInputError, TooLargeInputError
from ..model import Article

MAX_FEED_BYTES = 50_000_000

_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}


class _TextOnly(HTMLParser):
    """Feed bodies are HTML fragments; keep their text, with paragraph breaks, and drop scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_fragment_text(fragment: str) -> str:
    parser = _TextOnly()
    parser.feed(fragment)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_date(entry) -> Date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return Date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def _entry_text(entry) -> str:
    bodies = [c.get("value", "") for c in entry.get("content", []) or []]
    body = max(bodies, key=len) if bodies else ""
    summary = entry.get("summary", "") or ""
    return html_fragment_text(body if len(body) >= len(summary) else summary)


def read_feed_file(path: Path, default_date: Date | None) -> Iterator[Article | InputError]:
    """.rss .atom .xml: every entry with text becomes an article; an entry without text is an error."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot open: {exc.strerror}")
        return
    if len(data) > MAX_FEED_BYTES:
        yield TooLargeInputError(
            str(path), f"too large ({len(data):,} bytes; the limit is {MAX_FEED_BYTES:,})"
        )
        return
    import feedparser

    # Parse the bytes we read: feedparser must never fetch a URL named in the file.
    feed = feedparser.parse(data)
    version = feed.get("version") or ""
    if not feed.entries and (feed.get("bozo") or not version):
        reason = feed.get("bozo_exception") or "no RSS or Atom entries"
        yield MalformedInputError(str(path), f"not an RSS/Atom feed ({reason})")
        return
    publisher = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{path}#{number}"
        text = _entry_text(entry)
        if not text.strip():
            yield MalformedInputError(where, "feed entry has no text (no content or summary)")
            continue
        link = entry.get("link") or None
        yield Article(
            id=entry.get("id") or link or f"{path.stem}-{number}",
            text=text,
            title=html_fragment_text(entry.get("title", "")) or None,
            date=_entry_date(entry) or default_date,
            url=link,
            publisher=publisher,
            source_path=where,
        )
