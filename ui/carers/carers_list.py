"""Carers still to be offered a conversation of their own, across the caseload, and how many
carers feel supported: seed 003 warns that carers are easily treated only as an asset.

The caseload is read off the GUI thread (`read_carers`); the list only shows what comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from assessor.carers import CarerToOffer, SupportedCount, feel_supported
from assessor.search import PeopleIndex
from assessor.targets import Targets, TargetsFileInvalid, load_targets, percent
from db.failures import explain
from ui.kit.entries import Entry
from ui.kit.forms import hint_label
from ui.kit.list_when_needed import ListWhenNeeded, ShowsListWhenNeeded

if TYPE_CHECKING:
    from assessor.operations.store_port import CarerRecords
    from ui.kit.runner import Runner

NAME = "carers list"  # the runner's name for this question: only its newest answer is shown
MEASURE_PERIOD = timedelta(days=365)


def supported_line(count: SupportedCount, targets: Targets) -> str:
    """The measure of carers who feel supported in words, beside the council's target."""
    if not count.asked:
        return "No carer has been asked “Do you feel supported?” in the last 12 months."
    return (
        f"Carers who feel supported, by their latest answer in the last 12 months: "
        f"{count.yes} of {count.asked} ({count.percent_yes:.0f}%); {count.partly} partly, "
        f"{count.no} not. {targets.who} aims for {percent(targets.carers_feel_supported)}."
    )


@dataclass(frozen=True)
class CarersRead:
    """What the Carers tab shows, worked out off the GUI thread."""

    entries: list[Entry]
    measure: str


def read_carers(
    store: CarerRecords, today: date, index: PeopleIndex, data_dir: Path | None = None
) -> CarersRead:
    """The carers still to be offered a conversation, and how many carers feel supported
    against the target in the data folder's targets.toml (read afresh each time, so a new
    target shows at the next refresh); a file that cannot be read says so in its place."""
    entries = [carer_entry(carer, index) for carer in store.carers_to_offer()]
    count = feel_supported(store.all_carer_reviews(), today - MEASURE_PERIOD, today)
    try:
        measure = supported_line(count, load_targets(data_dir))
    except TargetsFileInvalid as problem:
        measure = str(problem)
    return CarersRead(entries, measure)


def carer_entry(carer: CarerToOffer, index: PeopleIndex) -> Entry:
    names = " and ".join(index.name_of(person_id) for person_id in carer.cared_for_ids)
    if carer.carer_id:
        text = f"{carer.name}\nCares for {names}. Not yet offered a conversation."
        return Entry(text, ("carer", carer.carer_id))
    text = f"{carer.name}\nA carer named on {names}’s page one; no record of their own yet."
    return Entry(text, ("named", carer.cared_for_ids[0]))


def summary_of(count: int) -> str:
    if not count:
        return "Every carer has been offered a conversation of their own."
    who = "carer has" if count == 1 else "carers have"
    return f"{count} {who} not yet been offered a conversation of their own."


class CarersToOffer(QWidget, ShowsListWhenNeeded):
    """One line a carer; Enter or a double click opens their record, or, for a carer with no
    record yet, the page one that names them."""

    carer_chosen = Signal(str)  # a carer's own record
    named_carer_chosen = Signal(str)  # the cared-for person whose page one names a carer
    refreshed = Signal(int)  # how many carers are still to be offered, once the newest is shown

    def __init__(self, index: PeopleIndex, data_dir: Path | None = None) -> None:
        super().__init__()
        self._index = index
        self._data_dir = data_dir  # where targets.toml holds the council's targets
        self.summary = QLabel("Reading the carers…")
        self.summary.setWordWrap(True)
        self.measure = hint_label("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.measure)
        name = "Carers not yet offered a conversation of their own"
        self._list = ListWhenNeeded(name, self._chosen, layout, place=1, stretch=1)

    def refresh(self, runner: Runner, store: CarerRecords, today: date) -> None:
        """Read the carers again, in the background."""
        index, data_dir = self._index, self._data_dir
        runner.read(
            lambda: read_carers(store, today, index, data_dir),
            self._show,
            self._failed,
            latest_of=NAME,
        )

    def _show(self, read: CarersRead) -> None:
        self.entries.set_entries(read.entries)
        self.summary.setText(summary_of(len(read.entries)))
        self.measure.setText(read.measure)
        self.refreshed.emit(len(read.entries))

    def _failed(self, problem: Exception) -> None:
        self.summary.setText(f"The carers could not be read. {explain(problem)}")

    def _chosen(self, entry: Entry) -> None:
        kind, person_id = entry.target
        (self.carer_chosen if kind == "carer" else self.named_carer_chosen).emit(person_id)
