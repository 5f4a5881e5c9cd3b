"""What is due across the whole caseload: short-term help outcomes to record, carers' reviews
and goals to review, so none waits unnoticed.

Reading the whole caseload takes a moment with thousands of people, so `read_due` runs off the
GUI thread and hands back plain entries; the list only shows them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout

from assessor.search import PeopleIndex
from assessor.validation import format_date
from db.failures import explain
from ui.kit.entries import Entry
from ui.kit.list_when_needed import ListWhenNeeded, ShowsListWhenNeeded
from ui.kit.steady_page import SteadyPage

if TYPE_CHECKING:
    from db.store import Store
    from ui.kit.runner import Runner

NAME = "due list"  # the runner's name for this question: only its newest answer is shown


def read_due(store: Store, today: date, index: PeopleIndex) -> list[Entry]:
    """Outcomes to record, then carers' reviews, then goals, the most overdue first; each
    entry carries its due date, by which the list groups it (a new kind is one more loop)."""
    # Imported here: the list is first read once the store is ready, after the window shows,
    # and these modules are not needed before then.
    from assessor.carers import CarerReview, review_due
    from assessor.follow_up import follow_ups_due
    from assessor.goals import goals_due
    from assessor.short_term import outcomes_due

    def entry(person_id: str, what: str, why: str, target: tuple[str, str], due: date) -> Entry:
        name = index.name_of(person_id)
        return Entry(f"{name[:1].upper()}{name[1:]}: {what}\n{why}", (person_id, *target), due)

    def when(due: date) -> str:
        return f"{'Was due' if due < today else 'Due'} {format_date(due)}"

    entries = []
    for outcome in outcomes_due(store.episodes_awaiting_outcome(), today):
        episode, due = outcome.episode, outcome.due
        what = f"{outcome.weeks}-week outcome of {episode.kind.label.lower()}"
        entries.append(entry(episode.person_id, what, when(due), ("episode", episode.id), due))
    reviews: dict[str, list[CarerReview]] = {}
    for review in store.all_carer_reviews():
        reviews.setdefault(review.carer_id, []).append(review)
    carer_plans = [
        plan
        for plan in store.all_carer_plans()
        if review_due(plan, today, reviews.get(plan.carer_id, []))
    ]
    for plan in sorted(carer_plans, key=lambda plan: plan.review_on or today):
        due = plan.review_on or today
        what = "carer’s review: do they feel supported?"
        entries.append(entry(plan.carer_id, what, when(due), ("carer", plan.carer_id), due))
    for follow_up in follow_ups_due(store.contacts_to_follow_up(), today):
        what = f"follow-up we agreed on {format_date(follow_up.on)}"
        target = ("contact", follow_up.contact_id)
        entries.append(entry(follow_up.person_id, what, when(follow_up.on), target, follow_up.on))
    for item in goals_due(store.goals_to_date(), today):
        goal = item.goal
        target = ("goal", goal.id)
        entries.append(entry(goal.person_id, f"“{goal.words}”", item.reason, target, item.due))
    return entries


def summary_of(count: int) -> str:
    if not count:
        return "Nothing is due: no goals or carers to review, no outcomes or follow-ups."
    things = "thing is" if count == 1 else "things are"
    return (
        f"{count} {things} due, under Overdue, This week and Later: short-term help outcomes "
        "to record, carers’ reviews, follow-ups we agreed, then goals to review."
    )


class DueList(SteadyPage, ShowsListWhenNeeded):
    """Person, what is due and why; Enter or a double click opens it. A steady page: the
    summary's new count after each read is laid out here, not across the window."""

    goal_chosen = Signal(str, str)  # person id, goal id
    episode_chosen = Signal(str, str)  # person id, episode id
    contact_chosen = Signal(str, str)  # person id, the contact that agreed a follow-up
    carer_review_chosen = Signal(str)  # the carer's person id
    refreshed = Signal(int)  # how many things are due, once the newest read is shown

    def __init__(self, index: PeopleIndex) -> None:
        super().__init__()
        self._index = index
        self.summary = QLabel("Reading what is due…")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        name = "Due: outcomes to record and goals to review"
        self._list = ListWhenNeeded(name, self._chosen, layout, place=1)

    def refresh(self, runner: Runner, store: Store, today: date) -> None:
        """Read goals, carers' plans and short-term help again, in the background."""
        index = self._index
        runner.read(
            lambda: (read_due(store, today, index), today),
            lambda read: self._show(*read),
            self._failed,
            latest_of=NAME,
        )

    def _show(self, entries: list[Entry], today: date) -> None:
        """Grouped by `today`, the day they were read for."""
        self.entries.set_entries(entries, today)
        self.summary.setText(summary_of(len(entries)))
        self.refreshed.emit(len(entries))

    def _failed(self, problem: Exception) -> None:
        self.summary.setText(f"What is due could not be read. {explain(problem)}")

    def _chosen(self, entry: Entry) -> None:
        person_id, kind, record_id = entry.target
        if kind == "carer":
            self.carer_review_chosen.emit(person_id)
        elif kind == "contact":
            self.contact_chosen.emit(person_id, record_id)
        else:
            (self.goal_chosen if kind == "goal" else self.episode_chosen).emit(person_id, record_id)
