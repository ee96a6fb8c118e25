"""JSON Lines dumps (plain or gzip): one article object per line, read a line at a time."""
from __future__ import annotations

import gzip
import io
import json
import zlib
from typing import Iterator

from ..errors import BadMetadata, EmptyInput, KhoborError, MalformedContainer, MalformedRecord
from ..inputs import check_bengali, decode_bytes
from .dates import iso_date
from .record import Problem, Record, attempt, too_large
from .sniff import GZIP_MAGIC, head_of

__all__ = ["FIELDS", "read_jsonl"]

#: Record fields a JSONL line can carry; `fields` maps them to the file's own keys.
FIELDS = ("text", "title", "url", "published", "outlet")
_BROKEN_STREAM = (OSError, EOFError, zlib.error)  # a truncated or corrupt gzip stream


def read_jsonl(stream: io.BufferedReader, where: str, *, fields: dict[str, str] | None = None,
               max_bytes: int) -> Iterator[Record | Problem]:
    """Yield a Record or a Problem per non-blank line ('file:LINE'); a broken gzip stream ends it with E110."""
    keys = {name: (fields or {}).get(name, name) for name in FIELDS}
    if head_of(stream, 2) == GZIP_MAGIC:
        stream = gzip.GzipFile(fileobj=stream, mode="rb")
    seen = False
    for here, line in _lines(stream, where, max_bytes):
        if isinstance(line, bytes) and not line.strip():
            continue
        seen = True
        if isinstance(line, KhoborError):
            yield Problem.of(line)
            continue
        yield attempt(lambda: _record(line, here, keys))
    if not seen:
        yield Problem.of(EmptyInput("has no JSON lines; pass a file with one article object per line",
                                    where=where))


def _lines(stream: io.BufferedIOBase, where: str, max_bytes: int) -> Iterator[tuple[str, bytes | KhoborError]]:
    """Yield ('file:LINE', the line's bytes or the error for that line), never holding more than one line."""
    number = 0
    while True:
        number += 1
        here = f"{where}:{number}"
        try:
            line = stream.readline(max_bytes + 1)
            too_long = len(line) > max_bytes and not line.endswith(b"\n")
            while too_long and line and not line.endswith(b"\n"):  # skip the rest of the over-long line
                line = stream.readline(1 << 16)
        except _BROKEN_STREAM as exc:
            yield here, MalformedContainer(
                f"the gzip stream breaks off here ({exc}); the lines before were read; re-download or "
                "re-compress the file", where=here)
            return
        if too_long:
            yield here, too_large(here, max_bytes)
        elif line:
            yield here, line
        else:
            return


def _record(line: bytes, where: str, keys: dict[str, str]) -> Record:
    """Return the Record on one JSONL line, or raise a coded error saying what is wrong with it."""
    try:
        item = json.loads(decode_bytes(line, where))
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"is not JSON ({exc.msg} at column {exc.colno}); fix the line or remove it",
                              where=where) from None
    if not isinstance(item, dict):
        raise MalformedRecord(f"is a JSON {type(item).__name__}, not an object; write one object per line, "
                              'e.g. {"text": "...", "title": "..."}', where=where)
    text = item.get(keys["text"])
    if text is None:
        raise MalformedRecord(f"has no {keys['text']!r} field (it has {', '.join(map(repr, list(item)[:8]))}); "
                              "map the field that holds the article text, e.g. text=body", where=where)
    if not isinstance(text, str):
        raise MalformedRecord(f"has a {type(text).__name__} in {keys['text']!r}, not the article text; map the "
                              "field that holds the text, e.g. text=body", where=where)
    check_bengali(text, where)
    published = item.get(keys["published"])
    date = iso_date(published)
    if published not in (None, "") and date is None:
        raise BadMetadata(f"has {keys['published']!r} {published!r}, not a date; write YYYY-MM-DD (an ISO "
                          "date-time or an RFC 822 date also works)", where=where)
    return Record(text=text, where=where, title=_string(item.get(keys["title"])),
                  url=_string(item.get(keys["url"])), published=date, outlet=_string(item.get(keys["outlet"])))


def _string(value: object) -> str | None:
    """Return a metadata value as a non-empty string (numbers written out), or None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return (value.strip() or None) if isinstance(value, str) else None
