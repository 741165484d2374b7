"""HTML pages: the main text (boilerplate, menus and comments removed) with trafilatura, plus its metadata.

trafilatura is imported on first use, so reading .txt or .jsonl never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path

from ..errors import EmptyInputError, InputError, TooLargeInputError
from ..model import Article
from .decode import MAX_ARTICLE_BYTES
from .normalise import parse_date

# A page is bigger than its text (markup, scripts): allow more bytes than for a plain article.
MAX_HTML_BYTES = 4 * MAX_ARTICLE_BYTES
MIN_WORDS = 5


def extract_article(
    data: bytes, *, where: str, article_id: str, url: str | None = None, default_date: Date | None = None
) -> Article:
    """One HTML page -> Article with its main text, title, publication date, site name and URL."""
    if len(data) > MAX_HTML_BYTES:
        raise TooLargeInputError(where, f"too large ({len(data):,} bytes; the limit is {MAX_HTML_BYTES:,})")
    if not data.strip():
        raise EmptyInputError(where, "empty (no HTML)")
    import trafilatura

    doc = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,  # reader comments are not the article's reporting
        include_tables=False,
        # Only a date the page states: a guess from the URL or the file time would misdate events.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    # A few words are a menu or a button label that the fallback extractors kept, not an article.
    if len(text.split()) < MIN_WORDS:
        raise EmptyInputError(where, "no article text found in the HTML (only navigation or boilerplate)")
    return Article(
        id=article_id,
        text=text,
        title=getattr(doc, "title", None) or None,
        date=parse_date(getattr(doc, "date", None)) or default_date,
        url=url or getattr(doc, "url", None) or None,
        publisher=getattr(doc, "sitename", None) or None,
        source_path=where,
    )


def read_html_file(path: Path, default_date: Date | None) -> Iterator[Article | InputError]:
    """A .html/.htm file is one article: its main text, extracted."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot open: {exc.strerror}")
        return
    try:
        yield extract_article(data, where=str(path), article_id=path.stem, default_date=default_date)
    except InputError as err:
        yield err
