"""EDTF dates (Library of Congress Extended Date/Time Format), parsed by the `edtf` library.

Each date in the data is an EDTF string in the Gregorian calendar: ``1927-11-14``, ``1929-01``,
``1936~`` (approximate), ``1883?`` (uncertain), ``1937-01-30/1937-02-01`` (an interval).
The edition works with its earliest and latest possible days.
"""

import datetime as dt
import functools
import time
from typing import NamedTuple

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException


class DateBounds(NamedTuple):
    earliest: dt.date
    latest: dt.date


def _to_date(struct: time.struct_time) -> dt.date:
    return dt.date(struct.tm_year, struct.tm_mon, struct.tm_mday)


@functools.lru_cache(maxsize=None)  # the EDTF grammar is slow (~20 ms a date) and values repeat
def date_bounds(text: str) -> DateBounds:
    """The earliest and latest day an EDTF string allows; ValueError if it is not valid EDTF."""
    try:
        parsed = parse_edtf(text)
        return DateBounds(_to_date(parsed.lower_strict()), _to_date(parsed.upper_strict()))
    except (EDTFParseException, ValueError, OverflowError, AttributeError) as error:
        raise ValueError(f"not an EDTF date ({error})") from None


def is_uncertain(text: str) -> bool:
    """True when the date is marked approximate (~), uncertain (?) or both (%)."""
    return any(mark in text for mark in "~?%")
