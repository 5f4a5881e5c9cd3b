"""What a worker types is checked with messages they can act on."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from assessor import example
from assessor.validation import (
    InvalidInput,
    format_date,
    format_date_numeric,
    format_nhs_number,
    nhs_check_digit,
    normalise_email,
    normalise_nhs_number,
    normalise_phone,
    normalise_postcode,
    parse_date,
    parse_date_of_birth,
)

TODAY = date(2026, 11, 23)
VALID_NHS = example.nhs_number_in_test_range(100)  # 999 000 1006


def _wrong_last_digit(number: str) -> str:
    return number[:9] + str((int(number[9]) + 1) % 10)


# --- NHS number -------------------------------------------------------------------------------


def test_test_range_numbers_have_valid_check_digits() -> None:
    """The helper used for fictional people makes numbers the checker accepts."""
    assert VALID_NHS == "9990001006"
    assert normalise_nhs_number(VALID_NHS) == VALID_NHS


@pytest.mark.parametrize(
    "typed",
    [
        "9990001006",
        "999 000 1006",
        " 999 000 1006 ",
        "999-000-1006",
        "999\t000\t1006",
    ],
)
def test_nhs_number_accepts_spaces_and_dashes(typed: str) -> None:
    """However the number is grouped, ten digits are stored."""
    assert normalise_nhs_number(typed) == "9990001006"


def test_nhs_number_is_formatted_three_three_four() -> None:
    """Numbers are shown grouped as on NHS letters."""
    assert format_nhs_number("9990001006") == "999 000 1006"


def test_nhs_number_with_wrong_check_digit_is_refused() -> None:
    """A mistyped digit is caught by modulus 11, and the message points at the last digit."""
    with pytest.raises(InvalidInput, match="last digit") as caught:
        normalise_nhs_number(_wrong_last_digit(VALID_NHS))
    assert "not a valid NHS number" in str(caught.value)


def test_nhs_number_with_swapped_digits_is_refused() -> None:
    """Swapping two neighbouring digits (a common slip) breaks the check digit."""
    swapped = VALID_NHS[:6] + VALID_NHS[7] + VALID_NHS[6] + VALID_NHS[8:]
    assert swapped != VALID_NHS
    with pytest.raises(InvalidInput, match="last digit"):
        normalise_nhs_number(swapped)


@pytest.mark.parametrize(("typed", "count"), [("999000100", 9), ("99900010061", 11), ("9", 1)])
def test_nhs_number_of_wrong_length_says_how_many_digits(typed: str, count: int) -> None:
    """The message tells the worker how many digits they typed."""
    with pytest.raises(InvalidInput, match=rf"10 digits; this has {count}\."):
        normalise_nhs_number(typed)


@pytest.mark.parametrize("typed", ["999 OOO 1006", "NHS9990001006", "999.000.1006", ""])
def test_nhs_number_with_letters_or_symbols_is_refused(typed: str) -> None:
    """Letters (such as O for 0) and other symbols are refused as not digits."""
    with pytest.raises(InvalidInput, match="only digits"):
        normalise_nhs_number(typed)


def test_nhs_number_whose_check_would_be_ten_is_refused_whatever_the_last_digit() -> None:
    """Nine digits whose check digit would be 10 cannot start any valid NHS number."""
    first_nine = "999000014"
    assert nhs_check_digit(first_nine) is None
    for last in "0123456789":
        with pytest.raises(InvalidInput, match="last digit"):
            normalise_nhs_number(first_nine + last)


def test_check_digit_eleven_becomes_zero() -> None:
    """When 11 minus the remainder is 11, the check digit is 0."""
    assert nhs_check_digit("999000001") == 8
    assert nhs_check_digit("000000000") == 0
    assert normalise_nhs_number("0000000000") == "0000000000"


# --- Postcode ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("LS6 1AB", "LS6 1AB"),
        ("ls61ab", "LS6 1AB"),
        ("sw1a2aa", "SW1A 2AA"),
        ("  SW1A   2AA ", "SW1A 2AA"),
        ("m1 1ae", "M1 1AE"),
        ("LS11 5PQ", "LS11 5PQ"),
        ("hg44zz", "HG4 4ZZ"),
    ],
)
def test_postcode_is_stored_in_capitals_with_one_space(typed: str, stored: str) -> None:
    """Postcodes are kept in the Royal Mail form whatever the spacing or case typed."""
    assert normalise_postcode(typed) == stored


@pytest.mark.parametrize("typed", ["LS6", "12345", "LS6 1A", "LS6 1ABC", "", "L 1AB"])
def test_not_a_postcode_is_refused_with_an_example(typed: str) -> None:
    """An outward code alone, digits or a truncated code are not accepted as a postcode."""
    with pytest.raises(InvalidInput, match="not a UK postcode") as caught:
        normalise_postcode(typed)
    assert "LS6 1AB" in str(caught.value)


# --- Dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "23/11/2026",
        "23.11.2026",
        "23-11-2026",
        "23 Nov 2026",
        "23 nov 2026",
        "23 Nov. 2026",
        "23 November 2026",
        "2026-11-23",
        " 23/11/2026 ",
    ],
)
def test_dates_are_read_in_the_ways_workers_write_them(typed: str) -> None:
    """Day-first numeric, wordy and ISO dates all mean the same day."""
    assert parse_date(typed) == date(2026, 11, 23)


def test_single_digit_day_and_month() -> None:
    """3/1/2026 is 3 January, day first as in England."""
    assert parse_date("3/1/2026") == date(2026, 1, 3)
    assert parse_date("3 Sept 2026") == date(2026, 9, 3)


def test_day_beyond_end_of_month_says_how_many_days_the_month_has() -> None:
    """31 February is refused, and the message names the month and its length."""
    with pytest.raises(InvalidInput, match="February 1950 has 28 days"):
        parse_date("31/02/1950")


def test_leap_day_in_a_leap_year_is_accepted() -> None:
    """29 February exists in 2024."""
    assert parse_date("29/02/2024") == date(2024, 2, 29)


def test_leap_day_in_a_common_year_is_refused() -> None:
    """29 February 2023 did not exist."""
    with pytest.raises(InvalidInput, match="February 2023 has 28 days"):
        parse_date("29/02/2023")


@pytest.mark.parametrize("typed", ["01/13/2020", "2020-13-01"])
def test_month_thirteen_is_refused(typed: str) -> None:
    """A month-first date (American order) is caught as there being no month 13."""
    with pytest.raises(InvalidInput, match="no month 13"):
        parse_date(typed)


def test_unknown_month_word_is_named() -> None:
    """A mistyped month name is quoted back to the worker."""
    with pytest.raises(InvalidInput, match="“Noc” is not a month"):
        parse_date("23 Noc 2026")


@pytest.mark.parametrize("typed", ["next Tuesday", "23/11/26", "", "2026/11"])
def test_unreadable_date_is_refused_with_an_example(typed: str) -> None:
    """Anything that is not a recognised date says how to write one."""
    with pytest.raises(InvalidInput, match="not a date we can read") as caught:
        parse_date(typed)
    assert "23/11/2026" in str(caught.value)


def test_date_of_birth_today_is_accepted() -> None:
    """A baby born today can be recorded."""
    assert parse_date_of_birth("23/11/2026", TODAY) == TODAY


def test_date_of_birth_in_the_future_is_refused() -> None:
    """Tomorrow cannot be a date of birth."""
    with pytest.raises(InvalidInput, match="cannot be in the future"):
        parse_date_of_birth("24/11/2026", TODAY)


def test_date_of_birth_over_120_years_ago_is_refused() -> None:
    """A year typed wrongly (1900 for 1990) is caught."""
    with pytest.raises(InvalidInput, match="over 120"):
        parse_date_of_birth("14/03/1900", TODAY)


def test_plausible_old_date_of_birth_is_accepted() -> None:
    """A 105-year-old is recorded without complaint."""
    assert parse_date_of_birth("30 Jan 1921", TODAY) == date(1921, 1, 30)


def test_date_of_birth_must_still_be_a_real_date() -> None:
    """The date-of-birth check runs the ordinary date checks first."""
    with pytest.raises(InvalidInput, match="February 1950 has 28 days"):
        parse_date_of_birth("31/02/1950", TODAY)


def test_format_date_as_people_read_it() -> None:
    """Dates are shown as 23 Nov 2026, without a leading zero, for dates and datetimes."""
    assert format_date(date(2026, 11, 23)) == "23 Nov 2026"
    assert format_date(date(2026, 1, 3)) == "3 Jan 2026"
    assert format_date(datetime(2026, 11, 23, 14, 5)) == "23 Nov 2026"


def test_format_date_numeric_round_trips_through_parse_date() -> None:
    """The numeric form typed back into a field reads as the same date."""
    assert format_date_numeric(date(2026, 1, 3)) == "03/01/2026"
    assert parse_date(format_date_numeric(date(2026, 1, 3))) == date(2026, 1, 3)


# --- Contact details --------------------------------------------------------------------------


def test_email_is_accepted_and_trimmed() -> None:
    """A normal address is kept, without surrounding spaces."""
    assert normalise_email("  sam.patel@example.org ") == "sam.patel@example.org"


@pytest.mark.parametrize(
    "typed", ["sam.patel.example.org", "sam@example", "sam patel@example.org", "@example.org", ""]
)
def test_not_an_email_is_refused(typed: str) -> None:
    """Addresses missing an @, a domain or with a space are refused with an example."""
    with pytest.raises(InvalidInput, match="not an email address"):
        normalise_email(typed)


@pytest.mark.parametrize(
    "typed", ["0113 496 0101", "07700 900101", "+44 7700 900101", "(0113) 496-0101", "0113496010"]
)
def test_uk_phone_numbers_are_kept_as_typed(typed: str) -> None:
    """A UK number with 10 or 11 digits (or +44) is accepted and not reformatted."""
    assert normalise_phone(f" {typed} ") == typed


def test_phone_with_a_missing_digit_says_how_many_digits() -> None:
    """The message says how many digits were typed."""
    with pytest.raises(InvalidInput, match="10 or 11 digits; this has 9"):
        normalise_phone("0113 496 01")


def test_phone_with_too_many_digits_is_refused() -> None:
    """An extra digit is caught too."""
    with pytest.raises(InvalidInput, match="this has 12"):
        normalise_phone("07700 9001011")


@pytest.mark.parametrize(
    "typed",
    [
        "07700 900123 after 2pm, ask for Jo",
        "0113 496 0101 ext 4",
        "Pat: (0113) 496-0101",
        "+33 1 23",
    ],
)
def test_phone_may_carry_a_note(typed: str) -> None:
    """People write when to ring and whom to ask for; the number in it is what is checked."""
    assert normalise_phone(typed) == typed


def test_a_note_with_a_short_number_still_says_how_many_digits() -> None:
    with pytest.raises(InvalidInput, match="this has 9"):
        normalise_phone("0113 496 01 after 2pm")


def test_phone_with_no_number_is_refused() -> None:
    with pytest.raises(InvalidInput, match="Write the number itself"):
        normalise_phone("ask for Jo")
