"""The hall's results screen: full screen, large light type on near-black, scaled to the window,
and live: it follows the open count when a lot is recorded or the contest is declared."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from result_fixtures import (
    LCR,
    LIVERPOOL,
    fptp_last_seat_tie_count,
    lcr_collated_count,
    liverpool_count,
    make_open_count,
    screenshot,
    sv_final_tie_count,
)

from countdesk.domain.model import Lot
from countdesk.gui.projector import ProjectorScreen

TESTSHIRE = "mayor.testshire.2021-05-06"


def open_screen(qtbot, open_count, contest_id: str, size: tuple[int, int]) -> ProjectorScreen:
    """The screen in a window of a chosen size (full screen would take the test display's size)."""
    screen = ProjectorScreen(open_count, contest_id)
    qtbot.addWidget(screen)
    with qtbot.waitExposed(screen):
        screen.showNormal()
    screen.resize(*size)
    return screen


def bright_rows(image: QImage, x_from: float, x_to: float, y_from: float, y_to: float) -> list[int]:
    """Rows of the region holding light pixels (text drawn on the dark background)."""
    w, h = image.width(), image.height()
    rows = []
    for y in range(int(y_from * h), int(y_to * h)):
        for x in range(int(x_from * w), int(x_to * w), 2):
            if QColor(image.pixel(x, y)).lightness() > 190:
                rows.append(y)
                break
    return rows


def title_height(image: QImage) -> int:
    """Height in pixels of the contest title's ink: the first run of light rows at the top left."""
    rows = bright_rows(image, 0.0, 0.5, 0.0, 0.12)
    assert rows, "no title drawn"
    run = [rows[0]]
    for y in rows[1:]:
        if y != run[-1] + 1:
            break
        run.append(y)
    return run[-1] - run[0] + 1


def test_liverpool_on_a_projector_reads_large_light_on_dark(qtbot):
    screen = open_screen(qtbot, make_open_count(liverpool_count()), LIVERPOOL, (1920, 1080))
    screenshot(screen, "projector-liverpool-1080p")
    image = screen.grab().toImage()
    assert QColor(image.pixel(5, 5)).lightness() < 30  # near-black background
    # The title's ink is at least 4 % of the screen's height: ~43 px on 1080 lines, readable at the
    # back of a hall (body text on a laptop is about 1.5 %).
    assert title_height(image) >= 0.04 * image.height()
    summary = screen.accessibleDescription()
    assert "Mayor of Liverpool. Provisional." in summary
    assert "Joanne ANDERSON 46,493" in summary and "Stephen YIP 32,079" in summary
    assert screen.stage_text() == "PROVISIONAL"


def test_type_scales_with_the_window_height(qtbot):
    open_count = make_open_count(liverpool_count())
    large = title_height(open_screen(qtbot, open_count, LIVERPOOL, (1920, 1080)).grab().toImage())
    small = title_height(open_screen(qtbot, open_count, LIVERPOOL, (1280, 720)).grab().toImage())
    assert large / small == pytest.approx(1080 / 720, rel=0.15)


def test_elected_on_first_preferences_shows_one_bar_per_candidate(qtbot):
    screen = open_screen(qtbot, make_open_count(lcr_collated_count()), LCR, (1280, 720))
    screenshot(screen, "projector-lcr-720p")
    summary = screen.accessibleDescription()
    assert "Steve ROTHERAM 198,736" in summary and "No second round" in summary


def test_show_opens_full_screen_and_escape_closes(qtbot):
    screen = ProjectorScreen(make_open_count(liverpool_count()), LIVERPOOL)
    qtbot.addWidget(screen)
    with qtbot.waitExposed(screen):
        screen.show()
    assert screen.isFullScreen()
    screenshot(screen, "projector-full-screen")
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.isVisible()
    screen.present()  # the menu's way in: the other screen if there is one (here only one)
    assert screen.isVisible() and screen.isFullScreen()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.isVisible()


def test_the_screen_follows_a_recorded_lot_and_the_declaration(qtbot):
    open_count = make_open_count(sv_final_tie_count())
    screen = open_screen(qtbot, open_count, TESTSHIRE, (1024, 768))
    screenshot(screen, "projector-needs-lot-768p")
    assert "A lot is needed" in screen.accessibleDescription()
    assert "will draw the lot by hand" in screen.accessibleDescription()
    open_count.record_lot(TESTSHIRE, Lot(("a", "b"), ("a",), "A. Officer", "2021-05-07T03:10:00+01:00", "Agents"))
    assert "Elected after second preferences (decided by lot): Ann ASHE" in screen.accessibleDescription()
    open_count.session.declared.add(TESTSHIRE)
    open_count.reload(TESTSHIRE)
    assert screen.stage_text() == "DECLARED"
    screenshot(screen, "projector-declared-768p")


def test_a_multi_seat_ward_fits_and_marks_the_tie(qtbot):
    screen = open_screen(qtbot, make_open_count(fptp_last_seat_tie_count()), "local.testshire.north.2022-05-05",
                         (1920, 1080))
    screenshot(screen, "projector-ward-1080p")
    image = screen.grab().toImage()
    # Every candidate's row carries light ink in the name column (five rows, none left blank).
    rows = bright_rows(image, 0.02, 0.3, 0.15, 0.8)
    bands = 1 + sum(1 for a, b in pairwise(rows) if b - a > 0.02 * image.height())
    assert bands >= 5
    assert "3 seats" in screen._screen.subtitle
