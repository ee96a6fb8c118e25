"""HTML to article text: whole pages through trafilatura (offline), feed fragments through lxml."""
from __future__ import annotations

import datetime
import re
from typing import Iterable

import lxml.etree
import lxml.html

from ..errors import EmptyInput, EncodingInput, NoArticleText
from ..inputs import check_bengali, decode_bytes
from .dates import iso_date
from .record import Record

__all__ = ["page_record", "decode_html", "fragment_text", "join_paragraphs", "HTML_TYPES"]

#: Content types of HTML pages (in WARC responses).
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# A page is an article when the lines that end a sentence add up to at least this many characters: a menu,
# an index of headlines or a photo page has lines but no sentences.
MIN_SENTENCE_CHARS = 60
_SENTENCE_END = re.compile(r"[।॥?!.…][\"'”’)\]]*$")

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# Elements that start and end a paragraph in a fragment; the text of _SKIPPED ones is not shown to readers.
_BLOCKS = frozenset("address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
                    "header hr li main nav ol p pre section table tbody td th thead tr ul".split())
_SKIPPED = frozenset({"script", "style", "noscript", "template"})
_SPACE = re.compile(r"\s+")


def join_paragraphs(lines: Iterable[str]) -> str:
    """Return the non-blank lines, each with its white space collapsed, as paragraphs separated by blank lines."""
    return "\n\n".join(_SPACE.sub(" ", line).strip() for line in lines if line.strip())


def decode_html(data: bytes, where: str, charset: str | None = None) -> str:
    """Return the page as text: a BOM or valid UTF-8 first, else the charset declared by HTTP or <meta>."""
    try:
        return decode_bytes(data, where)
    except EncodingInput as not_utf8:
        declared = charset or _meta_charset(data)
        if not declared:
            raise not_utf8 from None
    try:
        return data.decode(declared)
    except LookupError:
        raise EncodingInput(f"declares the charset {declared!r}, which is unknown; convert the page to UTF-8",
                            where=where) from None
    except UnicodeDecodeError as exc:
        raise EncodingInput(f"is not valid {declared} (its declared charset) at byte offset {exc.start}; "
                            "convert the page to UTF-8", where=where) from None


def _meta_charset(data: bytes) -> str | None:
    """Return the charset named by a <meta> tag near the top of the page, if any."""
    match = _META_CHARSET.search(data, 0, 4096)
    return match.group(1).decode("ascii") if match else None


def page_record(data: bytes, where: str, *, url: str | None = None, charset: str | None = None) -> Record:
    """Return the article of an HTML page with its metadata, or raise a coded error (E103-E106, E112)."""
    page = decode_html(data, where, charset)
    if not page.strip():
        raise EmptyInput("is empty; pass an HTML page with an article", where=where)
    doc = _extract(page, url)
    title = join_paragraphs([doc.title or ""]) if doc is not None else ""
    lines = join_paragraphs((doc.text or "").split("\n")).split("\n\n") if doc is not None else []
    if lines and lines[0] == title:  # trafilatura keeps the headline as the body's first line
        lines = lines[1:]
    if sum(len(line) for line in lines if _SENTENCE_END.search(line)) < MIN_SENTENCE_CHARS:
        raise NoArticleText("has no article text to extract (a menu, an index of headlines or an empty page?); "
                            "pass article pages", where=where)
    text = "\n\n".join(lines)
    check_bengali(text, where)
    return Record(text=text, where=where, title=title or None, url=url or doc.url, published=iso_date(doc.date),
                  outlet=doc.sitename or doc.hostname)


def _extract(page: str, url: str | None):
    """Return trafilatura's Document for the page (text and metadata), or None when it finds nothing."""
    import trafilatura  # imported on first use: it is slow to import and only ingest needs it

    # favor_recall keeps short news pages (three or four paragraphs) that the default drops; the date comes
    # from the page's markup and URL only, never guessed from dates mentioned in the text.
    dates = {"original_date": True, "extensive_search": False, "max_date": datetime.date.today().isoformat()}
    try:
        return trafilatura.bare_extraction(page, url=url, with_metadata=True, favor_recall=True,
                                           include_comments=False, include_images=False,
                                           date_extraction_params=dates)
    except (ValueError, lxml.etree.LxmlError):
        return None


def fragment_text(fragment: str) -> str:
    """Return the text of an HTML fragment: one paragraph per block element or <br>, blank lines between."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.LxmlError):
        return ""
    # Comments are dropped with their tails kept (iterwalk below does not visit them).
    lxml.etree.strip_tags(root, lxml.etree.Comment, lxml.etree.ProcessingInstruction)
    chunks: list[str] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower()
        if tag in _BLOCKS:
            chunks.append("\n")
        if event == "start" and tag not in _SKIPPED and element.text:
            chunks.append(_SPACE.sub(" ", element.text))
        if event == "end" and element.tail and element is not root:
            chunks.append(_SPACE.sub(" ", element.tail))
    return join_paragraphs("".join(chunks).split("\n"))
