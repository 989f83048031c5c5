"""Garbage is collected on the GUI thread by a timer: the young generations each tick, the whole
heap every so many ticks (a full collection of a big count is a pause the operator would feel)."""

from __future__ import annotations

import gc

from countdesk.gui.collector import GuiThreadCollector, collect_on_gui_thread_only


def test_the_timer_collects_young_objects_each_tick_and_everything_now_and_then(qtbot):
    generations: list[int] = []

    def watch(phase: str, info: dict) -> None:
        if phase == "start":
            generations.append(info["generation"])

    collector = GuiThreadCollector(interval_ms=60_000, full_every=3)
    collector.timer.stop()  # ticked by hand below
    gc.callbacks.append(watch)
    try:
        for _ in range(6):
            collector.collect()
    finally:
        gc.callbacks.remove(watch)
    assert generations == [1, 1, 2, 1, 1, 2]


def test_handing_collection_to_the_gui_thread_switches_automatic_collection_off(qtbot):
    gc.enable()
    collector = collect_on_gui_thread_only()
    assert not gc.isenabled()
    assert collector.timer.isActive()
    assert collect_on_gui_thread_only() is collector  # once


def test_loading_the_gui_switches_automatic_collection_off_and_the_app_starts_the_timer():
    """In a fresh process, as the app starts: no automatic collection from the moment the GUI loads
    (start-up's imports and the first paint are not interrupted by it), the timer once the
    application exists."""
    import os
    import subprocess
    import sys

    script = ("import gc\n"
              "before = gc.isenabled()\n"
              "import countdesk.gui\n"
              "loaded = gc.isenabled()\n"
              "from countdesk.gui.application import create_application\n"
              "from countdesk.gui.collector import gui_thread_collects\n"
              "create_application(['countdesk'])\n"
              "print(before, loaded, gc.isenabled(), gui_thread_collects())\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "False", "False", "True"]
