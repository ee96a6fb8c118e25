"""What the readers yield: a Record per article, a Problem per bad item; and the size-limit error."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..errors import KhoborError, TooLarge
from ..inputs import _size_text

__all__ = ["Record", "Problem", "attempt", "too_large"]


@dataclass
class Record:
    """One article read from an input: its raw body text, where it came from, and the metadata found with it."""

    text: str
    where: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None


@dataclass
class Problem:
    """One item that could not be read: where it is and the coded error that says why and what to do."""

    where: str
    error: KhoborError

    @classmethod
    def of(cls, error: KhoborError) -> "Problem":
        """Return the Problem for a coded error, at the error's own `where`."""
        return cls(error.where or "", error)


def attempt(read_one: Callable[[], Record]) -> Record | Problem:
    """Return the Record that `read_one()` returns, or the Problem for the coded error it raises."""
    try:
        return read_one()
    except KhoborError as exc:
        return Problem.of(exc)


def too_large(where: str, max_bytes: int, size: int | None = None) -> TooLarge:
    """Return the TooLarge error for an item over `max_bytes` (of `size` bytes when known)."""
    what = f"is {_size_text(size)}, over" if size is not None else "is over"
    return TooLarge(f"{what} the {_size_text(max_bytes)} limit; split it into articles or raise the limit with "
                    "--max-bytes", where=where)
