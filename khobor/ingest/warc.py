"""Web archives (WARC, plain or gzip): the HTML pages among their 200 responses, one article each."""
from __future__ import annotations

import contextlib
import io
import zlib
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from ..errors import KhoborError, MalformedContainer
from .dates import iso_date
from .html import HTML_TYPES, page_record
from .record import Problem, Record, too_large
from .sniff import content_head, head_of

__all__ = ["read_warc"]

# What warcio and gzip raise on a broken archive (ValueError: a header that does not parse).
_BROKEN = (ArchiveLoadFailed, StatusAndHeadersParserException, OSError, EOFError, zlib.error, ValueError)


def read_warc(stream: io.BufferedReader, where: str, *, max_bytes: int) -> Iterator[Record | Problem]:
    """Yield a Record or Problem per HTML page ('file:record N'); a broken archive ends it with E110."""
    if not content_head(head_of(stream)).startswith(b"WARC/"):
        yield Problem.of(MalformedContainer("is not a WARC file (it does not start with 'WARC/'); pass a .warc or "
                                            ".warc.gz web archive", where=where))
        return
    records = ArchiveIterator(stream)
    number = 0
    while True:
        number += 1
        here = f"{where}:record {number}"
        try:
            record = _next(records)
            if record is None:
                if records.offset < records.fh.tell():  # warcio stops quietly when a record's headers are cut
                    raise MalformedContainer("it ends inside this record's headers: truncated")
                return
            if records.err_count:  # warcio found no blank line after the last record: its length was wrong
                raise MalformedContainer("the record before it does not end where its Content-Length says")
            item = _page(record, here, max_bytes)
            _check_complete(record)
        except _BROKEN as exc:
            reason = exc.message if isinstance(exc, MalformedContainer) else f"{type(exc).__name__}: {exc}"
            yield Problem.of(MalformedContainer(f"the archive is broken here ({reason}); the records before were "
                                                "read; re-download the archive", where=here))
            return
        if item is not None:
            yield item


def _next(records: ArchiveIterator) -> ArcWarcRecord | None:
    """Return the next record, or None at the end; raise MalformedContainer on headers warcio cannot parse."""
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # warcio prints its own warnings; ours is E110
            return next(records, None)
    except (AttributeError, TypeError, IndexError, KeyError) as exc:  # warcio on cut or garbled headers
        raise MalformedContainer(f"a record's headers are cut off or garbled ({type(exc).__name__}: {exc})") from None


def _page(record: ArcWarcRecord, where: str, max_bytes: int) -> Record | Problem | None:
    """Return the article of an HTML response with status 200, a Problem if it has none, None for other records."""
    http = record.http_headers
    if record.rec_type != "response" or http is None or http.get_statuscode() != "200":
        return None
    mime, _, params = (http.get_header("Content-Type") or "").partition(";")
    if mime.strip().lower() not in HTML_TYPES:
        return None
    data = record.content_stream().read(max_bytes + 1)
    try:
        if len(data) > max_bytes:
            raise too_large(where, max_bytes)
        article = page_record(data, where, url=record.rec_headers.get_header("WARC-Target-URI"),
                              charset=_charset(params))
    except KhoborError as exc:
        return Problem.of(exc)
    article.published = article.published or iso_date(record.rec_headers.get_header("WARC-Date"))
    return article


def _charset(params: str) -> str | None:
    """Return the charset parameter of a Content-Type header's parameters, if any."""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def _check_complete(record: ArcWarcRecord) -> None:
    """Read the record to its end; raise MalformedContainer if the archive ends inside it (truncated)."""
    if record.rec_headers.get_header("Content-Length") is None:  # warcio takes cut headers for a record
        raise MalformedContainer("this record has no Content-Length: its headers are cut off or garbled")
    while record.raw_stream.read(1 << 16):
        pass
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        raise MalformedContainer(f"it ends {missing} bytes short of this record's end: truncated")
