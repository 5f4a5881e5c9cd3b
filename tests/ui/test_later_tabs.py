"""Tabs made when first asked for take their place with its title, visibility and choice."""

from PySide6.QtWidgets import QLabel, QTabWidget

from ui.shell.later_tabs import LaterTabs


def tabs_with_later(qtbot) -> tuple[QTabWidget, LaterTabs, list[QLabel]]:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("first"), "First")
    made: list[QLabel] = []

    def make(text: str) -> QLabel:
        made.append(QLabel(text))
        return made[-1]

    later = LaterTabs(tabs)
    later.add("second", "Second", lambda: make("second"))
    later.add("third", "Third", lambda: make("third"))
    return tabs, later, made


def test_a_tab_is_made_once_when_first_asked_for_in_its_place(qtbot):
    tabs, later, made = tabs_with_later(qtbot)
    tabs.setTabVisible(2, False)
    assert made == [] and tabs.count() == 3
    second = later.get("second")
    assert made == [second] and later.get("second") is second
    assert tabs.indexOf(second) == 1 and tabs.tabText(1) == "Second"
    assert later.page("second") is second and later.name_of(second) == "second"
    third = later.get("third")
    assert tabs.indexOf(third) == 2 and tabs.tabText(2) == "Third"
    assert not tabs.isTabVisible(2) and tabs.currentIndex() == 0


def test_a_tab_made_while_its_place_is_shown_is_shown_without_a_second_choice(qtbot):
    tabs, later, _made = tabs_with_later(qtbot)
    tabs.setCurrentIndex(1)
    waiting = tabs.currentWidget()
    assert later.name_of(waiting) == "second"
    chosen: list[int] = []
    tabs.currentChanged.connect(chosen.append)
    second = later.get("second")
    assert tabs.currentWidget() is second and chosen == []
    assert later.name_of(waiting) is None
