"""`assessor plan` and `assessor record`: the printed documents for council IT and scripts."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from assessor.example import example_id
from assessor.paths import DATA_DIR_VARIABLE, WORKER_VARIABLE
from tests.cli_helpers import cli

PEGGY = example_id("peggy")
BERNIE = example_id("bernie")
DES = example_id("desmond")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store holding the example caseload; the environment points elsewhere."""
    monkeypatch.setenv(WORKER_VARIABLE, "Sam Patel")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path / "not-this-one"))
    folder = tmp_path / "store"
    assert cli("example-caseload", "--data-dir", str(folder))[0] == 0
    return folder


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def body_sizes(path: Path) -> set[float]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return {round(char["size"], 1) for page in pdf.pages for char in page.chars}


def test_plan_writes_the_persons_plan_in_the_format_page_one_records(
    data_dir: Path, tmp_path: Path
) -> None:
    """Peggy asked for large print, so that is what she gets unless the worker says otherwise."""
    target = tmp_path / "peggy.pdf"
    code, out, err = cli("plan", PEGGY, "--data-dir", str(data_dir), "--out", str(target))
    assert (code, err) == (0, "")
    assert out == f"Wrote {target} (My plan, large print, 18 point)\n"
    assert "Peggy" in text_of(target)
    assert min(body_sizes(target)) >= 16

    code, out, err = cli(
        "plan", PEGGY, "--standard", "--data-dir", str(data_dir), "--out", str(target)
    )
    assert (code, err) == (0, "")
    assert "standard print, 12 point" in out
    assert 12.0 in body_sizes(target)


def test_large_print_can_be_asked_for(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "bernie.pdf"
    code, out, _ = cli(
        "plan", BERNIE, "--large-print", "--data-dir", str(data_dir), "--out", str(target)
    )
    assert code == 0
    assert "large print, 18 point" in out
    assert min(body_sizes(target)) >= 16


def test_a_carers_plan_is_their_own(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "bernie-carer.pdf"
    code, out, err = cli(
        "plan", BERNIE, "--as-carer", "--data-dir", str(data_dir), "--out", str(target)
    )
    assert (code, err) == (0, "")
    assert "My plan as a carer" in out
    text = text_of(target)
    assert "Eileen" in text and "Peggy" in text

    code, out, err = cli(
        "plan", PEGGY, "--as-carer", "--data-dir", str(data_dir), "--out", str(target)
    )
    assert code != 0 and out == ""
    assert err == "assessor: Peggy Okafor is not recorded as caring for anyone\n"


def test_record_writes_the_record_of_our_conversation(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "record.pdf"
    code, out, err = cli("record", PEGGY, "--data-dir", str(data_dir), "--out", str(target))
    assert (code, err) == (0, "")
    assert out.startswith(f"Wrote {target} (Record of our conversation")
    assert "Peggy" in text_of(target)


@pytest.mark.parametrize("command", ["plan", "record"])
def test_a_missing_person_fails_with_one_line(data_dir: Path, tmp_path: Path, command: str) -> None:
    target = tmp_path / "x.pdf"
    code, out, err = cli(
        command, "no-such-person", "--data-dir", str(data_dir), "--out", str(target)
    )
    assert (code, out) == (1, "")
    assert err == "assessor: no person with id no-such-person\n"
    assert not target.exists()


@pytest.mark.parametrize("command", ["plan", "record"])
def test_an_unwritable_path_fails_with_one_line_and_leaves_nothing(
    data_dir: Path, tmp_path: Path, command: str
) -> None:
    target = tmp_path / "missing-dir" / "x.pdf"
    code, out, err = cli(command, PEGGY, "--data-dir", str(data_dir), "--out", str(target))
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1 and str(target) in err
    assert not target.parent.exists()


def test_the_team_file_names_who_to_contact(data_dir: Path, tmp_path: Path) -> None:
    (data_dir / "team.toml").write_text(
        'name = "North Leeds Adult Social Care"\nphone = "0113 496 0000"\n', encoding="utf-8"
    )
    target = tmp_path / "peggy.pdf"
    assert cli("plan", PEGGY, "--data-dir", str(data_dir), "--out", str(target))[0] == 0
    text = text_of(target)
    assert "0113 496 0000" in text
    assert PdfReader(target).metadata.author == "North Leeds Adult Social Care"


def test_a_team_file_that_cannot_be_read_says_what_to_fix(data_dir: Path, tmp_path: Path) -> None:
    (data_dir / "team.toml").write_text("phone = 1130000\n", encoding="utf-8")
    code, out, err = cli("plan", PEGGY, "--data-dir", str(data_dir), "--out", str(tmp_path / "x"))
    assert (code, out) == (1, "")
    assert "should hold only name, phone, email and out_of_hours, each as text in" in err


def test_easy_read_is_what_a_person_who_reads_it_gets(data_dir: Path, tmp_path: Path) -> None:
    """Des's page one records Easy Read: his plan comes in Easy Read unless the worker asks
    for another format; anyone's can be asked for in it; his record stays in clear print."""
    target = tmp_path / "des.pdf"
    code, out, err = cli("plan", DES, "--data-dir", str(data_dir), "--out", str(target))
    assert (code, err) == (0, "")
    assert out == f"Wrote {target} (My plan, easy read, 16 point)\n"
    assert "This is my plan in Easy Read." in text_of(target)
    assert min(body_sizes(target)) >= 14

    code, out, _ = cli(
        "plan", PEGGY, "--easy-read", "--data-dir", str(data_dir), "--out", str(target)
    )
    assert code == 0 and "(My plan, easy read, 16 point)" in out
    assert "In Peggy’s words" in text_of(target)

    code, out, _ = cli("record", DES, "--data-dir", str(data_dir), "--out", str(target))
    assert code == 0 and "(Record of our conversation, large print, 16 point)" in out


def test_a_carers_plan_is_not_made_in_easy_read(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "bernie.pdf"
    code, out, err = cli(
        "plan",
        BERNIE,
        "--as-carer",
        "--easy-read",
        "--data-dir",
        str(data_dir),
        "--out",
        str(target),
    )
    assert code != 0 and out == ""
    assert "Easy Read is made of My plan only" in err
    assert not target.exists()
