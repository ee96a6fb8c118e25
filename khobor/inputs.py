"""Read one article from a file or stdin, with clear coded errors for bad input."""
from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass

from .errors import BinaryInput, EmptyInput, EncodingInput, IsADirectory, MissingInput, NotBengali, TooLarge
from .normalize import bengali_share

__all__ = ["RawArticle", "read_article", "decode_bytes", "check_bengali", "split_title",
           "DEFAULT_MAX_BYTES", "MIN_BENGALI_SHARE"]

DEFAULT_MAX_BYTES = 5_000_000
MIN_BENGALI_SHARE = 0.5

_MAGIC = [
    (b"%PDF", "a PDF file"), (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"), (b"\x1f\x8b", "a gzip file"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"), (b"SQLite format 3", "an SQLite database"),
]


@dataclass
class RawArticle:
    """Text read from one input, before analysis, with where it came from."""

    text: str
    where: str
    title: str | None = None


def _size_text(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n} bytes"


def decode_bytes(data: bytes, where: str) -> str:
    """Return `data` decoded (UTF-8, or UTF-16/UTF-8 with a BOM), or raise a coded InputError."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingInput(f"has a UTF-16 byte order mark but is not valid UTF-16 at byte offset {exc.start}; "
                                "save it as UTF-8", where=where) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInput(f"is {what}, not text; extract the article's text first (khobor reads UTF-8 text)",
                              where=where)
    nul = data.find(b"\x00", 0, 65536)
    if nul != -1:
        raise BinaryInput(f"looks binary (NUL byte at byte offset {nul}); pass a UTF-8 text file", where=where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingInput(
            f"is not valid UTF-8 at byte offset {exc.start} (byte 0x{data[exc.start]:02x}); "
            "convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8, or save it as UTF-8", where=where) from None


def check_bengali(text: str, where: str, min_share: float = MIN_BENGALI_SHARE) -> None:
    """Raise EmptyInput or NotBengali unless `text` has content that is mostly Bengali letters."""
    if not text.strip():
        raise EmptyInput("is empty or white space only; pass a file with an article's text", where=where)
    share = bengali_share(text)
    if share < min_share:
        raise NotBengali(f"is not Bengali: only {share:.0%} of its letters are Bengali (at least {min_share:.0%} "
                         "needed); khobor analyzes Bengali articles", where=where)


_TERMINAL = re.compile(r"[।॥?!.:;,]\s*$")


def split_title(text: str) -> tuple[str | None, str]:
    """Return (title, body): a short first line followed by a blank line, without end punctuation, is a title."""
    stripped = text.lstrip("\ufeff").lstrip()
    first, sep, rest = stripped.partition("\n")
    if not sep:
        return None, text
    after = rest.lstrip(" \t\r")
    if not after.startswith("\n") and not after.startswith("\r"):
        return None, text
    first = first.strip()
    if not first or len(first) > 200 or _TERMINAL.search(first) or not rest.strip():
        return None, text
    return first, rest.strip("\r\n")


def read_article(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, min_share: float = MIN_BENGALI_SHARE,
                 title: bool = True) -> RawArticle:
    """Return the article read from `path` ('-' for stdin), checked; raise a coded InputError if it is unusable."""
    if path == "-":
        where = "<stdin>"
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        where = path
        if os.path.isdir(path):
            raise IsADirectory("is a directory; pass one article file (or '-' to read stdin)", where=where)
        try:
            size = os.path.getsize(path)
        except OSError:
            raise MissingInput("no such file; check the path", where=where) from None
        if size > max_bytes:
            raise TooLarge(f"is {_size_text(size)}, over the {_size_text(max_bytes)} limit; split it into articles "
                           "or raise the limit with --max-bytes", where=where)
        try:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except PermissionError:
            raise MissingInput("cannot be read (permission denied); check its permissions", where=where) from None
        except OSError as exc:
            raise MissingInput(f"cannot be read ({exc.strerror}); check the path", where=where) from None
    if len(data) > max_bytes:
        raise TooLarge(f"is over the {_size_text(max_bytes)} limit; split it into articles or raise the limit with "
                       "--max-bytes", where=where)
    text = decode_bytes(data, where)
    check_bengali(text, where, min_share)
    head = None
    if title:
        head, text = split_title(text)
    return RawArticle(text=text, where=where, title=head)
