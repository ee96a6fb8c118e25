"""Telling a format from an input's first bytes, for stdin and files without a known extension."""
from __future__ import annotations

import codecs
import io
import zlib
from typing import BinaryIO

__all__ = ["GZIP_MAGIC", "SNIFF_BYTES", "head_of", "content_head", "sniff_format", "Rejoined"]

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 2048
_FEED_TAGS = ("<rss", "<feed", "<rdf:rdf")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def head_of(stream: io.BufferedReader, n: int = SNIFF_BYTES) -> bytes:
    """Return up to the first `n` bytes of a buffered stream without consuming them."""
    return stream.peek(n)[:n]


def content_head(head: bytes, n: int = SNIFF_BYTES) -> bytes:
    """Return the first bytes of the content: `head` itself, or what it decompresses to if it is gzip."""
    if not head.startswith(GZIP_MAGIC):
        return head
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, n)
    except zlib.error:
        return b""


def sniff_format(head: bytes) -> str:
    """Return the format ('warc', 'jsonl', 'feed', 'html' or 'txt') that an input's first bytes look like."""
    content = content_head(head)
    if content.startswith(b"WARC/"):
        return "warc"
    text = _as_text(content).lstrip()
    if text.startswith("{"):
        return "jsonl"
    if text.startswith("<"):
        return "feed" if any(tag in text.lower() for tag in _FEED_TAGS) else "html"
    return "txt"  # a binary or gzip input is then refused with its own coded error


def _as_text(data: bytes) -> str:
    """Return the sniffed bytes as text, honoring a byte order mark, ignoring what does not decode."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, "ignore")
    return data.decode("utf-8", "ignore")


class Rejoined(io.RawIOBase):
    """A stream that replays bytes already read from another stream (to sniff them), then reads on from it."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._head[:len(buffer)] if self._head else self._rest.read(len(buffer))
        self._head = self._head[len(data):]
        buffer[:len(data)] = data
        return len(data)
