"""The one runner for background work: a single writer, reads off the GUI thread, only the
newest answer to a question, every failure logged with its traceback, one report of changes."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication

from assessor.logfile import LOG_FILE_NAME, start_log
from assessor.operations.op_changes import OpChanges, OpResult, RecordKind
from assessor.validation import InvalidInput
from db.failures import UNKNOWN


def nothing_changed(value=None) -> OpResult:
    return OpResult(value, OpChanges())


def a_read_that_breaks() -> None:
    raise ValueError("the index of goals is broken")


def test_a_failure_is_logged_with_its_traceback_and_handed_to_the_caller(qtbot, runner, tmp_path):
    start_log(tmp_path)
    problems: list[Exception] = []
    runner.read(lambda: a_read_that_breaks(), lambda _value: None, problems.append)
    qtbot.waitUntil(lambda: bool(problems))
    assert isinstance(problems[0], ValueError)
    log = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "in a_read_that_breaks" in log
    assert "ValueError: the index of goals is broken" in log


def test_a_failed_check_is_the_callers_to_say_and_never_copies_what_was_typed_to_the_log(
    runner, tmp_path
):
    start_log(tmp_path)

    def save_a_wrong_date() -> OpResult:
        raise InvalidInput("31/02/1950 is not a date: February has 28 or 29 days.")

    with pytest.raises(InvalidInput):
        runner.write_now(save_a_wrong_date)
    with pytest.raises(ValueError):
        runner.write_now(a_read_that_breaks)  # a real failure is still logged
    log = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "31/02/1950" not in log
    assert "ValueError: the index of goals is broken" in log


def test_a_failure_no_caller_handles_is_said_in_plain_words(qtbot, runner, tmp_path):
    start_log(tmp_path)
    with qtbot.waitSignal(runner.failed) as failed:
        runner.read(a_read_that_breaks, lambda _value: None)
    assert failed.args == [UNKNOWN.format(log="assessor.log in your data folder")]
    assert "the index of goals is broken" not in failed.args[0], "no detail on the screen"
    assert "in a_read_that_breaks" in (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_only_the_newest_read_of_a_question_is_answered(qtbot, runner):
    first_running, let_first_end = threading.Event(), threading.Event()
    asked, answers = [], []

    def first() -> str:
        asked.append("first")
        first_running.set()
        let_first_end.wait(10)
        return "first"

    def later(name: str):
        def query() -> str:
            asked.append(name)
            return name

        return query

    runner.read(first, answers.append, latest_of="due")
    qtbot.waitUntil(first_running.is_set)
    runner.read(later("second"), answers.append, latest_of="due")
    runner.read(later("third"), answers.append, latest_of="due")
    runner.read(later("elsewhere"), answers.append, latest_of="carers")
    let_first_end.set()
    qtbot.waitUntil(lambda: "third" in answers and "elsewhere" in answers)
    # The first's answer came back before the third was started, so nothing more is to come.
    assert sorted(answers) == ["elsewhere", "third"], "the first was overtaken"
    assert "second" not in asked, "a read overtaken before it started never runs"


def test_a_failure_of_an_overtaken_read_is_logged_but_not_shown(qtbot, runner, tmp_path):
    start_log(tmp_path)
    running, let_it_end = threading.Event(), threading.Event()

    def breaks() -> None:
        running.set()
        let_it_end.wait(10)
        raise ValueError("an overtaken failure")

    shown: list[object] = []
    runner.failed.connect(shown.append)
    runner.read(breaks, shown.append, latest_of="due")
    qtbot.waitUntil(running.is_set)
    answers: list[str] = []
    runner.read(lambda: "newest", answers.append, latest_of="due")
    let_it_end.set()
    qtbot.waitUntil(lambda: answers == ["newest"])
    assert shown == []
    assert "an overtaken failure" in (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_write_now_waits_for_the_writer_and_they_never_overlap(qtbot, runner):
    inside, most_inside, order = [0], [0], []
    guard = threading.Lock()
    writing, now_asked, now_started = threading.Event(), threading.Event(), threading.Event()

    def step(name: str) -> None:
        with guard:
            inside[0] += 1
            most_inside[0] = max(most_inside[0], inside[0])
            order.append(name)

    def leave() -> None:
        with guard:
            inside[0] -= 1

    def slow_write() -> OpResult:
        step("write begins")
        writing.set()
        now_asked.wait(10)
        # Were write_now not held back by the writer, it would start while this waits.
        overlapped = now_started.wait(0.2)
        order.append("write ends" + (" after write_now began" if overlapped else ""))
        leave()
        return nothing_changed()

    def write_now() -> OpResult:
        now_started.set()
        step("write_now")
        leave()
        return nothing_changed("now")

    done: list[object] = []
    runner.write(slow_write, done.append)
    assert writing.wait(10)
    now_asked.set()
    assert runner.write_now(write_now) == "now"
    qtbot.waitUntil(lambda: bool(done))
    assert order == ["write begins", "write ends", "write_now"]
    assert most_inside[0] == 1


def test_writes_run_one_at_a_time_in_the_order_asked(qtbot, runner):
    inside, most_inside, order = [0], [0], []
    guard = threading.Lock()

    def write(number: int):
        def operation() -> OpResult:
            with guard:
                inside[0] += 1
                most_inside[0] = max(most_inside[0], inside[0])
            order.append(number)
            with guard:
                inside[0] -= 1
            return nothing_changed(number)

        return operation

    done: list[int] = []
    for number in range(8):
        runner.write(write(number), done.append)
    qtbot.waitUntil(lambda: len(done) == 8)
    assert order == done == list(range(8))
    assert most_inside[0] == 1


def test_changes_applied_carries_what_changed_and_who_asked(qtbot, runner):
    changes = OpChanges.of(["person-1"], RecordKind.GOAL)
    source = object()
    values: list[str] = []
    with qtbot.waitSignal(runner.changes_applied) as applied:
        runner.write(lambda: OpResult("review-1", changes), values.append, source=source)
    assert applied.args == [changes, source]
    assert values == ["review-1"], "the caller has the value before views refresh"


def test_a_write_that_changed_nothing_reports_nothing(qtbot, runner):
    reported: list[object] = []
    runner.changes_applied.connect(lambda *args: reported.append(args))
    assert runner.write_now(lambda: nothing_changed("same")) == "same"
    done: list[object] = []
    runner.write(lambda: nothing_changed("same"), done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert reported == []


def test_write_now_reports_its_changes_at_once(qtbot, runner):
    changes = OpChanges.of(["person-1"], RecordKind.PERSON)
    with qtbot.waitSignal(runner.changes_applied, timeout=0) as applied:
        runner.write_now(lambda: OpResult(None, changes))
    assert applied.args == [changes, None]


def test_a_job_reports_progress_and_stops_when_cancelled(qtbot, runner):
    first_done, cancelled = threading.Event(), threading.Event()
    progress: list[tuple[int, int]] = []
    finished: list[list[int]] = []

    def work(job) -> list[int]:
        made = []
        for item in range(5):
            if job.cancelled:
                break
            made.append(item)
            job.progress(len(made), 5)
            if item == 0:
                first_done.set()
                cancelled.wait(10)
        return made

    job = runner.job(work, finished.append, on_progress=lambda *args: progress.append(args))
    assert first_done.wait(10)
    job.cancel()
    cancelled.set()
    qtbot.waitUntil(lambda: bool(finished))
    assert finished == [[0]]
    qtbot.waitUntil(lambda: progress == [(1, 5)])


def test_once_closed_no_read_starts_and_nothing_is_handed_back_but_writes_still_run(qtbot, runner):
    running, let_it_end = threading.Event(), threading.Event()
    answers, asked, written = [], [], []

    def slow() -> str:
        running.set()
        let_it_end.wait(10)
        return "late"

    runner.read(slow, answers.append)
    qtbot.waitUntil(running.is_set)
    let_it_end.set()
    runner.close()  # the window is going: its views are about to be deleted
    runner.read(lambda: asked.append("read"), answers.append)
    runner.write(lambda: nothing_changed(written.append("saved")), answers.append)
    runner.wait()
    QApplication.processEvents()
    assert answers == [] and asked == []
    assert written == ["saved"], "a save asked for while closing is still made"


def test_the_window_shows_a_failure_no_caller_handles_in_its_status_bar(qtbot, window, tmp_path):
    start_log(tmp_path)
    with qtbot.waitSignal(window.runner.failed):
        window.runner.read(a_read_that_breaks, lambda _value: None)
    assert window.statusBar().currentMessage() == UNKNOWN.format(
        log="assessor.log in your data folder"
    )


def test_reads_start_once_the_gui_thread_is_free_and_asks_in_one_go_make_one(qtbot, runner):
    asked: list[str] = []
    answers: list[str] = []

    def read(name: str):
        def query() -> str:
            asked.append(name)
            return name

        return query

    for name in ("first", "second", "third"):
        runner.read(read(name), answers.append, latest_of="due")
    runner.read(read("clock"), answers.append)
    runner.wait()
    assert asked == [], "nothing has started while the GUI thread was busy"
    qtbot.waitUntil(lambda: sorted(answers) == ["clock", "third"])
    assert sorted(asked) == ["clock", "third"]


def test_a_failed_save_shown_in_plain_words_is_logged_once(runner, tmp_path):
    from ui.kit.forms import failure_text

    start_log(tmp_path)
    with pytest.raises(ValueError) as failed:
        runner.write_now(a_read_that_breaks)
    failure_text(failed.value)  # what a dialog shows beside its buttons
    log = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert log.count("Traceback (most recent call last)") == 1
