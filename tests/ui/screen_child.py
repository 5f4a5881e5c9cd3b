"""Every window and dialog of the app opened as a worker opens it, on the screen this process
was started with, and where each lies on that screen, for the screen-size test.

Usage: python screen_child.py DATA_DIR (QT_QPA_PLATFORM and QT_SCALE_FACTOR say the screen).
Prints one JSON line per window: its name, its frame, the screen's free area, and the rects of
its buttons outside any scroll area (what must stay in view), all in Qt's screen pixels.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from db.store import Store
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow

ALL_DRAFTS = "\n".join(f"• Page one of person {n}: Phone" for n in range(12))


def wait_until(ready: Callable[[], object], what: str, timeout_ms: int = 10000) -> None:
    clock = QElapsedTimer()
    clock.start()
    while not ready():
        if clock.elapsed() > timeout_ms:
            raise SystemExit(f"timed out waiting for {what}")
        QTest.qWait(10)


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def in_a_scroll(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def report(name: str, window: QWidget, must_show: list[QWidget] | None = None) -> None:
    """The window's frame and free area, and where what must stay in view is on screen."""
    wait_until(window.isVisible, name)
    QTest.qWait(50)  # a turn of the event loop for the layout, as a worker's eye would get
    shown = must_show or [
        button
        for button in window.findChildren(QAbstractButton)
        if button.isVisible()
        and button.isWindow() is False
        and not in_a_scroll(button, window)
        and button.window() is window
    ]
    places = [QRect(w.mapToGlobal(w.rect().topLeft()), w.size()) for w in shown]
    line = {
        "name": name,
        "frame": rect(window.frameGeometry()),
        "area": rect(window.screen().availableGeometry()),
        "keep_in_view": [
            [w.accessibleName() or w.objectName(), *rect(r)]
            for w, r in zip(shown, places, strict=True)
        ],
    }
    print(json.dumps(line), flush=True)


def person_called(store: Store, preferred_name: str) -> str:
    return next(p.id for p in store.findable_people() if p.preferred_name == preferred_name)


def tour(window: MainWindow, store: Store) -> None:
    """Each window as a worker opens it."""
    report("main window", window, [window.save_state])
    window.new_person()
    report("new person", window._new_person_dialog)
    window._new_person_dialog.reject()

    window.open_person(person_called(store, "Peggy"))
    workspace = window.workspace
    report("main window with a person", window, [window.save_state])
    people = workspace.page_one.people_who_matter
    people.add_button.click()
    report("someone who matters", people.dialog)
    people.dialog.reject()

    workspace.tabs.setCurrentWidget(workspace.goals)
    workspace.goals.new_button.click()
    report("goal", workspace.goals.dialog)
    workspace.goals.dialog.reject()

    workspace.tabs.setCurrentWidget(workspace.short_term)
    workspace.short_term.new_button.click()
    report("short-term help", workspace.short_term.dialog)
    workspace.short_term.dialog.reject()

    workspace.tabs.setCurrentWidget(workspace.progression)
    progression = workspace.progression
    (
        progression.new_button if progression.new_button.isVisible() else progression.change_button
    ).click()
    report("progression plan", progression.dialog)
    progression.dialog.reject()

    workspace.tabs.setCurrentWidget(workspace.carers)
    workspace.carers.carers.add_button.click()
    report("link a carer", workspace.carers.link_dialog)
    workspace.carers.link_dialog.reject()

    for row in range(people.list.count()):
        people.list.setCurrentRow(row)
        people.record_button.click()
        if people.offer.isVisible():
            break
    report("a carer's own record", people.offer)
    people.offer.reject()

    des = person_called(store, "Des")
    window.open_person(des)
    workspace.tabs.setCurrentWidget(workspace.short_term)
    workspace.short_term.select_episode(store.episodes(des)[0].id)
    workspace.short_term.review_button.click()
    report("weekly review", workspace.short_term.review_dialog)
    workspace.short_term.review_dialog.reject()

    window.open_person(person_called(store, "Bernie"))
    workspace.tabs.setCurrentWidget(workspace.carers)
    workspace.carers.cared_for.list.setCurrentRow(0)
    workspace.carers.cared_for.change_button.click()
    report("their caring", workspace.carers.role_dialog)
    workspace.carers.role_dialog.reject()
    support = workspace.carer_support
    workspace.tabs.setCurrentWidget(support)
    support.offer_button.click()
    report("offer to a carer", support.offer_dialog)
    support.offer_dialog.reject()
    support.review_button.click()
    report("carer's review", support.review_dialog)
    support.review_dialog.reject()

    window.print_person()
    wait_until(lambda: window.print_dialog is not None, "the print window")
    report("print", window.print_dialog)
    window.print_dialog.reject()

    window.print_plans_today()
    report("print plans for today", window.batch_print)
    window.batch_print.reject()

    window.unsaved.ask(ALL_DRAFTS, "Close, and keep the drafts", lambda: None, lambda: None)
    report("not saved", window.unsaved)
    window.unsaved.reject()


def main(data_dir: Path) -> None:
    app = QApplication(sys.argv[:1])
    store = Store.open(data_dir, "Test Worker")
    window = MainWindow(store, "Test Worker", Runner(), data_dir=data_dir)
    window.show()
    tour(window, store)
    window.close_now()
    store.close()
    app.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
