"""The Carers list measures carers who feel supported against the council's own target, read
from targets.toml in the data folder, never a place written into the app."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from assessor.carers import CarerReview, CaringRole, Supported
from assessor.record import Person
from assessor.targets import TARGETS_FILE
from tests.ui.clock import TODAY
from tests.ui.helpers import lists_read
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow

START = "Carers who feel supported, by their latest answer in the last 12 months: 1 of 1 (100%); "


def one_supported_carer(store) -> None:
    cared_for = store.add_person(Person("Ada", "Help at home", family_name="Lark"))
    carer = store.add_person(Person("Jo", "Caring for Ada", family_name="Wren"))
    store.add_caring_role(CaringRole(carer.id, cared_for.id))
    store.add_carer_review(CarerReview(carer.id, TODAY - timedelta(days=2), Supported.YES))


def test_the_carers_line_reads_the_target_from_the_councils_settings(qtbot, store, tmp_path):
    one_supported_carer(store)
    data_dir = tmp_path / "settings"
    data_dir.mkdir()
    window = MainWindow(store, "Test Worker", Runner(), today=lambda: TODAY, data_dir=data_dir)
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    lists_read(qtbot, window)
    assert window.carers.measure.text() == START + "0 partly, 0 not. The council aims for 95%."
    assert "Isle of Wight" not in window.carers.measure.text()

    (data_dir / TARGETS_FILE).write_text(
        'council = "Fernley Borough Council"\ncarers_feel_supported = 80\n', encoding="utf-8"
    )
    lists_read(qtbot, window)
    assert window.carers.measure.text() == (
        START + "0 partly, 0 not. Fernley Borough Council aims for 80%."
    )


def test_a_targets_file_that_cannot_be_read_says_so_and_the_list_still_shows(
    qtbot, store, tmp_path: Path
):
    one_supported_carer(store)
    (tmp_path / TARGETS_FILE).write_text("carers_feel_supported = 195\n", encoding="utf-8")
    window = MainWindow(store, "Test Worker", Runner(), today=lambda: TODAY, data_dir=tmp_path)
    qtbot.addWidget(window, before_close_func=MainWindow.close_now)
    lists_read(qtbot, window)
    assert "carers_feel_supported should be a percentage from 0 to 100" in (
        window.carers.measure.text()
    )
    assert [line.split("\n")[0] for line in window.carers.entries.lines()] == ["Jo Wren"]
