"""RSS and Atom feeds: an article per entry that carries the full text (content:encoded, Atom content)."""
from __future__ import annotations

from typing import BinaryIO, Iterator

import feedparser

from ..errors import EmptyInput, MalformedContainer, NoArticleText
from ..inputs import check_bengali
from .dates import iso_date
from .html import fragment_text, join_paragraphs
from .record import Problem, Record, attempt, too_large

__all__ = ["read_feed", "MIN_FULL_TEXT"]

#: An entry with less text than this carries a summary, not the article.
MIN_FULL_TEXT = 200


def read_feed(stream: BinaryIO, where: str, *, max_bytes: int) -> Iterator[Record | Problem]:
    """Yield a Record or a Problem per feed entry ('file:entry N'); a file that is no feed gives E110."""
    parsed = feedparser.parse(stream)  # a stream, never bytes or str, which feedparser may take for a path or URL
    if not parsed.entries:
        if parsed.bozo or not parsed.version:
            reason = f" ({parsed.get('bozo_exception')})" if parsed.bozo else ""
            yield Problem.of(MalformedContainer(f"is not a well-formed RSS or Atom feed{reason}; pass a feed file, "
                                                "or give the format of the file", where=where))
        else:
            yield Problem.of(EmptyInput("is a feed with no entries; nothing to read", where=where))
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        yield attempt(lambda: _entry(entry, f"{where}:entry {number}", outlet, max_bytes))


def _entry(entry: feedparser.FeedParserDict, where: str, outlet: str | None, max_bytes: int) -> Record:
    """Return the article of one entry, or raise NoArticleText if it carries only a summary (or nothing)."""
    body = (entry.get("content") or [None])[0] or entry.get("summary_detail") or {}
    value = body.get("value") or ""
    if len(value.encode("utf-8")) > max_bytes:
        raise too_large(where, max_bytes)
    text = join_paragraphs(value.split("\n")) if body.get("type") == "text/plain" else fragment_text(value)
    if len(text) < MIN_FULL_TEXT:
        raise NoArticleText(f"the feed carries only a summary ({len(text)} characters), not the article; ingest "
                            "the linked pages (html/warc) instead", where=where)
    check_bengali(text, where)
    # The date as written (in the publisher's zone) before feedparser's UTC tuples; dict.get skips
    # feedparser's deprecated mapping of 'updated' to 'published', and its warning.
    dates = (dict.get(entry, key) for key in ("published", "updated", "published_parsed", "updated_parsed"))
    published = next(filter(None, map(iso_date, dates)), None)
    title = entry.get("title") or ""
    if entry.get("title_detail", {}).get("type") in ("text/html", "application/xhtml+xml"):
        title = fragment_text(title)
    return Record(text=text, where=where, title=title.strip() or None, url=entry.get("link") or None,
                  published=published, outlet=outlet)
