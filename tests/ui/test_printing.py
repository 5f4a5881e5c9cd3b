"""Printing for one person: choose the document and its size, see it, save it, print it."""

from __future__ import annotations

import io
import os
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from assessor.documents import DocumentKind
from tests.full_disk import full_disk
from tests.ui.helpers import open_person
from tests.ui.test_keyboard_and_names import unnamed_controls
from ui.kit.runner import Runner
from ui.printing.print_window import PrintDialog
from ui.shell.main_window import MainWindow


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def open_print(qtbot, window: MainWindow, preferred_name: str) -> PrintDialog:
    """Open a person and press Ctrl+P, as a worker would; returns the dialog once its preview
    is shown."""
    open_person(window, preferred_name)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keySequence(window, "Ctrl+P")
    dialog = window.print_dialog
    assert dialog is not None and dialog.isVisible()
    wait_ready(qtbot, dialog)
    return dialog


def wait_ready(qtbot, dialog: PrintDialog) -> None:
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=10000)
    assert dialog.document.status() == QPdfDocument.Status.Ready


def rebuilt(qtbot, dialog: PrintDialog, change) -> int:
    """Make a change and wait for the preview built for it; returns its pages."""
    with qtbot.waitSignal(dialog.ready, timeout=10000):
        change()
    return dialog.document.pageCount()


def test_ctrl_p_opens_a_preview_of_the_persons_plan(qtbot, window):
    assert not window.print_action.isEnabled(), "nobody is open yet"
    dialog = open_print(qtbot, window, "Priya")
    assert window.print_action.isEnabled()
    assert dialog.windowTitle() == "Print for Priya Raman"
    assert dialog.chosen_kind is DocumentKind.MY_PLAN
    assert dialog.standard.isChecked() and dialog.size.currentText() == "12 point"
    assert dialog.document.pageCount() >= 1
    assert f"{dialog.document.pageCount()} page" in dialog.state.text()
    assert "Priya" in pdf_text(dialog.pdf)


def test_large_print_rebuilds_with_more_pages(qtbot, window):
    dialog = open_print(qtbot, window, "Tomek")
    standard = dialog.document.pageCount()
    large = rebuilt(
        qtbot, dialog, lambda: qtbot.mouseClick(dialog.large, Qt.MouseButton.LeftButton)
    )
    assert dialog.size.currentText() == "18 point", "large print starts at 18 point"
    assert [dialog.size.itemText(i) for i in (0, dialog.size.count() - 1)] == [
        "16 point",
        "24 point",
    ]
    assert large > standard
    largest = rebuilt(qtbot, dialog, lambda: dialog.size.setCurrentIndex(dialog.size.count() - 1))
    assert largest >= large
    assert "Large print, 24 point" in dialog.state.text()


def test_the_format_page_one_records_is_the_first_offered(qtbot, window):
    dialog = open_print(qtbot, window, "Peggy")
    assert dialog.large.isChecked() and dialog.size.currentText() == "18 point"
    assert "large print" in dialog.recorded.text()
    # Changing it for one print does not change what the next person is offered.
    rebuilt(qtbot, dialog, lambda: dialog.standard.setChecked(True))
    dialog.reject()
    dialog = open_print(qtbot, window, "Priya")
    assert dialog.standard.isChecked()


def test_a_result_for_an_earlier_choice_is_not_shown(qtbot, window):
    dialog = open_print(qtbot, window, "Priya")
    standard = dialog.document.pageCount()
    shown = []
    dialog.ready.connect(lambda: shown.append(dialog.chosen_format))
    with qtbot.waitSignal(dialog.ready, timeout=10000):
        dialog.large.setChecked(True)
        dialog.standard.setChecked(True)
    # Every build asked for has ended, and what each sent back has arrived.
    window.runner.wait()
    QApplication.processEvents()
    assert [fmt.size for fmt in shown] == [12]
    assert dialog.document.pageCount() == standard


def test_only_a_carer_is_offered_their_plan_as_a_carer(qtbot, window):
    def offered(dialog: PrintDialog) -> list[str]:
        return [dialog.kind.itemText(i) for i in range(dialog.kind.count())]

    dialog = open_print(qtbot, window, "Bernie")
    assert offered(dialog) == ["My plan", "My plan as a carer", "Record of our conversation"]
    pages = rebuilt(qtbot, dialog, lambda: dialog.kind.setCurrentIndex(1))
    assert pages >= 1 and "Bernie" in pdf_text(dialog.pdf)
    dialog.reject()
    dialog = open_print(qtbot, window, "Des")
    assert offered(dialog) == ["My plan", "Record of our conversation"]


def test_save_as_writes_the_pdf_where_chosen(qtbot, window, tmp_path):
    dialog = open_print(qtbot, window, "Des")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    chooser = dialog.save_dialog
    assert chooser.isVisible()
    assert Path(chooser.selectedFiles()[0]).name == "My plan - Des Hartley.pdf"
    target = tmp_path / "Des's plan.pdf"
    chooser.selectFile(str(target))
    chooser.accept()
    assert target.read_bytes() == dialog.pdf
    assert "Des" in pdf_text(target.read_bytes())
    assert f"Saved to {target}" in dialog.state.text()


def test_a_place_that_cannot_be_written_gets_a_clear_message(qtbot, window, tmp_path):
    dialog = open_print(qtbot, window, "Des")
    target = tmp_path / "no such folder" / "plan.pdf"
    assert not dialog.save_to(str(target))
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith(f"The document was not saved to {target}: ")
    assert "Choose another folder or name" in dialog.problem.text()
    assert not target.exists()


def test_save_as_on_a_full_disk_leaves_no_truncated_file(qtbot, window, tmp_path):
    """The disk fills part-way through the PDF: the worker is told, and no half document (nor
    any hidden partial file) is left where it was to be saved."""
    dialog = open_print(qtbot, window, "Des")
    with full_disk(tmp_path / "disk") as disk:
        target = disk / "plan.pdf"
        assert not dialog.save_to(str(target))
        assert os.listdir(disk) == []
    assert dialog.problem.text() == (
        f"The document was not saved to {target}: the disk is full. Choose another folder or name."
    )


def test_printing_sends_each_page_to_the_printer(qtbot, window, tmp_path):
    dialog = open_print(qtbot, window, "Peggy")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    system_dialog = dialog._print_dialog
    assert system_dialog is not None and system_dialog.isVisible()
    out = tmp_path / "printed.pdf"
    dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer.setOutputFileName(str(out))
    # Print is pressed; done() leaves the printer as the test set it, to a file.
    with qtbot.waitSignal(dialog.printed, timeout=20000) as printed:
        system_dialog.done(QDialog.DialogCode.Accepted)
    pages = dialog.document.pageCount()
    assert printed.args == [pages]
    assert len(PdfReader(out).pages) == pages
    assert f"Sent {pages} page" in dialog.state.text()


def test_a_page_range_chosen_prints_only_those_pages(qtbot, window, tmp_path):
    dialog = open_print(qtbot, window, "Peggy")
    assert dialog.document.pageCount() >= 2, "large print takes more than a page"
    out = tmp_path / "page two.pdf"
    dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer.setOutputFileName(str(out))
    dialog.printer.setPrintRange(QPrinter.PrintRange.PageRange)
    dialog.printer.setFromTo(2, 2)
    with qtbot.waitSignal(dialog.printed, timeout=20000):
        dialog.print_document()
    assert len(PdfReader(out).pages) == 1


def test_a_team_file_that_cannot_be_read_says_what_to_fix(qtbot, example_store, tmp_path):
    (tmp_path / "team.toml").write_text('name = "North team\n', encoding="utf-8")
    window = MainWindow(example_store, "Test Worker", Runner(), data_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    open_person(window, "Des")
    window.print_person()
    dialog = window.print_dialog
    qtbot.waitUntil(dialog.problem.isVisible)
    assert "team.toml cannot be read" in dialog.problem.text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


def test_every_control_is_named_and_reached_by_keyboard(qtbot, window):
    dialog = open_print(qtbot, window, "Priya")
    assert unnamed_controls(dialog) == []
    assert QApplication.focusWidget() is dialog.kind
    reached = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    for control in (
        dialog.standard,
        dialog.size,
        dialog.print_button,
        dialog.save_button,
        dialog.close_button,
    ):
        assert control in reached
    dialog.standard.setFocus()
    qtbot.keyClick(dialog.standard, Qt.Key.Key_Right)
    assert dialog.large.isChecked(), "the arrow keys move between the formats"


def test_the_preview_names_characters_no_font_can_print_before_printing(
    qtbot, window, example_store
):
    des = open_person(window, "Des")
    example_store.update_person(des, {"presenting_problem": "Falls at night \ue000 twice."})
    dialog = open_print(qtbot, window, "Des")
    warning = dialog.state.text()
    assert "cannot be printed" in warning
    assert "U+E000 in page one, presenting problem" in warning
    assert dialog.print_button.isEnabled(), "the worker may still print, knowing"


def test_a_record_every_font_can_print_has_no_warning(qtbot, window, example_store):
    des = open_person(window, "Des")
    example_store.update_person(des, {"presenting_problem": "Dŵr, 水, مرحبا, 🌻."})
    dialog = open_print(qtbot, window, "Des")
    assert "cannot be printed" not in dialog.state.text()
