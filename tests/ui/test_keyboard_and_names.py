"""Keyboard first, and every control announced by name to a screen reader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tests.ui.helpers import open_person

CONTROLS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton, QAbstractItemView)


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for control in root.findChildren(QWidget):
        if not isinstance(control, CONTROLS) or control.objectName().startswith("qt_"):
            continue
        if control.parent().metaObject().className() == "QComboBoxPrivateContainer":
            continue  # the drop-down of a combo box, which is named itself
        if isinstance(control, QLineEdit) and isinstance(control.parent(), QComboBox):
            continue
        name = control.accessibleName()
        if not name and isinstance(control, QAbstractButton):
            name = control.text().replace("&", "")
        if not name:
            missing.append(f"{type(control).__name__} in {type(control.parent()).__name__}")
    return missing


def test_every_control_has_an_accessible_name(qtbot, window):
    open_person(window, "Peggy")
    workspace = window.workspace
    # The tabs after the contacts are made when first shown or asked for: ask for them all.
    later = (workspace.goals, workspace.short_term, workspace.progression, workspace.carers)
    assert None not in (*later, workspace.carer_support)
    workspace.tabs.setCurrentIndex(1)
    window.new_person()
    assert unnamed_controls(window) == []


def test_tab_follows_reading_order_on_page_one(qtbot, window):
    open_person(window, "Peggy")
    page = window.workspace.page_one
    expected = [
        page.first_names,
        page.family_name,
        page.other_names,
        page.date_of_birth,
        page.nhs_number,
        page.gp_practice,
        page.address,
        page.postcode,
        page.phone,
        page.email,
        page.contact_preference,
        page.information_format,
        page.interpreter_language,
        page.format_arranged,
        page.format_arranged_on,
        page.communication_needs,
        page.consent_to_record,
        page.consent_to_share,
        page.share_with,
        page.consent_date,
        page.consent_how,
        page.attorney,
        page.people_who_matter.list,
        page.people_who_matter.add_button,
    ]
    page.preferred_name.setFocus()
    visited = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == expected


def test_shortcuts_for_search_new_person_and_new_contact(qtbot, window, example_store):
    from PySide6.QtTest import QTest

    person_id = open_person(window, "Win")
    QTest.keySequence(window, "Ctrl+F")
    assert QApplication.focusWidget() is window.caseload.search
    QTest.keySequence(window, "Ctrl+Shift+N")
    assert window.workspace.contacts.timeline.count() == 2  # begun; stored once typed in
    assert len(example_store.contacts(person_id)) == 1
    QTest.keySequence(window, "Ctrl+N")
    dialog = window._new_person_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.preferred_name)


def test_down_arrow_moves_from_search_into_the_list(qtbot, window):
    window.caseload.search.setFocus()
    qtbot.keyClicks(window.caseload.search, "o")
    qtbot.keyClick(window.caseload.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.caseload.list
    assert window.workspace.name.text(), "the first match is open"
