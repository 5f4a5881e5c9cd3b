"""The carer screens agree: a carer the Carers list shows for someone (named on their page one,
with no record yet) is under that person's "Who cares for them" too, and can be given a record
of their own from there; entries in the tab's lists are spaced apart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.helpers import lists_read, open_person


def carers_tab_of(window, name: str):
    open_person(window, name)
    workspace = window.workspace
    workspace.tabs.setCurrentWidget(workspace.carers)
    return workspace.carers


def texts(shown) -> list[str]:
    return [shown.item(row).text() for row in range(shown.count())]


def test_grace_on_the_carers_list_is_under_peggys_who_cares_for_them(qtbot, window):
    lists_read(qtbot, window)
    (grace,) = [line for line in window.carers.entries.lines() if line.startswith("Grace")]
    assert "Peggy" in grace and "no record of their own yet" in grace
    tab = carers_tab_of(window, "Peggy")
    assert [line.split("\n")[0] for line in texts(tab.carers.list)] == [
        "Bernie Kelly",
        "Grace Okafor",
    ]
    assert texts(tab.carers.list)[1] == (
        "Grace Okafor\nDaughter · named as a carer on page one; no record of their own yet"
    )


def test_a_named_carer_is_given_a_record_from_who_cares_for_them(qtbot, window):
    tab = carers_tab_of(window, "Peggy")
    section = tab.carers
    section.list.setCurrentRow(1)
    assert not section.change_button.isEnabled() and not section.end_button.isEnabled()
    assert section.open_button.text() == "Make their record…"
    assert section.open_button.accessibleName() == "Make their record"
    section.open_button.click()
    offer = tab.own_record
    qtbot.waitUntil(offer.isVisible)
    assert offer.make_button.text() == "Make a record for Grace Okafor"
    offer.make_button.click()
    qtbot.waitUntil(lambda: not offer.isVisible())
    assert section.confirmation.text() == "Grace Okafor has a record of their own."
    assert [line.split("\n")[0] for line in texts(section.list)] == ["Bernie Kelly", "Grace Okafor"]
    assert "no record" not in texts(section.list)[1]
    section.list.setCurrentRow(1)
    assert section.open_button.text() == "Open their record"
    lists_read(qtbot, window)
    (grace,) = [line for line in window.carers.entries.lines() if line.startswith("Grace")]
    assert "Cares for Peggy" in grace, "the list now names her record, as the tab does"


def test_entries_under_who_they_care_for_are_spaced_apart(qtbot, window):
    tab = carers_tab_of(window, "Bernie")
    shown = tab.cared_for.list
    assert shown.count() == 2
    first, second = (shown.visualItemRect(shown.item(row)) for row in range(2))
    assert second.top() - first.bottom() > 4, "a clear gap between one entry and the next"
    assert shown.verticalScrollBar().maximum() == 0, "both shown whole, without scrolling"
    QTest.keyClick(shown, Qt.Key.Key_Down)
    assert shown.currentRow() in (0, 1)
