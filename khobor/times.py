"""Time expressions: absolute and relative dates, weekdays, months, years, weeks, fiscal years, times of
day, durations and Bengali calendar dates, resolved against the publication date.

Data: lang/bn/time_words.tsv. Values follow docs/annotation.md (ISO 8601 / TIMEX3 style): a day
`2024-03-12`, a month `2024-03`, a year `2024`, an ISO week `2024-W11`, a range `a/b`, a time of day
`2024-03-12T21:00` or `2024-03-12TNI`, a duration `P24H`, `P3D`. Without a reference date, relative
expressions get `None`; absolute ones keep what they say (`XXXX-03-12` for a day and month only).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Sequence

from .lang import bn
from .normalize import search_key, to_ascii_digits
from .numbers import parse_number

__all__ = ["find_times", "TimeFound", "bengali_to_gregorian", "reference_date"]

_CASE = ("য়ের", "য়ে", "ের", "এর", "কে", "তে", "র", "য়", "ে", "ই", "ও", "টাই")
_DAY_SUFFIX = ("লা", "রা", "ঠা", "ই", "শে", "তারিখ")
_NUMDATE = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$")
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))?(টা|টায়|টার|টাতে|টে)?(.*)$")
_YEAR = re.compile(r"^(\d{4})(.*)$")


@functools.lru_cache(maxsize=1)
def _lex() -> dict[str, tuple[str, str]]:
    out = {}
    for row in bn.read_lines("time_words.tsv")[1:]:
        cols = (row.split("\t") + [""])[:3]
        out.setdefault(search_key(cols[0]), (cols[1], cols[2]))
    return out


@functools.lru_cache(maxsize=50_000)
def _word(word: str) -> tuple[str, str] | None:
    """Return (kind, value) of a time word, through a case suffix or two: মার্চে, শনিবারের, রাতেই."""
    lex = _lex()
    key = search_key(word)
    if key in lex:
        return lex[key]
    for s in _CASE:
        if word.endswith(s) and len(word) > len(s):
            w1 = word[:-len(s)]
            short = len(w1) <= 2                  # মে: মেয়র, মেয়ের, মেতে are other words
            if search_key(w1) in lex and (not short or s in ("র", "ের")):
                return lex[search_key(w1)]
            if short:
                continue
            for s2 in _CASE:
                if w1.endswith(s2) and len(w1) - len(s2) > 2 and search_key(w1[:-len(s2)]) in lex:
                    return lex[search_key(w1[:-len(s2)])]
    return None


def _suffix_ok(rest: str) -> bool:
    return rest == "" or rest in _CASE or any(rest == a + b for a in _CASE for b in _CASE) or \
        rest.startswith("-") or rest in ("তারিখ", "তারিখে", "তারিখের")


@functools.lru_cache(maxsize=50_000)
def _day(word: str) -> int | None:
    """Return the day of month of a token: ১২, ১২ই, ১লা, ২১শে, পয়লা."""
    s = to_ascii_digits(word)
    m = re.match(r"^(\d{1,2})(.*)$", s)
    if m:
        d = int(m.group(1))
        rest = m.group(2)
        for suf in _DAY_SUFFIX:
            if rest.startswith(suf):
                rest = rest[len(suf):]
                break
        if 1 <= d <= 31 and _suffix_ok(rest):
            return d
        return None
    key = search_key(word)
    return {search_key("পয়লা"): 1, search_key("পহেলা"): 1, search_key("দোসরা"): 2, search_key("তেসরা"): 3,
            search_key("চৌঠা"): 4}.get(key)


@functools.lru_cache(maxsize=50_000)
def _year(word: str) -> int | None:
    m = _YEAR.match(to_ascii_digits(word))
    if m and 1800 <= int(m.group(1)) <= 2200 and _suffix_ok(m.group(2)):
        return int(m.group(1))
    return None


_DIGIT_START = re.compile(r"^\d")
_CLOCK_WORD = re.compile(r"^(.+?)(টা|টায়|টার|টাতে|টে|টের)$")


@functools.lru_cache(maxsize=50_000)
def _clock(word: str) -> tuple[int, int] | None:
    """Return (hour, minute) of ৯টায়, ৯টার, ১০:৩০, চারটে, দেড়টায়."""
    m = _CLOCK.match(to_ascii_digits(word))
    if not m or not (m.group(2) or m.group(3)):
        w = _CLOCK_WORD.match(word)
        if not w:
            return None
        from .numbers import _key, _words
        entry = _words().get(_key(w.group(1)))
        if not entry or entry[1] not in ("number", "fraction") or not 0 < entry[0] <= 12:
            return None
        h = int(entry[0])
        return h, int(round((entry[0] - h) * 60))
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if h > 24 or mi > 59 or not _suffix_ok(m.group(4)):
        return None
    return h, mi


_ANCHOR_WORDS = {search_key(w): v for w, v in (("পরদিন", "NEXT"), ("পরদিনই", "NEXT"), ("এদিন", "SAME"),
                                                ("সেদিন", "SAME"), ("সেদিনই", "SAME"), ("আগের দিন", "PREV"))}


@dataclass
class TimeFound:
    """A time expression: tokens [i, j), type, value (or None)."""

    i: int
    j: int
    type: str
    value: str | None
    anchor: str | None = None     # 'month': the month the article last spoke of replaces the month


def reference_date(published: str | None) -> dt.date | None:
    """Return the reference date for resolution, or None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def bengali_to_gregorian(day: int, month: int, year: int) -> dt.date | None:
    """Convert a date of Bangladesh's revised Bengali calendar (1 বৈশাখ = 14 April) to Gregorian."""
    g_year = year + 593
    lengths = [31] * 6 + [30, 30, 30, 30, 29, 30]
    if _leap(g_year + 1):
        lengths[10] = 30                     # ফাল্গুন has 30 days when February has 29
    if not 1 <= month <= 12 or not 1 <= day <= lengths[month - 1]:
        return None
    return dt.date(g_year, 4, 14) + dt.timedelta(days=sum(lengths[:month - 1]) + day - 1)


def _leap(y: int) -> bool:
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    m = year * 12 + (month - 1) + delta
    return m // 12, m % 12 + 1


def _fiscal(start_year: int, india: bool) -> str:
    if india:
        return f"{start_year}-04-01/{start_year + 1}-03-31"
    return f"{start_year}-07-01/{start_year + 1}-06-30"


def _fiscal_of(d: dt.date, india: bool) -> int:
    return d.year if d.month >= (4 if india else 7) else d.year - 1


def _nearest_year(ref: dt.date, month: int, day: int = 15) -> int:
    """Return the year that puts month/day nearest to the reference date (a bare 'ফেব্রুয়ারিতে')."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = dt.date(y, month, min(day, 28))
        except ValueError:
            continue
        dist = abs((d - ref).days) + (0 if d <= ref else 1)     # ties go to the past
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1]


def _first_day(value: str) -> str:
    """Return the first day of a date, month or year value: '2024' → '2024-01-01'."""
    if len(value) == 4:
        return value + "-01-01"
    if len(value) == 7:
        return value + "-01"
    return value[:10]


def _last_day(year: int, month: int) -> str:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).isoformat()


def _part(value: str) -> tuple[str, int]:
    code, hour = value.split(":")
    return code, int(hour)


def _hour_in_part(hour: int, code: str) -> int:
    if code == "DT":                                 # বেলা ১১টা is 11:00, বেলা ৩টা 15:00
        return hour + 12 if hour < 7 else hour
    if code in ("AF", "EV") and hour < 12:
        return hour + 12
    if code == "NI" and 6 <= hour < 12:
        return hour + 12
    return hour


class _Scanner:
    def __init__(self, words: Sequence[str], spaced: Sequence[bool], ref: dt.date | None):
        self.w = words
        self.sp = spaced
        self.ref = ref
        self.n = len(words)
        self._future: bool | None = None

    @property
    def future(self) -> bool:
        if self._future is None:
            self._future = _future_tense(self.w)
        return self._future

    def kind(self, k: int) -> tuple[str, str] | None:
        return _word(self.w[k]) if 0 <= k < self.n else None

    def is_kind(self, k: int, kind: str) -> bool:
        x = self.kind(k)
        return x is not None and x[0] == kind

    # --- pieces --------------------------------------------------------------------
    def date_at(self, k: int):
        """Return (stop, date-or-None, value-string, type) of a date expression starting at k, or None."""
        w, ref = self.w, self.ref
        s = to_ascii_digits(w[k])
        m = _NUMDATE.match(s)
        if m:
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            y = y + 2000 if y < 100 else y
            try:
                date = dt.date(y, mo, d)
            except ValueError:
                return None
            stop = k + 1
            if stop < self.n and search_key(w[stop]).startswith(search_key("তারিখ")):
                stop += 1
            return stop, date, date.isoformat(), "date"
        day = _day(w[k])
        if day is not None and self.is_kind(k + 1, "month"):
            month = int(self.kind(k + 1)[1])
            stop = k + 2
            year = _year(w[stop]) if stop < self.n else None
            if year is not None:
                stop += 1
                if self.is_kind(stop, "year_word"):
                    stop += 1
            elif ref is not None:
                year = _nearest_year(ref, month, day)
            if stop < self.n and search_key(w[stop]).startswith(search_key("তারিখ")):
                stop += 1
            if year is None:
                return stop, None, f"XXXX-{month:02d}-{day:02d}", "date"
            try:
                date = dt.date(year, month, day)
            except ValueError:
                return None
            return stop, date, date.isoformat(), "date"
        if day is not None and self.is_kind(k + 1, "bn_month"):
            month = int(self.kind(k + 1)[1])
            stop = k + 2
            m = _YEAR.match(to_ascii_digits(w[stop])) if stop < self.n else None
            year = int(m.group(1)) if m and 1300 <= int(m.group(1)) <= 1600 and _suffix_ok(m.group(2)) else None
            date = None
            if year is not None:
                stop += 1
                if self.is_kind(stop, "year_word"):
                    stop += 1
                date = bengali_to_gregorian(day, month, year)
            elif ref is not None:
                for by in (ref.year - 594, ref.year - 593):
                    cand = bengali_to_gregorian(day, month, by)
                    if cand is not None and abs((cand - ref).days) <= 200:
                        date = cand
            return stop, date, date.isoformat() if date else None, "date"
        return None

    def relday_at(self, k: int):
        """আজ/গতকাল/আগামীকাল [weekday] or [রel] weekday: return (stop, date-or-None)."""
        x = self.kind(k)
        ref = self.ref
        if x and x[0] == "relday":
            stop = k + 1
            date = ref + dt.timedelta(days=int(x[1])) if ref else None
            if self.is_kind(stop, "weekday"):
                wd = int(self.kind(stop)[1])
                if date is not None and date.isoweekday() != wd:      # trust the weekday: nearest one
                    back = (date.isoweekday() - wd) % 7
                    date = date - dt.timedelta(days=back) if back <= 3 else date + dt.timedelta(days=7 - back)
                stop += 1
            return stop, date
        rel = None
        stop = k
        if x and x[0] == "rel" and self.is_kind(k + 1, "weekday"):
            rel = int(x[1])
            stop = k + 1
        if self.is_kind(stop, "weekday"):
            wd = int(self.kind(stop)[1])
            date = None
            if ref is not None:
                diff = (ref.isoweekday() - wd) % 7
                if rel == 1 or (rel is None and self.future):
                    date = ref + dt.timedelta(days=(wd - ref.isoweekday()) % 7 or (7 if rel == 1 else 0))
                elif rel == -1:
                    date = ref - dt.timedelta(days=diff or 7)
                else:
                    date = ref - dt.timedelta(days=diff)
            return stop + 1, date
        return None

    def daytime_at(self, k: int):
        """[দিবাগত] part [clock] | clock: return (stop, part-code, (hour, minute) or None)."""
        stop = k
        if search_key(self.w[k]) == search_key("দিবাগত"):
            stop += 1
        code = None
        if search_key(self.w[stop]) == search_key("গভীর") and self.is_kind(stop + 1, "part"):
            stop += 1                                 # গভীর রাতে
        x = self.kind(stop)
        if x and x[0] == "part":
            code, default = _part(x[1])
            stop += 1
        clock = None
        mod = 0
        if stop < self.n and search_key(self.w[stop]) in (search_key("সাড়ে"), search_key("সোয়া"), search_key("পৌনে")):
            mod = {search_key("সাড়ে"): 30, search_key("সোয়া"): 15, search_key("পৌনে"): -15}[search_key(self.w[stop])]
            if stop + 1 < self.n and _clock(self.w[stop + 1]):
                stop += 1
            else:
                mod = 0
        if stop < self.n and _clock(self.w[stop]) and (code is not None or _DIGIT_START.match(to_ascii_digits(self.w[stop]))):
            h, mi = _clock(self.w[stop])
            stop += 1
            if stop + 1 < self.n and parse_number(self.w, stop) and search_key(self.w[stop + 1]).startswith(search_key("মিনিট")):
                mi = int(parse_number(self.w, stop)[0])
                stop += 2
            total = h * 60 + mi + mod
            h, mi = divmod(total, 60)
            if code:
                h = _hour_in_part(h, code)
            clock = (h % 24, mi)
        if code is None and clock is None:
            return None
        if stop < self.n and search_key(self.w[stop]) == search_key("দিকে"):
            stop += 1
        return stop, code, clock

    # --- whole expressions ------------------------------------------------------------
    def expression_at(self, k: int) -> TimeFound | None:
        """Return the longest time expression starting at token k."""
        w, ref, n = self.w, self.ref, self.n
        found = self.point_at(k)
        if found is not None:
            # a range: X থেকে Y
            stop = found.j
            if stop + 2 < n and search_key(w[stop]) == search_key("থেকে") and \
                    search_key(w[stop + 1]) in (search_key("এ"), search_key("এখন"), search_key("আজ")) and \
                    search_key(w[stop + 2]) == search_key("পর্যন্ত"):
                end_value = ref.isoformat() if ref else None
                start_value = found.value
                if start_value and end_value and start_value[:4].isdigit():
                    return TimeFound(k, stop + 3, "range", f"{_first_day(start_value)}/{end_value}")
            if stop + 1 < n and search_key(w[stop]) == search_key("থেকে"):
                second = self.point_at(stop + 1)
                if second is not None and second.value and found.value and second.type in ("date", "time", "month", "year") \
                        and found.type in ("date", "time", "month", "year"):
                    end = second.j
                    if end < n and search_key(w[end]) in (search_key("পর্যন্ত"), search_key("মধ্যে")):
                        end += 1
                    v2 = second.value
                    if v2.startswith("T") and "T" in found.value and not found.value.startswith("T"):
                        v2 = found.value.split("T")[0] + v2          # রাত ২টা থেকে ভোর ৫টার মধ্যে
                    return TimeFound(k, end, "range", f"{found.value}/{v2}")
                # ১০ থেকে ১৫ মার্চ: a bare day before থেকে
            return found
        day = _day(w[k])
        if day is not None and k + 2 < n and search_key(w[k + 1]) in (search_key("থেকে"), search_key("-")) or \
                (day is not None and k + 2 < n and w[k + 1] == "-"):
            second = self.point_at(k + 2)
            if second is not None and second.type == "date" and second.value and not second.value.startswith("X"):
                y, mo, _ = second.value.split("-")
                try:
                    first = dt.date(int(y), int(mo), day)
                except ValueError:
                    return None
                return TimeFound(k, second.j, "range", f"{first.isoformat()}/{second.value}")
        return self.duration_at(k)

    def point_at(self, k: int) -> TimeFound | None:
        found = self._point_with_parts(k)
        if found is None or found.value is None:
            return found
        w, n, ref = self.w, self.n, self.ref
        j = found.j
        # ... প্রথম N মাসে / প্রথমার্ধে: the first months of a year or fiscal year
        if found.type in ("year", "range") and j < n:
            start = _first_day(found.value.split("/")[0])
            months = None
            stop = j
            if search_key(w[j]) == search_key("প্রথম") and j + 2 < n:
                num = parse_number(w, j + 1)
                if num and num[1] < n and self.is_kind(num[1], "unit") and self.kind(num[1])[1] == "M":
                    months, stop = int(num[0]), num[1] + 1
            elif search_key(w[j]).startswith(search_key("প্রথমার্ধ")):
                months, stop = 6, j + 1
            if months and start[:4].isdigit():
                y, m = int(start[:4]), int(start[5:7])
                y2, m2 = _month_shift(y, m, months - 1)
                return TimeFound(k, stop, "range", f"{start}/{_last_day(y2, m2)}")
        # গত বছরের একই মাসে: the publication month a year earlier
        if found.type == "year" and ref is not None and j + 1 < n and search_key(w[j]) == search_key("একই") \
                and self.is_kind(j + 1, "unit") and self.kind(j + 1)[1] == "M":
            return TimeFound(k, j + 2, "month", f"{found.value}-{ref.month:02d}", anchor="month")
        return found

    def _point_with_parts(self, k: int) -> TimeFound | None:
        key = search_key(self.w[k])
        if key in _ANCHOR_WORDS:
            return TimeFound(k, k + 1, "date", _ANCHOR_WORDS[key])
        if key in (search_key("এ"), search_key("সে")) and k + 1 < self.n and search_key(self.w[k + 1]) in (
                search_key("দিন"), search_key("দিনই")):
            t = self.daytime_at(k + 2) if k + 2 < self.n else None
            if t is not None:                       # এ দিন সকালে
                return TimeFound(k, t[0], "time", "SAME" + _time_value(None, t[1], t[2]))
            return TimeFound(k, k + 2, "date", "SAME")
        if search_key(self.w[k]) == search_key("একই") and k + 1 < self.n:
            x = self.kind(k + 1)
            if x and x[0] == "unit" and x[1] == "D":
                return TimeFound(k, k + 2, "date", "SAME")             # anchored to the last date named
            if x and x[0] == "part":
                return TimeFound(k, k + 2, "time", "T" + _part(x[1])[0])
        found = self._point_at(k)
        if found is not None and found.type == "year" and found.value and found.j < self.n:
            nxt = self.kind(found.j)
            if nxt and nxt[0] == "month":                 # ২০২০ সালের অক্টোবরে, চলতি বছরের জুনে
                return TimeFound(k, found.j + 1, "month", f"{found.value}-{int(nxt[1]):02d}")
            d = _day(self.w[found.j])
            if d is not None and self.is_kind(found.j + 1, "month"):      # ২০২৪ সালের ১২ মার্চ
                try:
                    date = dt.date(int(found.value), int(self.kind(found.j + 1)[1]), d)
                    return TimeFound(k, found.j + 2, "date", date.isoformat())
                except ValueError:
                    pass
        return found

    def _point_at(self, k: int) -> TimeFound | None:
        w, ref, n = self.w, self.ref, self.n
        # a date, then perhaps a time of day
        d = self.date_at(k)
        if d is None:
            r = self.relday_at(k)
            if r is not None:
                d = (r[0], r[1], r[1].isoformat() if r[1] else None, "date")
        if d is not None:
            stop, date, value, typ = d
            if stop < n:
                t = self.daytime_at(stop)
                if t is not None:
                    stop, code, clock = t
                    return TimeFound(k, stop, "time", _time_value(value, code, clock))
            return TimeFound(k, stop, typ, value)
        t = self.daytime_at(k)
        if t is not None and (t[2] is not None or t[1] is not None):
            stop, code, clock = t
            return TimeFound(k, stop, "time", _time_value(None, code, clock))
        x = self.kind(k)
        # রel + unit / month / fiscal year
        if x and x[0] == "rel" and k + 1 < n:
            rel = int(x[1])
            y = self.kind(k + 1)
            if y and y[0] == "unit" and y[1] in ("W", "M", "Y"):
                return TimeFound(k, k + 2, {"W": "week", "M": "month", "Y": "year"}[y[1]], _relative(ref, rel, y[1]))
            if y and y[0] == "month":
                month = int(y[1])
                value = None
                if ref:
                    year = ref.year
                    if rel == -1 and month >= ref.month:
                        year -= 1
                    if rel == 1 and month <= ref.month:
                        year += 1
                    value = f"{year}-{month:02d}"
                return TimeFound(k, k + 2, "month", value)
            if y and y[0] == "fiscal":
                india = y[1] == "IN"
                value = _fiscal(_fiscal_of(ref, india) + rel, india) if ref else None
                return TimeFound(k, k + 2, "range", value)
        if x and x[0] == "month":
            month = int(x[1])
            stop = k + 1
            year = _year(w[stop]) if stop < n else None
            if year is not None:
                stop += 1
                if self.is_kind(stop, "year_word"):
                    stop += 1
            elif ref is not None:
                year = _nearest_year(ref, month)
            # জুলাই-ডিসেম্বর: a range of months
            if stop + 1 < n and w[stop] == "-" and self.is_kind(stop + 1, "month") and year:
                m2 = int(self.kind(stop + 1)[1])
                if ref is not None and _year(w[k + 1] if k + 1 < n else "") is None:
                    # a bare month range is the latest one that has ended (or is under way)
                    y2 = ref.year if m2 <= ref.month else ref.year - 1
                    year = y2 if month <= m2 else y2 - 1
                y2 = year if m2 >= month else year + 1
                return TimeFound(k, stop + 2, "range", f"{year}-{month:02d}/{y2}-{m2:02d}")
            return TimeFound(k, stop, "month", f"{year}-{month:02d}" if year else None)
        year = _year(w[k])
        if year is not None:
            stop = k + 1
            # ২০২৪-২৫ অর্থবছর
            if stop + 2 < n + 1 and stop + 1 < n and w[stop] == "-" and re.fullmatch(r"\d{2}|\d{4}", to_ascii_digits(w[stop + 1])) \
                    and self.is_kind(stop + 2, "fiscal"):
                india = self.kind(stop + 2)[1] == "IN"
                return TimeFound(k, stop + 3, "range", _fiscal(year, india))
            if self.is_kind(stop, "year_word"):
                if self.kind(stop)[1] == "bn":
                    return TimeFound(k, stop + 1, "year", None)
                return TimeFound(k, stop + 1, "year", str(year))
            if self.is_kind(stop, "fiscal"):
                return TimeFound(k, stop + 1, "range", _fiscal(year, self.kind(stop)[1] == "IN"))
            if 1900 <= year <= 2100 and not (stop < n and _is_unit_or_scale(w[stop])) and \
                    not (k > 0 and w[k - 1] == "-") and not (stop < n and w[stop] == "-"):
                return TimeFound(k, stop, "year", str(year))
        return None

    def duration_at(self, k: int) -> TimeFound | None:
        w, n = self.w, self.n
        start = k
        if self.is_kind(k, "rel") and int(self.kind(k)[1]) == -1:
            k += 1                                   # গত ২৪ ঘণ্টায়
        num = parse_number(w, k) if k < n else None
        if num is None or num[2] not in ("number",):
            return None
        value, stop = num[0], num[1]
        u = self.kind(stop)
        if not u or u[0] != "unit":
            return None
        if u[1] == "Y" and stop + 1 < n and search_key(w[stop + 1]).startswith(search_key("বয়স")):
            return None                               # ৬৫ বছর বয়সী is an age (numbers)
        stop += 1
        if stop < n and search_key(w[stop]) in (search_key("ধরে"), search_key("যাবৎ"), search_key("যাবত")):
            stop += 1
        unit = u[1]
        if unit == "MIN" and start == k and w[stop - 1].endswith("টে") and not (
                stop < n and search_key(w[stop]) in (search_key("ধরে"), search_key("যাবৎ"))):
            return TimeFound(start, stop, "other", None)    # '২৭ মিনিটে': a minute of a match, not a duration
        if stop < n and search_key(w[stop]) in (search_key("আগে"), search_key("আগেও")) and self.ref is not None:
            ref = self.ref
            if unit == "D":
                return TimeFound(start, stop + 1, "date", (ref - dt.timedelta(days=int(value))).isoformat())
            if unit == "W":
                return TimeFound(start, stop + 1, "week", _iso_week(ref - dt.timedelta(weeks=int(value))))
            if unit == "M":
                y, m = _month_shift(ref.year, ref.month, -int(value))
                return TimeFound(start, stop + 1, "month", f"{y}-{m:02d}")
            if unit in ("Y", "DEC"):
                return TimeFound(start, stop + 1, "year", str(ref.year - int(value * (10 if unit == "DEC" else 1))))
        frac = float(value) - int(value)
        if frac and unit in ("Y", "H", "D", "M"):
            whole = int(value)
            sub = {"Y": ("M", 12), "H": ("M", 60), "D": ("H", 24), "M": ("D", 30)}[unit]
            part = int(round(frac * sub[1]))
            if unit == "H":
                iso = f"PT{whole}H{part}M" if whole else f"PT{part}M"
            elif unit == "D":
                iso = f"P{whole}DT{part}H" if whole else f"PT{part}H"
            else:
                iso = (f"P{whole}{unit}" if whole else "P") + f"{part}{sub[0]}"
            return TimeFound(start, stop, "duration", iso)
        v = int(value) if float(value).is_integer() else value
        iso = {"D": f"P{v}D", "W": f"P{v}W", "M": f"P{v}M", "Y": f"P{v}Y", "H": f"P{v}H", "MIN": f"PT{v}M",
               "S": f"PT{v}S", "DEC": f"P{v * 10}Y"}[unit]
        return TimeFound(start, stop, "duration", iso)


def _future_tense(words: Sequence[str]) -> bool:
    """Return True if the sentence's verbs are in the future tense (খেলবে, হবে) and none in the past."""
    from .morph import verb_lemma
    future = past = False
    for w in words:
        if verb_lemma(w) is None:
            continue
        if w.endswith(("বে", "বেন", "বো", "ব")) and not w.endswith(("েছিলেন",)):
            future = True
        elif w.endswith(("েছে", "েছেন", "েছি", "ল", "লেন", "লো", "েছিল", "েছিলেন", "েন", "য়")) or "ছিল" in w:
            past = True
    return future and not past


@functools.lru_cache(maxsize=10_000)
def _is_unit_or_scale(word: str) -> bool:
    from .numbers import _kind, unit_of
    if unit_of(word) is not None:
        return True
    k = _kind(word)
    return k is not None and k[1] == "scale"


def _relative(ref: dt.date | None, rel: int, unit: str) -> str | None:
    if ref is None:
        return None
    if unit == "W":
        return _iso_week(ref + dt.timedelta(weeks=rel))
    if unit == "M":
        y, m = _month_shift(ref.year, ref.month, rel)
        return f"{y}-{m:02d}"
    return str(ref.year + rel)


def _time_value(date_value: str | None, code: str | None, clock: tuple[int, int] | None) -> str | None:
    t = f"T{clock[0]:02d}:{clock[1]:02d}" if clock else (f"T{'AF' if code == 'DT' else code}" if code else None)
    if t is None:
        return date_value
    return (date_value or "") + t


_STARTERS = frozenset(search_key(w) for w in ("একই", "এ", "সে", "দিবাগত", "গভীর", "সাড়ে", "সোয়া", "পৌনে"))


@functools.lru_cache(maxsize=100_000)
def _may_start(word: str) -> bool:
    """Return True if a time expression can start at this token (cheap filter)."""
    if not word:
        return False
    ch = word[0]
    if "\u09e6" <= ch <= "\u09ef" or "0" <= ch <= "9":
        return True
    if _word(word) is not None or search_key(word) in _STARTERS or search_key(word) in _ANCHOR_WORDS:
        return True
    from .numbers import may_start
    return _day(word) is not None or may_start(word) or _clock(word) is not None


def find_times(words: Sequence[str], spaced: Sequence[bool], blocked: Sequence[bool],
               ref: dt.date | None) -> list[TimeFound]:
    """Return the time expressions of one sentence (tokens where `blocked` is True are skipped)."""
    if not any(_may_start(w) for w in words):
        return []
    sc = _Scanner(words, spaced, ref)
    out = []
    k = 0
    while k < len(words):
        if blocked[k] or not _may_start(words[k]):
            k += 1
            continue
        found = sc.expression_at(k)
        if found is not None and not any(blocked[found.i:found.j]):
            out.append(found)
            k = found.j
        else:
            k += 1
    return out
