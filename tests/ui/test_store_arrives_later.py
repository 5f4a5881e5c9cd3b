"""The window shows the caseload before the store is loaded; the store arrives behind it."""

from __future__ import annotations

from db.caseload import read_findable_people
from db.connection import store_path
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow


def test_search_works_and_a_chosen_person_opens_when_the_store_arrives(
    qtbot, tmp_path, example_store
):
    people = read_findable_people(store_path(tmp_path / "store"))
    assert len(people) == 7
    window = MainWindow(None, "Test Worker", Runner(), people)
    qtbot.addWidget(window)
    window.show()
    assert "Opening your records" in window.statusBar().currentMessage()
    assert not window.new_person_action.isEnabled()

    qtbot.keyClicks(window.caseload.search, "okafor")
    window.caseload.list.setCurrentIndex(window.caseload.model.index(0))
    assert window.pages.currentWidget() is window.choose, "nothing to show until the store is in"

    with qtbot.waitSignal(window.store_ready):
        window.runner.read(lambda: example_store, window.attach_store, window.store_failed)
    assert window.pages.currentWidget() is window.workspace
    assert window.workspace.name.text() == "Peggy Okafor"
    assert window.new_person_action.isEnabled()
