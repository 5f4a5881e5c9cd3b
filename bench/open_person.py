"""Opening a person with 20 contacts (p50, p95). Aim: under 50 ms.

Choosing someone in the caseload fills the workspace on the GUI thread: page one, the people
who matter, the contacts timeline and the newest contact's conversation. A person seen for
years has many contacts, and the wait grows with them. This builds a 5,000-person store, gives
one person 20 contacts, each with every topic of its conversation filled (and three people who
matter), and opens them in the real main window, offscreen, styled as the app is.

Each timed open is `window.open_person(id)` then `processEvents()`, so layout and painting of
what changed are included. Outside a running event loop `processEvents()` leaves deleteLater()
requests waiting, which the running app carries out straight away; they are sent here too, or
the conversation's replaced prompt boxes pile up and each open is slower than the last.

Opens of that person alternate with opens of someone with no contacts, so every timed open
really changes what is shown; only the 20-contact opens are timed, 30 with page one showing
(what a worker sees first) and 30 with the contacts tab showing.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent

from bench.people import add_contact_history, build_store
from bench.qtapp import make_app
from ui.kit.runner import Runner
from ui.shell.main_window import MainWindow

PEOPLE = 5_000
CONTACTS = 20
RUNS = 30


def main() -> None:
    app = make_app()
    with tempfile.TemporaryDirectory(prefix="assessor-bench-") as folder:
        store = build_store(Path(folder), PEOPLE, seed=20)
        busy, other = (person.id for person in store.findable_people()[:2])
        start = time.perf_counter()
        add_contact_history(store, busy, CONTACTS, seed=20)
        seconds = time.perf_counter() - start
        print(f"Gave one person {CONTACTS} contacts with conversations in {seconds:.1f} s")
        window = MainWindow(store, "Bench", Runner())
        window.show()
        app.processEvents()

        def open_person(person_id: str) -> float:
            start = time.perf_counter()
            window.open_person(person_id)
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
            return (time.perf_counter() - start) * 1000

        tabs = window.workspace.tabs
        for tab in (window.workspace.page_one, window.workspace.contacts):
            tabs.setCurrentWidget(tab)
            open_person(busy)  # the first open with each tab lays out more; not counted
            times = []
            for _ in range(RUNS):
                open_person(other)
                times.append(open_person(busy))
            p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
            print(
                f"Open the {CONTACTS}-contact person, '{tabs.tabText(tabs.indexOf(tab))}' tab "
                f"showing: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
                f"max {max(times):.1f} ms ({RUNS} opens; aim: under 50 ms)"
            )
        window.close()
        store.close()


if __name__ == "__main__":
    main()
