"""One exception tree with coded messages that tell the user what to do next."""
from __future__ import annotations


class KhoborError(Exception):
    """Base of all khobor errors: `code` is stable, the message says what to do."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None):
        self.message = message
        self.where = where
        super().__init__(self.line())

    def line(self) -> str:
        """Return the one-line form: '[E101] path: what happened; what to do'."""
        where = f"{self.where}: " if self.where else ""
        return f"[{self.code}] {where}{self.message}"


class InputError(KhoborError, ValueError):
    """The input cannot be read as a Bengali article."""

    code = "E100"
    exit_code = 2


class MissingInput(InputError, FileNotFoundError):
    code = "E101"


class IsADirectory(InputError):
    code = "E102"


class BinaryInput(InputError):
    code = "E103"


class EncodingInput(InputError, UnicodeError):
    code = "E104"


class EmptyInput(InputError):
    code = "E105"


class NotBengali(InputError):
    code = "E106"


class TooLarge(InputError):
    code = "E107"


class BadMetadata(InputError):
    code = "E108"


class MalformedRecord(InputError):
    """A record inside a container (a JSONL line, a WARC record, a feed entry) cannot be read."""

    code = "E109"


class MalformedContainer(InputError):
    """A JSONL, WARC or feed file is broken as a whole (truncated gzip, not a WARC, not a feed)."""

    code = "E110"


class UnsupportedInput(InputError):
    """A file type khobor does not read (an image in a folder, a .docx)."""

    code = "E111"


class NoArticleText(InputError):
    """An HTML page or feed entry has no article text to extract (a menu page, a headline-only feed)."""

    code = "E112"


class PipelineError(KhoborError, RuntimeError):
    """The pipeline is built wrongly (a step is missing or out of order)."""

    code = "E200"
    exit_code = 3


class UnknownStep(PipelineError, KeyError):
    code = "E201"


class DataError(KhoborError, ValueError):
    """Bundled or user data (gold files, lexicons, models) is malformed."""

    code = "E300"
    exit_code = 4


class StoreError(KhoborError, RuntimeError):
    """The store (SQLite database) cannot be opened, is newer than this khobor, or is not a khobor store."""

    code = "E400"
    exit_code = 5


class StoreVersion(StoreError):
    code = "E401"


class StoreBusy(StoreError):
    code = "E402"


class QueryError(KhoborError, ValueError):
    """A search query or filter cannot be understood."""

    code = "E410"
    exit_code = 2
