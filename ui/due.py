"""Goals due for review across the whole caseload, so none waits unnoticed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from assessor.search import PeopleIndex
from ui.forms import named

if TYPE_CHECKING:
    from db.store import Store

_GOAL = Qt.ItemDataRole.UserRole


class DueList(QWidget):
    """Person, goal and why it is due; Enter or a double click opens the person's goals."""

    goal_chosen = Signal(str, str)  # person id, goal id

    def __init__(self, index: PeopleIndex) -> None:
        super().__init__()
        self._index = index
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = named(QListWidget(), "Goals due for review")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)

    def refresh(self, store: Store, today: date) -> int:
        """Re-read every goal; returns how many are due."""
        # Imported here: the list is first filled once the store is ready, after the window
        # shows, and the goals module is not needed before then.
        from assessor.goals import goals_due

        due = goals_due(store.all_goals(), today)
        self.list.clear()
        for item in due:
            person = self._index.get(item.goal.person_id)
            name = person.display_name if person else "Someone not on this caseload"
            entry = QListWidgetItem(f"{name}: “{item.goal.words}”\n{item.reason}")
            entry.setData(_GOAL, (item.goal.person_id, item.goal.id))
            self.list.addItem(entry)
        if due:
            goals = "goal is" if len(due) == 1 else "goals are"
            self.summary.setText(f"{len(due)} {goals} due for review, the most overdue first.")
        else:
            self.summary.setText("No goals are due for review.")
        return len(due)

    def _chosen(self, item: QListWidgetItem) -> None:
        person_id, goal_id = item.data(_GOAL)
        self.goal_chosen.emit(person_id, goal_id)
