"""`assessor record` and `plan` when the laptop's clock has been wrong: the record is of the
conversation just recorded, and a clock behind the store's records is pointed out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from assessor.paths import WORKER_VARIABLE
from assessor.record import Contact, Entry, Person
from assessor.validation import format_date
from db.store import Store
from tests.cli_helpers import cli


def _peggy_with_two_conversations(folder: Path, first: datetime, then: datetime) -> str:
    """Peggy's conversation recorded at `first`, then another at `then`, each dated by the
    clock of its day (stamps are UTC without a zone, as the store keeps them)."""
    clock = [first]
    store = Store.open(folder, "Sam Patel", create=True, clock=lambda: clock[0])
    peggy = store.add_person(Person("Peggy", "Frightened of the stairs.", family_name="Okafor"))
    for said in ("Getting back to chapel.", "A rail on the stairs."):
        contact = store.add_contact(Contact(peggy.id, clock[0].date()))
        store.set_entry(contact.id, "what_matters", Entry(said, own_words=True))
        clock[0] = then
    store.close()
    return peggy.id


@pytest.fixture(autouse=True)
def _worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKER_VARIABLE, "Sam Patel")


def test_the_record_is_of_the_conversation_just_recorded_when_the_clock_was_set_back(
    tmp_path: Path,
) -> None:
    """Today's conversation, dated 400 days ago by a clock set back, is still the one printed."""
    now = datetime.now(UTC).replace(tzinfo=None)
    peggy = _peggy_with_two_conversations(
        tmp_path, now - timedelta(days=1), now - timedelta(days=400)
    )
    target = tmp_path / "record.pdf"
    code, _out, err = cli("record", peggy, "--data-dir", str(tmp_path), "--out", str(target))
    assert (code, err) == (0, "")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "In Peggy Okafor’s words: “A rail on the stairs.”" in text
    assert "Getting back to chapel." not in text


@pytest.mark.parametrize("command", ["record", "plan"])
def test_a_clock_behind_the_records_is_pointed_out_in_one_line(
    tmp_path: Path, command: str
) -> None:
    """Records saved as late as 400 days from now mean this laptop's clock is behind."""
    ahead = datetime.now(UTC).replace(tzinfo=None) + timedelta(days=400)
    peggy = _peggy_with_two_conversations(tmp_path, ahead, ahead)
    target = tmp_path / "out.pdf"
    code, out, err = cli(command, peggy, "--data-dir", str(tmp_path), "--out", str(target))
    assert code == 0 and out.startswith(f"Wrote {target}")
    today = format_date(date.today())
    assert err == (
        f"assessor: This laptop’s clock says {today}, but records here were saved as late as "
        f"{format_date(ahead.replace(tzinfo=UTC).astimezone())}. Check the date and time in the "
        "laptop’s settings: until they are right, what you record is dated wrongly.\n"
    )
