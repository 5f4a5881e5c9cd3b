"""The mouse wheel never changes a choice, a number or a date that does not have focus."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy import text

from tests.ui.helpers import open_person
from ui.kit.wheel_guard import is_guarded


def turn_wheel(widget: QWidget, notches: int) -> None:
    """A wheel turn over the middle of the widget: negative notches scroll down."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre)),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def value_of(control: QWidget) -> object:
    for reading in ("currentIndex", "dateTime", "value"):
        if hasattr(control, reading):
            return getattr(control, reading)()
    raise AssertionError(f"no value to read on {type(control).__name__}")


def guarded_controls(root: QWidget) -> list[QWidget]:
    return [widget for widget in root.findChildren(QWidget) if is_guarded(widget)]


def logged_changes(store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM change_log")).scalar_one()


def wheel_over_everything(root: QWidget) -> list[str]:
    """Turn the wheel both ways over every guarded control; name those that changed."""
    changed = []
    for control in guarded_controls(root):
        before = value_of(control)
        for notches in (-1, -1, 1, -3, 2):
            turn_wheel(control, notches)
        if value_of(control) != before:
            changed.append(f"{type(control).__name__} {control.accessibleName()!r}")
    return changed


def test_the_wheel_changes_nothing_on_any_tab_or_dialog(qtbot, window, example_store):
    window.new_person()  # the dialogs made on first use, so they are turned over too
    window._new_person_dialog.reject()
    changes_before = logged_changes(example_store)
    model = window.caseload.model
    seen = 0
    for row in range(model.rowCount()):
        open_person(window, model.person_at(row).preferred_name)
        tabs = window.workspace.tabs
        for index in range(tabs.count()):
            if not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
            window.caseload.search.setFocus()
            controls = [c for c in guarded_controls(tabs.currentWidget()) if c.isVisible()]
            seen += len(controls)
            assert wheel_over_everything(tabs.currentWidget()) == []
    window.print_person()  # the print window, made on first use, has choices and a size
    qtbot.waitUntil(lambda: window.print_dialog.isVisible())
    window.print_plans_today()
    dialogs = window.findChildren(QDialog)
    assert window.print_dialog in dialogs and window.batch_print in dialogs
    assert len(dialogs) >= 10
    for dialog in dialogs:
        assert wheel_over_everything(dialog) == [], type(dialog).__name__
    assert seen > 20
    window.autosaver.flush()
    assert logged_changes(example_store) == changes_before


def test_the_wheel_over_a_choice_scrolls_the_page(qtbot, window):
    open_person(window, "Peggy")
    page = window.workspace.page_one
    window.resize(1000, 600)
    qtbot.waitUntil(lambda: page.verticalScrollBar().maximum() > 0)
    window.caseload.search.setFocus()
    choice = page.consent_to_share
    before = choice.currentIndex()
    turn_wheel(choice, -2)
    assert choice.currentIndex() == before
    assert page.verticalScrollBar().value() > 0


def test_a_choice_with_focus_still_follows_the_wheel(qtbot, window):
    open_person(window, "Peggy")
    choice = window.workspace.page_one.route
    choice.setFocus()
    qtbot.waitUntil(choice.hasFocus)
    before = choice.currentIndex()
    turn_wheel(choice, 1 if before > 0 else -1)
    assert choice.currentIndex() != before
    assert choice.focusPolicy() == Qt.FocusPolicy.StrongFocus
