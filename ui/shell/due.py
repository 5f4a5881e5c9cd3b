"""What is due across the whole caseload: short-term help outcomes to record, carers' reviews
and goals to review, so none waits unnoticed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from assessor.search import PeopleIndex
from assessor.validation import format_date
from ui.kit.forms import named

if TYPE_CHECKING:
    from db.store import Store

_TARGET = Qt.ItemDataRole.UserRole


class DueList(QWidget):
    """Person, what is due and why; Enter or a double click opens it."""

    goal_chosen = Signal(str, str)  # person id, goal id
    episode_chosen = Signal(str, str)  # person id, episode id
    carer_review_chosen = Signal(str)  # the carer's person id

    def __init__(self, index: PeopleIndex) -> None:
        super().__init__()
        self._index = index
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = named(QListWidget(), "Due: outcomes to record and goals to review")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)

    def refresh(self, store: Store, today: date) -> int:
        """Re-read goals and short-term help; returns how many things are due."""
        # Imported here: the list is first filled once the store is ready, after the window
        # shows, and these modules are not needed before then.
        from assessor.carers import review_due
        from assessor.goals import goals_due
        from assessor.short_term import outcomes_due

        self.list.clear()
        outcomes = outcomes_due(store.episodes(), today)
        for outcome in outcomes:
            episode = outcome.episode
            self._add(
                episode.person_id,
                f"{outcome.weeks}-week outcome of {episode.kind.label.lower()}",
                f"{'Was due' if outcome.due < today else 'Due'} {format_date(outcome.due)}",
                ("episode", episode.id),
            )
        carer_plans = [plan for plan in store.all_carer_plans() if review_due(plan, today)]
        for plan in sorted(carer_plans, key=lambda plan: plan.review_on or today):
            when = plan.review_on or today
            self._add(
                plan.carer_id,
                "carer’s review: do they feel supported?",
                f"{'Was due' if when < today else 'Due'} {format_date(when)}",
                ("carer", plan.carer_id),
            )
        goals = goals_due(store.all_goals(), today)
        for item in goals:
            self._add(
                item.goal.person_id, f"“{item.goal.words}”", item.reason, ("goal", item.goal.id)
            )
        count = len(outcomes) + len(carer_plans) + len(goals)
        if count:
            things = "thing is" if count == 1 else "things are"
            self.summary.setText(
                f"{count} {things} due: short-term help outcomes to record, carers’ reviews, "
                "then goals to review, the most overdue first."
            )
        else:
            self.summary.setText(
                "Nothing is due: no goals or carers to review, no outcomes to record."
            )
        return count

    def _add(self, person_id: str, what: str, why: str, target: tuple[str, str]) -> None:
        name = self._index.name_of(person_id)
        entry = QListWidgetItem(f"{name[:1].upper()}{name[1:]}: {what}\n{why}")
        entry.setData(_TARGET, (person_id, *target))
        self.list.addItem(entry)

    def _chosen(self, item: QListWidgetItem) -> None:
        person_id, kind, record_id = item.data(_TARGET)
        if kind == "carer":
            self.carer_review_chosen.emit(person_id)
        else:
            (self.goal_chosen if kind == "goal" else self.episode_chosen).emit(person_id, record_id)
