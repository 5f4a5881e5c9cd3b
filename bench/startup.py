"""Start to main window shown with a 5,000-person store, against a bare PySide6 window shown in
the same run (ratio). Aim: the app takes under 2.5 times as long as the bare window.

Start-up is what a worker waits through each morning, and the part of it the app controls is
what it adds on top of Python and Qt starting. Timing a bare QMainWindow in the same run, on
the same machine and disk cache, separates the two, so the ratio means the same on a fast
laptop and a slow one.

Each run is a fresh process (sys.executable, offscreen Qt). The app child calls the real
`ui.app.run_gui` on the store; the bare child shows an empty QMainWindow. Both schedule a
QTimer.singleShot(0) before showing, which fires once the event loop starts, after show();
it prints time.time() and quits. The parent notes time.time() just before starting the child.
One unmeasured run of each warms the disk cache, then 7 runs of each alternate. The children
may write Python's compiled bytecode even where PYTHONDONTWRITEBYTECODE is set: an installed
app has its modules compiled (pip does it on install; an installer bundles them), so the
warm-up run compiles them and the measured runs, like a worker's laptop, do not.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.child_windows import app_child, bare_child, run_child
from bench.people import build_store

RUNS = 7
PEOPLE = 5_000

_REPORT = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def shown():
    now = time.time()
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
    print(now if any(w.isVisible() for w in windows) else "not shown", flush=True)
    waiting = [w for w in windows if getattr(w, "store", "") is None]
    if waiting:  # the app loads its store behind the shown window: note when it is ready
        waiting[0].store_ready.connect(ready)
    else:
        ready()

def ready():
    print(time.time(), flush=True)
    QApplication.quit()

app = QApplication(sys.argv[:1])
QTimer.singleShot(0, shown)
"""
APP_CHILD = app_child(_REPORT)
BARE_CHILD = bare_child(_REPORT)


def time_to_shown(child: str, data_dir: Path) -> tuple[float, float]:
    """Seconds from starting the child process to its window being shown, and to it being
    ready to open a person (the same for the bare window)."""
    started = time.time()
    done = run_child(child, data_dir)
    try:
        shown, ready = (float(word) - started for word in done.stdout.split()[:2])
        return shown, ready
    except ValueError:
        sys.exit(f"The child did not report a shown window:\n{done.stdout}\n{done.stderr}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="assessor-bench-") as folder:
        data_dir = Path(folder)
        build_store(data_dir, PEOPLE, seed=5).close()
        time_to_shown(APP_CHILD, data_dir)
        time_to_shown(BARE_CHILD, data_dir)
        app_runs, bare_times = [], []
        for _ in range(RUNS):
            app_runs.append(time_to_shown(APP_CHILD, data_dir))
            bare_times.append(time_to_shown(BARE_CHILD, data_dir)[0])
    app_times = [shown for shown, _ in app_runs]
    ready_times = [ready for _, ready in app_runs]
    app, bare = statistics.median(app_times), statistics.median(bare_times)
    print(f"App with {PEOPLE:,} people, start to main window shown: median {app * 1000:.0f} ms")
    print(f"  runs: {', '.join(f'{t * 1000:.0f}' for t in app_times)} ms")
    ready = statistics.median(ready_times)
    print(f"  ...and to the store open, ready to open a person: median {ready * 1000:.0f} ms")
    print(f"Bare PySide6 window, start to shown: median {bare * 1000:.0f} ms")
    print(f"  runs: {', '.join(f'{t * 1000:.0f}' for t in bare_times)} ms")
    print(f"Ratio app/bare: {app / bare:.2f} (aim: under 2.5)")


if __name__ == "__main__":
    main()
