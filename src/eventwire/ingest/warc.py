"""Web archives (.warc, .warc.gz): every HTML response becomes an article, its main text extracted.

Requests, redirects, images, scripts and error pages are not articles and are passed over silently; an HTML
page with no extractable text, or a damaged archive, is reported with its place.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path

from ..errors import InputError, MalformedInputError
from ..model import Article
from .html import extract_article

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc_file(path: Path, default_date: Date | None) -> Iterator[Article | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot open: {exc.strerror}")
        return
    number = 0
    with stream:
        try:
            # Digests catch a record cut short (a truncated download), which would otherwise read as a
            # shorter article without a word of warning.
            records = ArchiveIterator(stream, check_digests=True)
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if status != "200" or not ctype.startswith(HTML_TYPES):
                    continue
                number += 1
                uri = record.rec_headers.get_header("WARC-Target-URI") or None
                where = f"{path}#{uri or number}"
                body = record.content_stream().read()
                problem = _damage(record)
                if problem:
                    yield MalformedInputError(where, f"damaged record ({problem}); page skipped")
                    continue
                try:
                    yield extract_article(
                        body,
                        where=where,
                        article_id=uri or f"{path.name}-{number}",
                        url=uri,
                        default_date=default_date,
                    )
                except InputError as err:
                    yield err
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            # A truncated or corrupt archive: what was read before the damage has been yielded already.
            # The message may quote the bad bytes: keep it short and printable.
            detail = "".join(ch if ch.isprintable() else "?" for ch in str(exc))[:120]
            yield MalformedInputError(str(path), f"damaged or not a WARC after {number} page(s): {detail}")
            return
    if number == 0:
        yield MalformedInputError(str(path), "no HTML responses in the archive")


def _damage(record) -> str | None:
    """Why a fully read record cannot be trusted, or None. A record whose digest was never checked although
    it carries one ended before its stated length."""
    checker = getattr(record, "digest_checker", None)
    if checker is None:
        return None
    if checker.passed is False:
        return "; ".join(checker.problems) or "digest mismatch"
    has_digest = record.rec_headers.get_header("WARC-Payload-Digest") or record.rec_headers.get_header(
        "WARC-Block-Digest"
    )
    if checker.passed is None and has_digest:
        return "cut short before its stated length"
    return None
