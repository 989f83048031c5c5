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
