"""Checks for what workers type, each failing with a message a worker can act on.

Every check raises `InvalidInput` whose text says what is wrong in plain words, so the
interface can show it beside the field without translating codes.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from assessor.problems import PlainProblem

MONTHS = [calendar.month_abbr[m] for m in range(1, 13)]


class InvalidInput(PlainProblem, ValueError):
    """Input that cannot be stored; its text is the message shown to the worker."""


# --- NHS number -------------------------------------------------------------------------------


def nhs_check_digit(first_nine: str) -> int | None:
    """The modulus 11 check digit for nine digits, or None when no valid number can have them."""
    total = sum(int(d) * w for d, w in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def normalise_nhs_number(text: str) -> str:
    """Ten digits from what was typed (spaces and dashes allowed), checked by modulus 11."""
    digits = re.sub(r"[\s-]", "", text)
    if not digits.isdigit():
        raise InvalidInput("An NHS number has only digits (spaces are fine).")
    if len(digits) != 10:
        raise InvalidInput(f"An NHS number has 10 digits; this has {len(digits)}.")
    expected = nhs_check_digit(digits[:9])
    if expected is None or expected != int(digits[9]):
        raise InvalidInput(
            "This is not a valid NHS number: the last digit does not match the others. "
            "Check for a mistyped or swapped digit."
        )
    return digits


def format_nhs_number(digits: str) -> str:
    """The NHS's own 3-3-4 grouping, as printed on NHS letters."""
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


# --- Postcode ---------------------------------------------------------------------------------

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def normalise_postcode(text: str) -> str:
    """A UK postcode in capitals with one space before the last three characters."""
    compact = re.sub(r"\s", "", text).upper()
    match = _POSTCODE.match(compact)
    if not match:
        raise InvalidInput(
            f"“{text.strip()}” is not a UK postcode. A postcode looks like LS6 1AB or SW1A 2AA."
        )
    return f"{match.group(1)} {match.group(2)}"


# --- Dates ------------------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORDY_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")


def _month_from_word(word: str) -> int | None:
    prefix = word[:3].lower()
    for number, name in enumerate(MONTHS, start=1):
        if name.lower() == prefix and calendar.month_name[number].lower().startswith(word.lower()):
            return number
    return None


def parse_date(text: str) -> date:
    """A date typed as 23/11/2026, 23 Nov 2026, 23 November 2026 or 2026-11-23."""
    cleaned = text.strip()
    if m := _NUMERIC_DATE.match(cleaned):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _ISO_DATE.match(cleaned):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _WORDY_DATE.match(cleaned):
        day, year = int(m.group(1)), int(m.group(3))
        found = _month_from_word(m.group(2))
        if found is None:
            raise InvalidInput(f"“{m.group(2)}” is not a month. Write the date as 23/11/2026.")
        month = found
    else:
        raise InvalidInput(f"“{cleaned}” is not a date we can read. Write it as 23/11/2026.")
    if not 1 <= month <= 12:
        raise InvalidInput(f"There is no month {month}. Write the date as day/month/year.")
    if year < 1850:
        raise InvalidInput(f"The year {year} is too long ago. Check the year.")
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise InvalidInput(
            f"{cleaned} is not a real date: {calendar.month_name[month]} {year} "
            f"has {days_in_month} days."
        )
    return date(year, month, day)


def age_on(born: date, today: date) -> int:
    """Age in whole years, as of `today`."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def parse_date_of_birth(text: str, today: date) -> date:
    """A date of birth: a real date, not in the future, and a plausible age."""
    born = parse_date(text)
    if born > today:
        raise InvalidInput("A date of birth cannot be in the future.")
    if age_on(born, today) > 120:
        raise InvalidInput("That would make the person over 120. Check the year.")
    return born


def format_date(value: date | datetime) -> str:
    """Dates as people read them: 23 Nov 2026."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date_in_full(value: date | datetime) -> str:
    """Dates written out, as printed documents give them (clear print): 23 November 2026.
    The month names are fixed in English, whatever the laptop's locale."""
    return f"{value.day} {_MONTH_NAMES[value.month - 1]} {value.year}"


def format_date_numeric(value: date) -> str:
    """Dates for typing back into a field: 23/11/2026."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


# --- Contact details --------------------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalise_email(text: str) -> str:
    """An email address with a name, an @ and a domain."""
    cleaned = text.strip()
    if not _EMAIL.match(cleaned):
        raise InvalidInput(
            f"“{cleaned}” is not an email address. It should look like name@example.org."
        )
    return cleaned


_NUMBER_RUN = re.compile(r"\+?\(?\d[\d\s()\-]*")  # a number, with its spaces and brackets


def normalise_phone(text: str) -> str:
    """A phone number as typed, notes and all ("07700 900123 after 2pm, ask for Jo"), once
    the number in it has the right count of digits for a UK number (or is international)."""
    cleaned = text.strip()
    runs = [run.strip() for run in _NUMBER_RUN.findall(cleaned)]
    if not runs:
        raise InvalidInput("Write the number itself; a note such as “after 2pm” can go beside it.")
    number = max(runs, key=lambda run: sum(c.isdigit() for c in run))
    digits = re.sub(r"\D", "", number)
    if number.startswith("+") and not digits.startswith("44"):
        return cleaned  # international numbers vary in length
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    if not 10 <= len(digits) <= 11:
        raise InvalidInput(
            f"A UK phone number has 10 or 11 digits; this has {len(digits)}. Check for a "
            "missing digit."
        )
    return cleaned
