"""Printing the plans of everyone with a contact today, in the background, and stopping it."""

from __future__ import annotations

import io
import threading

import pdfplumber
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QPushButton

from assessor.record import Contact
from tests.ui.clock import TODAY
from tests.ui.test_keyboard_and_names import unnamed_controls
from ui.printing.batch_print import BatchPrintDialog
from ui.printing.print_source import PrintSource


def seen_today(store, *preferred_names: str) -> list[str]:
    """Give these people a contact dated today; returns their display names."""
    people = {person.preferred_name: person for person in store.findable_people()}
    for name in preferred_names:
        store.add_contact(Contact(person_id=people[name].id, on=TODAY))
    return [f"{people[name].preferred_name} {people[name].family_name}" for name in preferred_names]


def start(window) -> BatchPrintDialog:
    window.print_today_action.trigger()
    batch = window.batch_print
    assert batch is not None and batch.isVisible()
    return batch


def print_to_file(batch: BatchPrintDialog, path) -> None:
    batch.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    batch.printer.setOutputFileName(str(path))


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def smallest_text(pdf: bytes) -> float:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return min(char["size"] for page in document.pages for char in page.chars)


def test_nobody_seen_today_is_said_plainly(qtbot, window):
    batch = start(window)
    with qtbot.waitSignal(batch.outcome, timeout=10000) as outcome:
        pass
    assert outcome.args[0].startswith("No one has a contact dated today")
    assert batch.button.text() == "Close"
    qtbot.mouseClick(batch.button, Qt.MouseButton.LeftButton)
    assert not batch.isVisible()


def test_plans_of_everyone_seen_today_are_printed_each_in_their_format(
    qtbot, window, example_store, tmp_path
):
    names = seen_today(example_store, "Peggy", "Des")
    batch = start(window)
    with qtbot.waitSignal(batch.prepared, timeout=20000):
        pass
    assert sorted(name for name, _pdf in batch.plans) == sorted(names)
    plans = dict(batch.plans)
    assert smallest_text(plans["Peggy Okafor"]) >= 16, "page one asks for large print"
    assert "This is my plan in Easy Read." in " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(plans["Des Hartley"])).pages
    ), "page one asks for Easy Read"
    assert batch.print_dialog is not None and batch.print_dialog.isVisible()
    assert "2 plans ready" in batch.message.text()
    out = tmp_path / "today.pdf"
    print_to_file(batch, out)
    # Print is pressed; done() leaves the printer as the test set it, to a file.
    with qtbot.waitSignal(batch.outcome, timeout=30000) as outcome:
        batch.print_dialog.done(QDialog.DialogCode.Accepted)
    expected = sum(pages(pdf) for pdf in plans.values())
    assert len(PdfReader(out).pages) == expected
    assert outcome.args[0].startswith(f"Printed 2 plans, {expected} pages: ")
    assert all(name in outcome.args[0] for name in names)


def test_cancel_stops_before_the_next_person(qtbot, window, example_store, monkeypatch):
    seen_today(example_store, "Peggy", "Des", "Bernie")
    preparing, clicked = threading.Event(), threading.Event()
    prepare = PrintSource.plan

    def hold_in_the_first(source, person_id):
        if not preparing.is_set():  # on the job's own thread: wait until Cancel is pressed
            preparing.set()
            clicked.wait(10)
        return prepare(source, person_id)

    monkeypatch.setattr(PrintSource, "plan", hold_in_the_first)
    batch = start(window)
    qtbot.waitUntil(preparing.is_set, timeout=20000)
    qtbot.mouseClick(batch.button, Qt.MouseButton.LeftButton)
    clicked.set()
    with qtbot.waitSignal(batch.outcome, timeout=20000) as outcome:
        pass
    assert outcome.args[0] == "Cancelled after preparing 1 of 3 plans: nothing was printed."
    assert batch.plans == [] and batch.print_dialog is None


def test_cancel_while_printing_stops_after_the_page(qtbot, window, example_store, tmp_path):
    seen_today(example_store, "Peggy", "Des")
    batch = start(window)
    with qtbot.waitSignal(batch.prepared, timeout=20000):
        pass
    out = tmp_path / "stopped.pdf"
    print_to_file(batch, out)
    batch.print_dialog.done(QDialog.DialogCode.Accepted)
    batch.run.progress.connect(
        lambda done, _total: done == 1 and qtbot.mouseClick(batch.button, Qt.MouseButton.LeftButton)
    )
    with qtbot.waitSignal(batch.outcome, timeout=20000) as outcome:
        pass
    total = sum(pages(pdf) for _name, pdf in batch.plans)
    assert outcome.args[0] == f"Printing stopped after 1 of {total} pages."
    assert len(PdfReader(out).pages) == 1


def test_closing_the_print_dialog_prints_nothing(qtbot, window, example_store):
    seen_today(example_store, "Des")
    batch = start(window)
    with qtbot.waitSignal(batch.prepared, timeout=20000):
        pass
    with qtbot.waitSignal(batch.outcome) as outcome:
        batch.print_dialog.reject()
    assert outcome.args[0] == "Not printed: the print dialog was closed."
    assert batch.run is None and batch.button.text() == "Close"


def test_every_control_is_named(qtbot, window):
    batch = start(window)
    with qtbot.waitSignal(batch.outcome, timeout=10000):
        pass
    assert unnamed_controls(batch) == []
    assert batch.button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_when_finished_no_bar_is_left_that_looks_like_a_button(qtbot, window):
    """A full bar reading "Done" looked like a button to press; the words say it instead."""
    batch = start(window)
    assert batch.bar.isVisible(), "the bar moves while it works"
    with qtbot.waitSignal(batch.outcome, timeout=10000):
        pass
    assert not batch.bar.isVisible()
    assert batch.message.isVisible() and batch.message.text().startswith("No one has")
    assert [button.text() for button in batch.findChildren(QPushButton)] == ["Close"]
    qtbot.mouseClick(batch.button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(batch.outcome, timeout=10000):
        batch = start(window)
        assert batch.bar.isVisible(), "shown again for the next run"
