"""Goals: added in the person's words, reviewed from the list in three keystrokes."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from assessor.goals import Goal, GoalKind, Reviewer, t_score
from assessor.validation import format_date_numeric
from tests.ui.clock import TODAY
from tests.ui.helpers import open_person
from tests.ui.test_keyboard_and_names import CONTROLS, unnamed_controls


class Keys:
    """Presses keys on one widget and counts them, so a test can say how many it took."""

    def __init__(self, qtbot, widget: QWidget) -> None:
        self._qtbot = qtbot
        self._widget = widget
        self.count = 0

    def press(self, key: Qt.Key) -> None:
        self.count += 1
        self._qtbot.keyClick(self._widget, key)


def person_id_of(window, preferred_name: str) -> str:
    model = window.caseload.model
    for row in range(model.rowCount()):
        if model.person_at(row).preferred_name == preferred_name:
            return model.person_at(row).id
    raise AssertionError(f"{preferred_name} is not in the caseload list")


def tomek_with_goals(qtbot, window, store, *words: str):
    """Tomek (who has no goals in the example caseload) with these goals, at his Goals tab."""
    person_id = person_id_of(window, "Tomek")
    goals = [
        store.add_goal(Goal(person_id, said, TODAY - timedelta(days=14), set_by="Jo Cole"))
        for said in words
    ]
    open_person(window, "Tomek")
    tab = window.workspace.goals
    window.workspace.tabs.setCurrentWidget(tab)
    return person_id, goals, tab


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_three_keystrokes_from_the_list_store_a_review(qtbot, window, example_store):
    _id, (first, second), tab = tomek_with_goals(
        qtbot, window, example_store, "Go to the allotment on my own", "Cook for Kacper on Sunday"
    )
    assert "In progress" in tab.row_text(1)
    focus(qtbot, tab.list)
    keys = Keys(qtbot, tab.list)

    keys.press(Qt.Key.Key_Down)  # the first goal is chosen already: Down chooses the second
    keys.press(Qt.Key.Key_4)
    assert tab.panel.levels[1].isChecked(), "the chosen level is shown in the review panel"
    assert tab.panel.levels[1].font().bold()
    assert "Somewhat more than expected (+1)" in tab.list.accessibleDescription()
    keys.press(Qt.Key.Key_Return)

    assert keys.count == 3
    (review,) = example_store.reviews([second.id])[second.id]
    assert (review.rating, review.on, review.reviewer) == (1, TODAY, Reviewer.WORKER)
    assert (review.self_rating, review.note) == (None, "")
    assert example_store.reviews([first.id])[first.id] == []
    assert tab.list.currentRow() == 1, "the reviewed goal stays chosen"
    assert QApplication.focusWidget() is tab.list
    shown = tab.row_text(1)
    assert shown.startswith("“Cook for Kacper on Sunday”")
    assert "Achieved · last reviewed" in shown
    assert "Achieved" in tab.list.item(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert tab.confirmation.text().startswith("Review saved: Somewhat more than expected (+1)")
    assert not any(radio.isChecked() for radio in tab.panel.levels.values())


def test_escape_after_choosing_a_rating_stores_nothing(qtbot, window, example_store):
    _id, (goal,), tab = tomek_with_goals(qtbot, window, example_store, "Sleep through the night")
    focus(qtbot, tab.list)
    qtbot.keyClick(tab.list, Qt.Key.Key_Home)
    qtbot.keyClick(tab.list, Qt.Key.Key_2)
    assert tab.panel.levels[-1].isChecked()
    qtbot.keyClick(tab.list, Qt.Key.Key_Escape)
    assert tab.rating is None
    assert not any(radio.isChecked() for radio in tab.panel.levels.values())
    qtbot.keyClick(tab.list, Qt.Key.Key_Return)
    assert example_store.reviews([goal.id])[goal.id] == []
    assert "In progress · not reviewed yet" in tab.row_text(0)


def test_reviewing_with_the_mouse_keeps_who_reviewed_their_score_and_a_note(
    qtbot, window, example_store
):
    _id, (goal,), tab = tomek_with_goals(qtbot, window, example_store, "Walk to the shops")
    panel = tab.panel
    assert not panel.save_button.isEnabled(), "nothing to save before a level is chosen"
    panel.levels[0].click()
    panel.reviewer.setCurrentIndex(panel.reviewer.findData(Reviewer.OT))
    panel.self_rating.setCurrentIndex(panel.self_rating.findData(7))
    qtbot.keyClicks(panel.note, "Managed it with one rest on the bench")
    panel.save_button.click()
    (review,) = example_store.reviews([goal.id])[goal.id]
    assert (review.rating, review.reviewer, review.self_rating) == (0, Reviewer.OT, 7)
    assert review.note == "Managed it with one rest on the bench"
    assert tab.confirmation.text().startswith("Review saved: As expected (0)")
    assert panel.note.text() == ""


def test_new_goal_is_stored_and_listed_in_their_words(qtbot, window, example_store):
    person_id, _goals, tab = tomek_with_goals(qtbot, window, example_store)
    assert tab.list.count() == 0 and tab.empty.isVisibleTo(tab)
    tab.new_button.click()
    dialog = tab.dialog
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.words)
    assert dialog.set_by.text() == "Test Worker"
    assert dialog.kind.currentData() == GoalKind.OWN
    qtbot.keyClicks(dialog.words, "Get back on the bus to town by myself")
    dialog.kind.setCurrentIndex(dialog.kind.findData(GoalKind.REABLEMENT))
    qtbot.keyClicks(dialog.target_date, format_date_numeric(TODAY + timedelta(weeks=6)))
    qtbot.keyClicks(dialog.expected, "Takes the 56 into town and back once a week")
    dialog.add_button.click()

    assert not dialog.isVisible()
    (goal,) = example_store.goals(person_id)
    assert goal.words == "Get back on the bus to town by myself"
    assert (goal.kind, goal.set_on, goal.set_by) == (GoalKind.REABLEMENT, TODAY, "Test Worker")
    assert (goal.target_date, goal.baseline) == (TODAY + timedelta(weeks=6), -1)
    assert goal.expected == "Takes the 56 into town and back once a week"
    assert tab.list.count() == 1
    shown = tab.row_text(0)
    assert shown.startswith("“Get back on the bus to town by myself”")
    assert "Reablement goal · set by Test Worker" in shown
    assert window.focusWidget() is tab.list, "ready for a rating key when the window is back"


def test_a_target_date_before_today_keeps_the_dialog_open_with_what_was_typed(
    qtbot, window, example_store
):
    person_id, _goals, tab = tomek_with_goals(qtbot, window, example_store)
    tab.new_button.click()
    dialog = tab.dialog
    qtbot.keyClicks(dialog.words, "Have friends round for tea")
    qtbot.keyClicks(dialog.target_date, format_date_numeric(TODAY - timedelta(days=1)))
    dialog.add_button.click()
    assert dialog.isVisible()
    assert "is before the goal was set" in dialog.target_error.text()
    assert dialog.target_error.isVisibleTo(dialog)
    assert dialog.words.toPlainText() == "Have friends round for tea"
    assert example_store.goals(person_id) == []

    dialog.target_date.setText("31/02/2027")
    dialog.add_button.click()
    assert dialog.isVisible()
    assert "not a real date" in dialog.target_error.text()
    assert example_store.goals(person_id) == []


def test_an_empty_goal_says_what_is_needed(qtbot, window, example_store):
    person_id, _goals, tab = tomek_with_goals(qtbot, window, example_store)
    tab.new_button.click()
    dialog = tab.dialog
    qtbot.keyClicks(dialog.words, "   ")
    dialog.add_button.click()
    assert dialog.isVisible()
    assert dialog.words_error.text() == "Write the goal as the person said it."
    assert example_store.goals(person_id) == []


def test_dialog_is_empty_again_the_next_time(qtbot, window, example_store):
    _id, _goals, tab = tomek_with_goals(qtbot, window, example_store)
    tab.new_button.click()
    qtbot.keyClicks(tab.dialog.words, "Swim at the leisure centre")
    tab.dialog.add_button.click()
    tab.new_button.click()
    assert tab.dialog.words.toPlainText() == ""
    assert tab.dialog.target_error.isHidden() and tab.dialog.words_error.isHidden()


def test_t_score_shows_only_with_two_goals_reviewed(qtbot, window, example_store):
    _id, _goals, tab = tomek_with_goals(
        qtbot, window, example_store, "Dress myself", "Get to the allotment", "See my brother"
    )
    assert tab.t_score.isHidden()
    focus(qtbot, tab.list)
    for keys in ((Qt.Key.Key_Home, Qt.Key.Key_4), (Qt.Key.Key_Down, Qt.Key.Key_5)):
        assert tab.t_score.isHidden(), "one reviewed goal gives no T-score"
        for key in (*keys, Qt.Key.Key_Return):
            qtbot.keyClick(tab.list, key)
    assert not tab.t_score.isHidden()
    expected = round(t_score([1, 2]))
    words = (
        f"Goals overall: well beyond what was expected (score {expected}, where 50 means goals "
        "met as expected)."
    )
    assert tab.t_score.text() == words
    assert tab.t_score.accessibleName() == words
    assert "T-score" not in tab.t_score.text()


def test_choosing_another_goal_or_person_drops_a_chosen_rating(qtbot, window, example_store):
    _id, _goals, tab = tomek_with_goals(qtbot, window, example_store, "Dress myself", "Bake")
    focus(qtbot, tab.list)
    qtbot.keyClick(tab.list, Qt.Key.Key_3)
    qtbot.keyClick(tab.list, Qt.Key.Key_Down)
    assert tab.rating is None
    qtbot.keyClick(tab.list, Qt.Key.Key_3)
    open_person(window, "Peggy")
    assert tab.rating is None


def test_every_control_in_the_goals_tab_is_named_and_reachable_by_keyboard(
    qtbot, window, example_store
):
    _id, _goals, tab = tomek_with_goals(qtbot, window, example_store, "Dress myself")
    tab.new_button.click()
    assert unnamed_controls(tab) == []
    unreachable = [
        control.accessibleName()
        for control in tab.findChildren(QWidget)
        if isinstance(control, CONTROLS)
        and not control.objectName().startswith("qt_")
        and control.isVisibleTo(control.window())
        and not control.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    assert unreachable == []


def test_a_goal_can_be_corrected_and_keeps_when_it_was_set(qtbot, window, example_store):
    """A mistyped goal is put right from the tab; the date it was set does not move."""
    _, (goal,), tab = tomek_with_goals(qtbot, window, example_store, "Walk to the shop")
    tab.list.setCurrentRow(0)
    tab.change_button.click()
    dialog = tab.dialog
    assert dialog.windowTitle() == "Change goal"
    assert dialog.words.toPlainText() == "Walk to the shop"
    dialog.words.setPlainText("Walk to the Polish shop on my own")
    dialog.target_date.setText(format_date_numeric(goal.set_on - timedelta(days=1)))
    dialog.accept()
    assert dialog.isVisible(), "a target before the goal was set is refused"
    assert "before the goal was set" in dialog.target_error.text()
    assert example_store.goals(goal.person_id)[0].words == "Walk to the shop"

    dialog.target_date.clear()
    dialog.accept()
    assert not dialog.isVisible()
    (changed,) = example_store.goals(goal.person_id)
    assert changed.words == "Walk to the Polish shop on my own"
    assert changed.set_on == goal.set_on
    assert "Walk to the Polish shop on my own" in tab.row_text(0)
    assert tab.confirmation.text().startswith("Goal changed")
