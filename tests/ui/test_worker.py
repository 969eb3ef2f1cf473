"""The worker runs ops off the UI thread and brings results, failures and progress back to it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool

from matcher.ui.worker import OpContext, SyncPool, Worker


def test_result_arrives_on_the_main_thread_while_the_op_ran_elsewhere(qtbot) -> None:
    worker = Worker(QThreadPool())
    seen: dict[str, object] = {}

    def op(ctx: OpContext) -> int:
        seen["op_thread"] = threading.current_thread()
        return 6 * 7

    handle = worker.prepare("answer")
    handle.succeeded.connect(lambda result: seen.update(result=result, slot_thread=threading.current_thread()))
    with qtbot.waitSignal(handle.finished, timeout=5000):
        worker.start(handle, op)
    assert seen["result"] == 42
    assert seen["op_thread"] is not threading.main_thread()
    assert seen["slot_thread"] is threading.main_thread()
    assert worker.running() == []


def test_failure_is_delivered_as_the_exception(qtbot) -> None:
    worker = Worker(QThreadPool())

    def op(ctx: OpContext) -> None:
        raise ValueError("file is not a posting")

    handle = worker.prepare("broken")
    with qtbot.waitSignal(handle.failed, timeout=5000) as blocker:
        worker.start(handle, op)
    assert isinstance(blocker.args[0], ValueError)
    assert "not a posting" in str(blocker.args[0])


def test_progress_reaches_the_ui_and_cancel_stops_the_op_between_units(qtbot) -> None:
    worker = Worker(QThreadPool())
    started = threading.Event()
    release = threading.Event()
    progress: list[tuple[int, int, str]] = []

    def op(ctx: OpContext) -> int:
        done = 0
        for unit in range(1000):
            if ctx.cancelled():
                break
            ctx.progress(unit, 1000, f"unit {unit}")
            started.set()
            release.wait(5)  # one unit of work; the test cancels while the op is inside it
            done += 1
        return done

    handle = worker.prepare("long")
    handle.progressed.connect(lambda *args: progress.append(args))
    worker.start(handle, op)
    assert started.wait(5)
    handle.cancel()
    release.set()
    with qtbot.waitSignal(handle.succeeded, timeout=5000) as blocker:
        pass
    assert 1 <= blocker.args[0] < 1000
    qtbot.waitUntil(lambda: len(progress) >= 1)
    assert progress[0] == (0, 1000, "unit 0")


def test_writes_run_one_at_a_time_in_submission_order(qtbot) -> None:
    worker = Worker(QThreadPool())  # the write pool is the worker's own serial pool
    order: list[int] = []
    active = {"now": 0, "max": 0}
    lock = threading.Lock()

    def write(n: int):  # type: ignore[no-untyped-def]
        def op(ctx: OpContext) -> None:
            with lock:
                active["now"] += 1
                active["max"] = max(active["max"], active["now"])
            order.append(n)
            with lock:
                active["now"] -= 1

        return op

    handles = [worker.run(f"write {n}", write(n), writes=True) for n in range(5)]
    qtbot.waitUntil(lambda: all(h.done for h in handles) or order == list(range(5)), timeout=5000)
    qtbot.waitUntil(lambda: worker.running() == [], timeout=5000)
    assert order == list(range(5))
    assert active["max"] == 1


def test_sync_pool_runs_at_once_for_tests(qtbot) -> None:
    worker = Worker(SyncPool(), SyncPool())
    results: list[object] = []
    handle = worker.prepare("sync")
    handle.succeeded.connect(results.append)
    worker.start(handle, lambda ctx: "done", writes=True)
    assert results == ["done"]
    assert worker.running() == []
