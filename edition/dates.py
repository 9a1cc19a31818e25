"""EDTF dates (Library of Congress Extended Date/Time Format) and the days they allow.

Each date in the data is an EDTF string in the Gregorian calendar: ``1927-11-14``, ``1929-01``,
``1936~`` (approximate), ``1883?`` (uncertain), ``1937-01-30/1937-02-01`` (an interval).
The edition works with its earliest and latest possible days.

Most values are plain ISO dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) or intervals between two of
them; their bounds are computed here directly. Everything else goes to the ``edtf`` library, whose
grammar is slow (about 10 ms a value). A test checks that both give the same bounds for every date
value in the data.
"""

import calendar
import datetime as dt
import functools
import re
import time
from typing import NamedTuple

_PLAIN = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class DateBounds(NamedTuple):
    earliest: dt.date
    latest: dt.date


def _plain_bounds(text: str) -> DateBounds | None:
    """Bounds of a plain ISO date, or None when ``text`` is not one (or is not a real day)."""
    match = _PLAIN.fullmatch(text)
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return DateBounds(dt.date(year, 1, 1), dt.date(year, 12, 31))
        if day is None:
            return DateBounds(
                dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
            )
        return DateBounds(dt.date(year, month, day), dt.date(year, month, day))
    except ValueError:  # month 13, 30 February, year 0: let the library say why
        return None


def fast_bounds(text: str) -> DateBounds | None:
    """Bounds of a plain ISO date or an interval of two in order; None for any other form."""
    start, slash, end = text.partition("/")
    if not slash:
        return _plain_bounds(text)
    first, last = _plain_bounds(start), _plain_bounds(end)
    if first is None or last is None or first.earliest > last.latest:
        return None
    return DateBounds(first.earliest, last.latest)


def _to_date(struct: time.struct_time) -> dt.date:
    return dt.date(struct.tm_year, struct.tm_mon, struct.tm_mday)


def library_bounds(text: str) -> DateBounds:
    """Bounds as the ``edtf`` library computes them; ValueError if ``text`` is not valid EDTF."""
    from edtf import (
        parse_edtf,  # imported here: a kernel that reads cached tables never needs the grammar
    )
    from edtf.parser.edtf_exceptions import EDTFParseException

    try:
        parsed = parse_edtf(text)
        return DateBounds(_to_date(parsed.lower_strict()), _to_date(parsed.upper_strict()))
    except (EDTFParseException, ValueError, OverflowError, AttributeError) as error:
        raise ValueError(f"not an EDTF date ({error})") from None


@functools.cache  # values repeat across tables
def date_bounds(text: str) -> DateBounds:
    """The earliest and latest day an EDTF string allows; ValueError if it is not valid EDTF."""
    return fast_bounds(text) or library_bounds(text)


def is_uncertain(text: str) -> bool:
    """True when the date is marked approximate (~), uncertain (?) or both (%)."""
    return any(mark in text for mark in "~?%")
