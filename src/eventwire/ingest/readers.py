"""Read articles from files, directories and standard input.

Every reader yields `Article`s, or an `InputError` for what it could not read, so one bad file or line is
reported with its place and reason while the rest of the batch goes on.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date as Date
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError, MalformedInputError, UnsupportedInputError
from ..model import Article
from .decode import decode_text
from .normalise import parse_date

Item = Article | InputError
Reader = Callable[[Path, "Date | None"], Iterator[Item]]

# csv's default field limit (128 KB) is smaller than a long article.
csv.field_size_limit(sys.maxsize)


def read_text_file(path: Path, default_date: Date | None) -> Iterator[Item]:
    """A .txt file is one article; its publication date comes from --date, else it is unknown."""
    try:
        text = decode_text(path.read_bytes(), where=str(path))
    except InputError as err:
        yield err
        return
    yield Article(id=path.stem, text=text, date=default_date, source_path=str(path))


def article_from_record(rec: Any, *, where: str, fallback_id: str, default_date: Date | None) -> Item:
    if not isinstance(rec, dict):
        return MalformedInputError(where, f"expected an object with 'id' and 'text', got {type(rec).__name__}")
    text = rec.get("text")
    if not isinstance(text, str):
        return MalformedInputError(where, "no 'text' field (a string) in the record")
    if not text.strip():
        return MalformedInputError(where, "empty 'text' (nothing to code)")
    raw_id = rec.get("id")
    art_id = str(raw_id) if raw_id not in (None, "") else fallback_id
    return Article(
        id=art_id,
        text=text,
        title=rec.get("title") or None,
        date=parse_date(rec.get("date")) or default_date,
        url=rec.get("url") or None,
        publisher=rec.get("publisher") or None,
        source_path=where,
        dateline=rec.get("dateline") or None,
    )


def read_jsonl_file(path: Path, default_date: Date | None) -> Iterator[Item]:
    """One article per line: id, text, and optional title, date, url, publisher."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot open: {exc.strerror}")
        return
    seen_any = False
    with handle:
        for lineno, raw in enumerate(handle, start=1):
            where = f"{path}:{lineno}"
            if not raw.strip():
                continue
            seen_any = True
            try:
                line = decode_text(raw, where=where)
                rec = json.loads(line)
            except InputError as err:
                yield err
                continue
            except json.JSONDecodeError as exc:
                yield MalformedInputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
                continue
            yield article_from_record(rec, where=where, fallback_id=f"{path.stem}-{lineno}", default_date=default_date)
    if not seen_any:
        yield MalformedInputError(str(path), "empty (no JSON lines)")


def read_csv_file(path: Path, default_date: Date | None) -> Iterator[Item]:
    """A CSV with a header row naming at least 'text' (and usually 'id')."""
    try:
        text = decode_text(path.read_bytes(), where=str(path), max_bytes=2_000_000_000)
    except InputError as err:
        yield err
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield MalformedInputError(str(path), f"no 'text' column in the header (found: {reader.fieldnames})")
        return
    try:
        for rowno, row in enumerate(reader, start=2):
            yield article_from_record(
                row, where=f"{path}:{rowno}", fallback_id=f"{path.stem}-{rowno}", default_date=default_date
            )
    except csv.Error as exc:
        yield MalformedInputError(f"{path}:{reader.line_num}", f"malformed CSV ({exc})")


# Suffix -> reader. Ingest adds richer kinds (html, feeds, WARC) by registering here.
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".csv": read_csv_file,
}
SUPPORTED_SUFFIXES = READERS  # a live view: registered kinds count as supported


def register_reader(suffix: str, reader: Reader) -> None:
    READERS[suffix.lower()] = reader


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):  # longest first: '.warc.gz' before '.gz'
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def read_path(path: Path, default_date: Date | None = None) -> Iterator[Item]:
    """Read a file (by suffix) or a directory (recursively, in name order)."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            # Inside a directory, files of unknown kinds (.DS_Store, README.md) are not inputs.
            if suffix_of(child) in READERS and not child.name.startswith("."):
                yield from read_path(child, default_date)
        return
    if not path.exists():
        yield InputError(str(path), "no such file or directory")
        return
    reader = READERS.get(suffix_of(path))
    if reader is None:
        if path.suffix:
            yield UnsupportedInputError(
                str(path), f"unsupported kind {path.suffix!r} (supported: {', '.join(sorted(READERS))})"
            )
            return
        reader = read_text_file  # a bare name like 'story' is taken as text
    yield from reader(path, default_date)


def read_stream(stream: BinaryIO, *, name: str = "<stdin>", default_date: Date | None = None) -> Iterator[Item]:
    """Standard input is one article, like a .txt file."""
    try:
        text = decode_text(stream.read(), where=name)
    except InputError as err:
        yield err
        return
    yield Article(id="stdin", text=text, date=default_date, source_path=name)


def read_inputs(
    inputs: Iterable[str | Path], *, default_date: Date | None = None, stdin: BinaryIO | None = None
) -> Iterator[Item]:
    """Read every input in order; '-' means standard input."""
    for item in inputs:
        if str(item) == "-":
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer, default_date=default_date)
        else:
            yield from read_path(Path(item), default_date)
