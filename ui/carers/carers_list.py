"""Carers still to be offered a conversation of their own, across the caseload, and how many
carers feel supported: seed 003 warns that carers are easily treated only as an asset."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from assessor.carers import CarerToOffer, SupportedCount, feel_supported
from assessor.search import PeopleIndex
from ui.kit.forms import hint_label, named

if TYPE_CHECKING:
    from db.store import Store

_TARGET = Qt.ItemDataRole.UserRole
MEASURE_PERIOD = timedelta(days=365)


def supported_line(count: SupportedCount) -> str:
    """The Isle of Wight measure in words."""
    if not count.asked:
        return "No carer has been asked “Do you feel supported?” in the last 12 months."
    return (
        f"Carers who feel supported, by their latest answer in the last 12 months: "
        f"{count.yes} of {count.asked} ({count.percent_yes:.0f}%); {count.partly} partly, "
        f"{count.no} not. The Isle of Wight aims for 95%."
    )


class CarersToOffer(QWidget):
    """One line a carer; Enter or a double click opens their record, or, for a carer with no
    record yet, the page one that names them."""

    carer_chosen = Signal(str)  # a carer's own record
    named_carer_chosen = Signal(str)  # the cared-for person whose page one names a carer

    def __init__(self, index: PeopleIndex) -> None:
        super().__init__()
        self._index = index
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = named(QListWidget(), "Carers not yet offered a conversation of their own")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.itemActivated.connect(self._chosen)
        self.measure = hint_label("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.measure)

    def refresh(self, store: Store, today: date) -> int:
        """Re-read the carers; returns how many are still to be offered a conversation."""
        self.list.clear()
        carers = store.carers_to_offer()
        for carer in carers:
            self._add(carer)
        if carers:
            who = "carer has" if len(carers) == 1 else "carers have"
            self.summary.setText(
                f"{len(carers)} {who} not yet been offered a conversation of their own."
            )
        else:
            self.summary.setText("Every carer has been offered a conversation of their own.")
        reviews = store.all_carer_reviews()
        self.measure.setText(supported_line(feel_supported(reviews, today - MEASURE_PERIOD, today)))
        return len(carers)

    def _add(self, carer: CarerToOffer) -> None:
        names = " and ".join(self._index.name_of(person_id) for person_id in carer.cared_for_ids)
        if carer.carer_id:
            text = f"{carer.name}\nCares for {names}. Not yet offered a conversation."
            target = ("carer", carer.carer_id)
        else:
            text = f"{carer.name}\nA carer named on {names}’s page one; no record of their own yet."
            target = ("named", carer.cared_for_ids[0])
        entry = QListWidgetItem(text)
        entry.setData(_TARGET, target)
        self.list.addItem(entry)

    def _chosen(self, item: QListWidgetItem) -> None:
        kind, person_id = item.data(_TARGET)
        (self.carer_chosen if kind == "carer" else self.named_carer_chosen).emit(person_id)
