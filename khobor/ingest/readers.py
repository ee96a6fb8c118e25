"""Reading inputs of every format from files, folders and stdin: the one entry point, `read`."""
from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator

from ..errors import BadMetadata, EmptyInput, MissingInput, UnsupportedInput
from ..inputs import DEFAULT_MAX_BYTES, check_bengali, decode_bytes, read_article, split_title
from .feeds import read_feed
from .html import page_record
from .jsonl import FIELDS, read_jsonl
from .record import Problem, Record, attempt, too_large
from .sniff import Rejoined, SNIFF_BYTES, head_of, sniff_format
from .warc import read_warc

__all__ = ["read", "FORMATS", "EXTENSIONS"]

FORMATS = ("txt", "html", "jsonl", "warc", "feed")

#: File name endings and their formats; longer endings are tried first ('.warc.gz' before '.gz').
EXTENSIONS = {".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl", ".warc.gz": "warc", ".txt": "txt", ".html": "html",
              ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc",
              ".rss": "feed", ".atom": "feed", ".xml": "feed"}


@dataclass(frozen=True)
class _Options:
    fmt: str | None
    fields: dict[str, str] | None
    max_bytes: int
    stdin: BinaryIO | None


def read(paths: Iterable[str], *, fmt: str | None = None, fields: dict[str, str] | None = None,
         max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None) -> Iterator[Record | Problem]:
    """Yield a Record per article, or a Problem per bad item, from files, folders (recursive) and '-' (stdin).

    `fmt` (one of FORMATS) forces the format of every file; otherwise it follows the file name, and stdin or
    a file with another name is sniffed. `fields` maps JSONL record fields to the file's keys. A bad `fmt`
    or `fields` raises at once (UnsupportedInput, BadMetadata); bad input never raises, it yields Problems.
    """
    if fmt is not None and fmt not in FORMATS:
        raise UnsupportedInput(f"the format {fmt!r} is not one khobor reads; use one of {', '.join(FORMATS)}")
    unknown = sorted(set(fields or {}) - set(FIELDS))
    if unknown:
        raise BadMetadata(f"the field mapping names {', '.join(map(repr, unknown))}; map only "
                          f"{', '.join(FIELDS)} (e.g. text=body)")
    options = _Options(fmt, fields, max_bytes, stdin)
    return _read_paths([paths] if isinstance(paths, str) else paths, options)


def _read_paths(paths: Iterable[str], options: _Options) -> Iterator[Record | Problem]:
    """Yield what every path holds, in order."""
    for path in paths:
        if path == "-":
            stdin = options.stdin if options.stdin is not None else sys.stdin.buffer
            head = stdin.read(SNIFF_BYTES)
            stream = io.BufferedReader(Rejoined(head, stdin))
            yield from _read_stream(stream, "<stdin>", options.fmt or sniff_format(head), options)
        elif os.path.isdir(path):
            yield from _read_folder(path, options)
        elif os.path.exists(path):
            yield from _read_file(path, options.fmt or format_of(path), options)
        else:
            yield Problem.of(MissingInput("no such file or folder; check the path", where=path))


def format_of(name: str) -> str | None:
    """Return the format a file name's ending stands for, or None."""
    lower = name.lower()
    return next((fmt for ext, fmt in EXTENSIONS.items() if lower.endswith(ext)), None)


def _read_folder(folder: str, options: _Options) -> Iterator[Record | Problem]:
    """Yield what every file under `folder` holds; a file of no known format is a Problem (E111)."""
    supported = ", ".join(EXTENSIONS)
    for path in _walk(folder):
        if isinstance(path, Problem):
            yield path
            continue
        fmt = options.fmt or format_of(path)
        if fmt is None:
            ext = os.path.splitext(path)[1] or "no extension"
            yield Problem.of(UnsupportedInput(f"has {ext!r}, a kind of file khobor does not read; it reads "
                                              f"{supported} (or pass the file itself, or give its format)",
                                              where=path))
        else:
            yield from _read_file(path, fmt, options)


def _walk(folder: str) -> Iterator[str | Problem]:
    """Yield the files under `folder` in sorted order, depth first, skipping hidden files and folders."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield Problem.of(MissingInput(f"cannot be read ({exc.strerror}); check its permissions", where=folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file():
            yield entry.path


def _read_file(path: str, fmt: str | None, options: _Options) -> Iterator[Record | Problem]:
    """Yield what one file holds, as `fmt` (sniffed when None)."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Problem.of(MissingInput(f"cannot be read ({exc.strerror}); check the path and its permissions",
                                      where=path))
        return
    with fh:
        fmt = fmt or sniff_format(head_of(fh))
        if fmt == "txt":
            yield attempt(lambda: _txt_file(path, options.max_bytes))
        else:
            yield from _read_stream(fh, path, fmt, options, size=os.fstat(fh.fileno()).st_size)


def _read_stream(stream: io.BufferedReader, where: str, fmt: str, options: _Options,
                 size: int | None = None) -> Iterator[Record | Problem]:
    """Yield what one open input holds, as `fmt`; a txt or html input over the limit is refused unread."""
    if fmt in ("warc", "feed") and not head_of(stream, 1):
        yield Problem.of(EmptyInput(f"is empty; pass a {fmt} file", where=where))
    elif fmt == "jsonl":
        yield from read_jsonl(stream, where, fields=options.fields, max_bytes=options.max_bytes)
    elif fmt == "warc":
        yield from read_warc(stream, where, max_bytes=options.max_bytes)
    elif fmt == "feed":
        yield from read_feed(stream, where, max_bytes=options.max_bytes)
    elif size is not None and size > options.max_bytes:
        yield Problem.of(too_large(where, options.max_bytes, size))
    else:
        data = stream.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            yield Problem.of(too_large(where, options.max_bytes))
        elif fmt == "html":
            yield attempt(lambda: page_record(data, where))
        else:
            yield attempt(lambda: _txt_bytes(data, where))


def _txt_file(path: str, max_bytes: int) -> Record:
    """Return the article of a text file (a short first line before a blank line is its title)."""
    article = read_article(path, max_bytes=max_bytes)
    return Record(text=article.text, where=article.where, title=article.title)


def _txt_bytes(data: bytes, where: str) -> Record:
    """Return the article of text read from a stream, checked as read_article checks a file."""
    text = decode_bytes(data, where)
    check_bengali(text, where)
    title, text = split_title(text)
    return Record(text=text, where=where, title=title)
