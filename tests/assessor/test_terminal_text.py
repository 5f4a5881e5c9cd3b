"""Text from outside is shown with its control characters escaped, never raw."""

from __future__ import annotations

import os

from assessor.terminal_text import brief, is_plain, shown


def test_escape_codes_line_breaks_and_overrides_are_shown_escaped() -> None:
    assert shown("\x1b[31mred\x07") == "\\x1b[31mred\\x07"
    assert shown("one\ntwo\rthree\tfour") == "one\\x0atwo\\x0dthree\\x09four"
    assert shown("\u202eevil\u2028") == "\\u202eevil\\u2028"
    assert shown("\x9b2J") == "\\x9b2J"


def test_bytes_that_were_not_utf8_are_shown_as_the_bytes_they_were() -> None:
    assert shown(os.fsdecode(b"Sam \xff\xfe")) == "Sam \\xff\\xfe"


def test_plain_text_in_any_script_is_left_alone() -> None:
    names = ("Peggy Okafor", "Zoë Ní Bhriain", "Đặng Thị Lan", "श्रीमती", "O'Neill-Smith")
    joined = ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "ക്\u200dക")  # joiners
    for text in (*names, *joined):
        assert shown(text) == text and is_plain(text)
    assert not is_plain("a\x00b")


def test_a_long_value_is_cut_and_its_length_given() -> None:
    assert brief("x" * 10_000, 5) == "xxxxx… (10,000 characters)"
    assert brief("short", 5) == "short"
