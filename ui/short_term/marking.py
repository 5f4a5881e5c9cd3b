"""Marking a weekly review or a recorded outcome of short-term help as entered in error, from
the short-term help tab. Kept apart from the tab, which only says where the buttons go."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from assessor.in_error import is_current
from assessor.operations.in_error import mark_episode_review, mark_outcome
from assessor.short_term import Episode, EpisodeReview
from assessor.validation import format_date
from ui.kit.forms import named
from ui.kit.in_error_dialog import InErrorDialog, ask_in_error

if TYPE_CHECKING:
    from assessor.operations.store_port import ShortTermRecords
    from ui.kit.runner import Runner

Done = Callable[[str], None]  # told what was marked, in words, once it is stored


def review_row(
    label: QLabel, review: EpisodeReview, on_mark: Callable[[EpisodeReview], None]
) -> QWidget:
    """One weekly review as the tab lists it, with its own button while it still counts."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label, 1)
    if is_current(review):
        button = named(
            QPushButton("Entered in error…"),
            f"Mark the weekly review of {format_date(review.on)} as entered in error",
        )
        button.clicked.connect(lambda: on_mark(review))
        layout.addWidget(button)
    return row


def ask_review_in_error(
    tab: QWidget,
    runner: Runner,
    store: ShortTermRecords,
    person_id: str,
    review: EpisodeReview,
    done: Done,
) -> InErrorDialog:
    def mark(reason: str) -> None:
        runner.write_now(lambda: mark_episode_review(store, person_id, review, reason), source=tab)
        done(f"Weekly review of {format_date(review.on)} marked as entered in error.")

    return ask_in_error(
        tab,
        f"The weekly review of {format_date(review.on)}",
        "It leaves the printed record; the help and its outcomes are as they were.",
        mark,
    )


def ask_outcome_in_error(
    tab: QWidget, runner: Runner, store: ShortTermRecords, episode: Episode, weeks: int, done: Done
) -> InErrorDialog | None:
    outcome = episode.outcome(weeks)[0]
    if outcome is None:
        return None

    def mark(reason: str) -> None:
        runner.write_now(lambda: mark_outcome(store, episode, weeks, reason), source=tab)
        done(f"{weeks}-week outcome marked as entered in error: it is due again.")

    return ask_in_error(
        tab,
        f"The {weeks}-week outcome: {outcome.label}",
        "It no longer counts in the council's measures and is due again, to record afresh.",
        mark,
    )
