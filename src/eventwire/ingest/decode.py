"""Turning bytes into text, or a clear reason why not."""

from __future__ import annotations

from ..errors import BinaryInputError, EmptyInputError, EncodingInputError, TooLargeInputError

# One article or one line over this is not news text; refusing it keeps one bad file from eating memory.
MAX_ARTICLE_BYTES = 5_000_000


def decode_text(data: bytes, *, where: str, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    """Decode UTF-8 (with or without BOM); raise an InputError naming `where` and the reason."""
    if len(data) > max_bytes:
        raise TooLargeInputError(where, f"too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    if not data.strip():
        raise EmptyInputError(where, "empty (no text to code)")
    # NUL bytes never occur in text; a few in the first 8 KB mean a binary file.
    head = data[:8192]
    if b"\x00" in head:
        raise BinaryInputError(where, "binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingInputError(
            where, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-encode it as UTF-8"
        ) from None
    return text
