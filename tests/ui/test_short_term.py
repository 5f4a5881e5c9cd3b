"""Short-term help: episodes, the 48-hour measure in words, weekly reviews and outcomes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from assessor.goals import Goal, Review, Reviewer
from assessor.record import Person
from assessor.short_term import Episode, EpisodeReview, HelpKind, HelpOutcome
from assessor.short_term_wording import arrival_words, format_date_time, parse_date_time
from assessor.validation import InvalidInput, format_date, format_date_numeric
from tests.ui.clock import NOW, TODAY
from tests.ui.test_keyboard_and_names import unnamed_controls
from ui.short_term.tab import ShortTermTab

# A morning ten days ago: far enough back for help to have arrived, on the hour to type easily.
ASKED = datetime.combine(TODAY - timedelta(days=10), datetime.min.time()).replace(hour=9)


@pytest.fixture
def reg(store):
    return store.add_person(Person(preferred_name="Reg", presenting_problem="Help after a fall"))


@pytest.fixture
def tab(qtbot, store, runner, reg):
    widget = ShortTermTab(store, runner, "Test Worker", lambda: TODAY, lambda: NOW)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.show_person(reg.id)
    return widget


def add_episode(tab, qtbot, asked: str, first_help: str = "", provider: str = "Reablement team"):
    tab.new_button.click()
    dialog = tab.dialog
    assert dialog.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData(HelpKind.REABLEMENT))
    qtbot.keyClicks(dialog.provider, provider)
    dialog.asked_at.setText(asked)
    qtbot.keyClicks(dialog.first_help_at, first_help)
    dialog.add_button.click()
    return dialog


def test_new_short_term_help_is_stored_and_listed_with_the_48_hour_words(
    qtbot, tab, store, reg, runner
):
    assert tab.empty.isVisibleTo(tab) and tab.list.count() == 0
    with qtbot.waitSignal(runner.changes_applied):
        dialog = add_episode(
            tab, qtbot, format_date_time(ASKED), format_date_time(ASKED + timedelta(hours=30))
        )
    assert not dialog.isVisible()
    (episode,) = store.episodes(reg.id)
    assert (episode.kind, episode.provider) == (HelpKind.REABLEMENT, "Reablement team")
    assert (episode.asked_at, episode.first_help_at) == (ASKED, ASKED + timedelta(hours=30))
    shown = tab.row_text(0)
    assert shown.startswith("Reablement · Reablement team")
    assert f"Asked for {format_date(ASKED)} · Help arrived within 48 hours" in shown
    due = episode.first_help_at.date() + timedelta(weeks=2)
    assert f"2-week outcome due {format_date(due)}" in shown
    assert tab.first_help_section.isHidden(), "nothing to ask once help has arrived"


def test_the_dialog_starts_at_now_and_waits_for_help_without_a_first_help_time(
    qtbot, tab, store, reg
):
    tab.new_button.click()
    asked = parse_date_time(tab.dialog.asked_at.text())
    assert asked == NOW
    tab.dialog.add_button.click()
    (episode,) = store.episodes(reg.id)
    assert episode.first_help_at is None
    assert "Waiting for help to start" in tab.row_text(0)
    assert tab.first_help_section.isVisibleTo(tab)


def test_help_arriving_after_more_than_48_hours_says_how_many_days(qtbot, tab, store, reg, runner):
    add_episode(tab, qtbot, format_date_time(ASKED))
    assert "Waiting for help to start" in tab.row_text(0)
    arrived = ASKED + timedelta(days=3, hours=2)
    qtbot.keyClicks(tab.first_help_at, format_date_time(arrived))
    with qtbot.waitSignal(runner.changes_applied):
        tab.first_help_button.click()
    (episode,) = store.episodes(reg.id)
    assert episode.first_help_at == arrived
    assert "Help took 3 days to arrive" in tab.row_text(0)
    assert "Help took 3 days to arrive" in tab.arrival.text()
    assert tab.first_help_section.isHidden()


def test_help_cannot_arrive_before_it_was_asked_for(qtbot, tab, store, reg):
    dialog = add_episode(
        tab, qtbot, format_date_time(ASKED), format_date_time(ASKED - timedelta(hours=1))
    )
    assert dialog.isVisible()
    assert dialog.first_help_error.text() == "Help cannot have arrived before it was asked for."
    assert dialog.provider.text() == "Reablement team", "what was typed is kept"
    assert store.episodes(reg.id) == []


def test_a_date_without_a_time_asks_for_the_time(qtbot, tab, store, reg):
    dialog = add_episode(tab, qtbot, format_date_numeric(ASKED.date()))
    assert dialog.isVisible()
    assert "Add the time as well" in dialog.asked_error.text()
    assert store.episodes(reg.id) == []


def test_arrival_words_and_parsing():
    asked = datetime(2026, 11, 23, 14, 30)
    assert parse_date_time("23/11/2026 14:30") == asked
    assert parse_date_time("23 Nov 2026 14.30") == asked
    with pytest.raises(InvalidInput, match="not a time"):
        parse_date_time("23/11/2026 25:10")
    episode = Episode("p", HelpKind.REABLEMENT, asked)
    assert arrival_words(episode) == "Waiting for help to start"
    episode.first_help_at = asked + timedelta(hours=48)
    assert arrival_words(episode) == "Help arrived within 48 hours"
    episode.first_help_at = asked + timedelta(hours=50)
    assert arrival_words(episode) == "Help took 50 hours to arrive"
    episode.first_help_at = asked + timedelta(days=4, hours=1)
    assert arrival_words(episode) == "Help took 4 days to arrive"


def test_weekly_review_defaults_to_an_ot_with_goals_in_progress_ticked(
    qtbot, tab, store, reg, runner
):
    set_on = TODAY - timedelta(days=14)
    walk, bus, dress = (
        store.add_goal(Goal(reg.id, words, set_on, set_by="Jo Cole"))
        for words in ("Walk to the post office", "Get the bus to my sister's", "Dress myself")
    )
    store.add_review(Review(dress.id, 1, TODAY - timedelta(days=2)))  # achieved: not ticked
    add_episode(tab, qtbot, format_date_time(ASKED), format_date_time(ASKED + timedelta(hours=5)))
    (episode,) = store.episodes(reg.id)

    tab.review_button.click()
    dialog = tab.review_dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.note)
    assert dialog.reviewer.currentData() == Reviewer.OT
    assert dialog.on.text() == format_date_numeric(TODAY)
    assert dialog.goal_boxes[walk.id].text() == "“Walk to the post office”"
    ticked = {goal_id for goal_id, box in dialog.goal_boxes.items() if box.isChecked()}
    assert ticked == {walk.id, bus.id}
    qtbot.keyClicks(dialog.note, "Walked to the corner and back with the frame")
    with qtbot.waitSignal(runner.changes_applied):
        dialog.add_button.click()

    assert not dialog.isVisible()
    (review,) = store.episode_reviews([episode.id])[episode.id]
    assert (review.on, review.reviewer) == (TODAY, Reviewer.OT)
    assert review.note == "Walked to the corner and back with the frame"
    assert review.goal_ids == [walk.id, bus.id]
    (shown,) = [label.text() for label in tab.review_labels]
    assert shown.startswith(f"{format_date(TODAY)} · Occupational therapist (OT)")
    assert "Goals worked on: “Walk to the post office”; “Get the bus to my sister's”" in shown


def test_a_review_before_the_help_was_asked_for_is_not_stored(qtbot, tab, store, reg):
    add_episode(tab, qtbot, format_date_time(ASKED))
    (episode,) = store.episodes(reg.id)
    tab.review_button.click()
    dialog = tab.review_dialog
    assert dialog.no_goals.isVisibleTo(dialog), "no goals: it says where to set them"
    dialog.on.setText(format_date_numeric(ASKED.date() - timedelta(days=1)))
    dialog.add_button.click()
    assert dialog.isVisible()
    assert "would come before the help was asked for" in dialog.on_error.text()
    assert store.episode_reviews([episode.id])[episode.id] == []


def test_an_early_2_week_outcome_needs_a_reason(qtbot, tab, store, reg, runner):
    arrived = NOW - timedelta(days=4)
    add_episode(
        tab, qtbot, format_date_time(arrived - timedelta(hours=3)), format_date_time(arrived)
    )
    (episode,) = store.episodes(reg.id)
    due = arrived.date() + timedelta(weeks=2)
    box = tab.outcomes[2]
    assert box.recorded_on.text() == format_date_numeric(TODAY)
    assert box.why_early.isVisibleTo(tab), "today is before the due date: asked why"
    box.outcome.setCurrentIndex(box.outcome.findData(HelpOutcome.HOSPITAL))
    box.save_button.click()

    message = box.early_error.text()
    assert message == (
        f"The 2-week outcome is due on {format_date(due)}. To record it earlier, say why "
        "(for example, they went into hospital)."
    )
    assert box.early_error.isVisibleTo(tab)
    assert box.outcome.currentData() == HelpOutcome.HOSPITAL, "what was chosen is kept"
    assert store.episodes(reg.id)[0].outcome(2) == (None, None, "")

    qtbot.keyClicks(box.why_early, "Admitted after a second fall")
    with qtbot.waitSignal(runner.changes_applied):
        box.save_button.click()
    assert box.early_error.isHidden()
    stored = store.episodes(reg.id)[0]
    assert stored.outcome(2) == (HelpOutcome.HOSPITAL, TODAY, "Admitted after a second fall")
    assert "2-week outcome: Admitted to hospital" in tab.row_text(0)
    assert episode.id == stored.id


def test_why_early_is_asked_only_before_the_due_date(qtbot, tab, store, reg):
    add_episode(tab, qtbot, format_date_time(ASKED), format_date_time(ASKED + timedelta(hours=1)))
    box = tab.outcomes[2]
    due = ASKED.date() + timedelta(weeks=2)
    box.recorded_on.setText(format_date_numeric(due))
    assert not box.why_early.isVisibleTo(tab)
    box.recorded_on.setText(format_date_numeric(due - timedelta(days=1)))
    assert box.why_early.isVisibleTo(tab)


def test_an_outcome_needs_choosing_before_it_is_saved(qtbot, tab, store, reg):
    add_episode(tab, qtbot, format_date_time(ASKED))
    tab.outcomes[6].save_button.click()
    assert tab.outcomes[6].outcome_error.text() == "Choose what happened at 6 weeks."
    assert store.episodes(reg.id)[0].outcome(6) == (None, None, "")


def test_episodes_are_listed_newest_first_with_reviews_and_outcomes(qtbot, store, reg, runner):
    older = store.add_episode(
        Episode(reg.id, HelpKind.RECUPERATION, ASKED - timedelta(weeks=10), "Elm House")
    )
    store.add_episode(Episode(reg.id, HelpKind.REABLEMENT, ASKED, "Reablement team"))
    store.update_episode(
        older.id,
        {
            "first_help_at": older.asked_at + timedelta(hours=20),
            "outcome_6_weeks": HelpOutcome.NO_FURTHER_HELP,
            "outcome_6_weeks_on": older.asked_at.date() + timedelta(weeks=6, days=1),
        },
    )
    store.add_episode_review(EpisodeReview(older.id, older.asked_at.date(), Reviewer.WORKER))
    widget = ShortTermTab(store, runner, "Test Worker", lambda: TODAY, lambda: NOW)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_person(reg.id)
    assert widget.list.count() == 2
    assert widget.row_text(0).startswith("Reablement · Reablement team")
    assert widget.row_text(1).startswith("Recuperation · Elm House")
    assert "6-week outcome: No further help needed" in widget.row_text(1)
    assert [label.text() for label in widget.review_labels] == []
    widget.select_episode(older.id)
    assert widget.list.currentRow() == 1
    assert widget.heading.text() == "Recuperation from Elm House"
    (shown,) = [label.text() for label in widget.review_labels]
    assert "Worker" in shown and "No goals linked" in shown
    assert widget.outcomes[6].outcome.currentData() == HelpOutcome.NO_FURTHER_HELP


def test_every_control_is_named(qtbot, tab, store, reg):
    store.add_goal(Goal(reg.id, "Make my own lunch", TODAY))
    add_episode(tab, qtbot, format_date_time(ASKED))
    tab.review_button.click()
    assert tab.review_dialog.goal_boxes
    assert unnamed_controls(tab) == []
    tab.review_dialog.reject()
    tab.new_button.click()
    assert unnamed_controls(tab) == []


def test_short_term_help_can_be_corrected(qtbot, tab, store, reg):
    """A mistyped provider or time is put right from the tab, and the change is checked."""
    add_episode(tab, qtbot, "02/11/2026 09:00", "02/11/2026 15:00", provider="Fernly Reablment")
    (episode,) = store.episodes(reg.id)
    tab.change_button.click()
    assert tab.dialog.windowTitle() == "Change short-term help"
    assert tab.dialog.provider.text() == "Fernly Reablment"
    tab.dialog.provider.setText("Fernley Reablement Team")
    tab.dialog.first_help_at.setText("01/11/2026 08:00")
    tab.dialog.accept()
    assert tab.dialog.isVisible(), "help before it was asked for is refused"
    assert store.episodes(reg.id)[0].provider == "Fernly Reablment"

    tab.dialog.first_help_at.setText("03/11/2026 10:00")
    tab.dialog.accept()
    assert not tab.dialog.isVisible()
    (changed,) = store.episodes(reg.id)
    assert changed.provider == "Fernley Reablement Team"
    assert changed.first_help_at == datetime(2026, 11, 3, 10, 0)
    assert changed.id == episode.id
    assert "Fernley Reablement Team" in tab.row_text(0)
