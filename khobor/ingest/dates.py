"""Publication dates as sources write them (ISO, RFC 822, parsed tuples) turned into 'YYYY-MM-DD'."""
from __future__ import annotations

import datetime
import email.utils
import re
import time

__all__ = ["iso_date"]

# A date, optionally followed by a time and a zone: '2025-03-14', '2025-03-14T08:30:00.5+06:00', '2025-03-14 08:30Z'.
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?",
                  re.IGNORECASE)


def iso_date(value: object) -> str | None:
    """Return `value` (an ISO date or date-time, an RFC 822 date, a struct_time) as 'YYYY-MM-DD', or None.

    The date is the one written in the source's own time zone: '2025-03-15T01:00+06:00' is 2025-03-15,
    as the publisher dated it, not the UTC day.
    """
    if isinstance(value, time.struct_time):
        parts = tuple(value[:3])
    elif isinstance(value, str):
        value = value.strip()
        match = _ISO.fullmatch(value)
        if match:
            parts = tuple(int(g) for g in match.groups())
        else:
            parsed = email.utils.parsedate_tz(value)
            if not parsed:
                return None
            parts = parsed[:3]
    else:
        return None
    try:
        return datetime.date(*parts).isoformat()
    except (ValueError, TypeError):
        return None
