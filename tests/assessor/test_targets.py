"""A council's targets are its settings: the study's figures unless targets.toml says otherwise,
and a file that cannot be used says what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.targets import TARGETS_FILE, Targets, TargetsFileInvalid, load_targets, percent


def test_with_no_file_the_targets_are_the_studys_and_name_no_place(tmp_path: Path) -> None:
    targets = load_targets(tmp_path)
    assert targets == Targets()
    assert (targets.carers_feel_supported, targets.help_within_48_hours) == (95, 90)
    assert targets.who == "The council"
    assert load_targets(None) == Targets()


def test_a_council_file_sets_its_own_targets_and_name(tmp_path: Path) -> None:
    (tmp_path / TARGETS_FILE).write_text(
        'council = "Fernley Borough Council"\ncarers_feel_supported = 92.5\n', encoding="utf-8"
    )
    targets = load_targets(tmp_path)
    assert targets.who == "Fernley Borough Council"
    assert percent(targets.carers_feel_supported) == "92.5%"
    assert targets.help_within_48_hours == 90  # not set: the study's


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("carers_feel_supported = 195\n", "carers_feel_supported should be a percentage"),
        ('carers_feel_supported = "95"\n', "carers_feel_supported should be a percentage"),
        ("carers_feel_supported = true\n", "carers_feel_supported should be a percentage"),
        ("isle_of_wight = 95\n", "should hold only council and the targets"),
        ("council = 3\n", "council should be the council's name"),
        ("carers_feel_supported = \n", "cannot be read as TOML"),
    ],
)
def test_a_file_that_cannot_be_used_says_what_to_fix(tmp_path: Path, text: str, says: str) -> None:
    (tmp_path / TARGETS_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(TargetsFileInvalid, match=says):
        load_targets(tmp_path)
