"""A wrapped label measures its height at each width once, and always answers what QLabel would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from countdesk.gui.widgets.wrapped_label import WrappedLabel

SENTENCE = ("Elected after second preferences: Joanne ANDERSON (Labour Party), 46,493 votes in total. No "
            "candidate had more than half of the valid first preferences; the finalists were Joanne ANDERSON "
            "and Stephen YIP.")
WIDTHS = range(120, 900, 37)


def twins(qtbot) -> tuple[WrappedLabel, QLabel]:
    """The label under test and a plain QLabel set up alike: the reference for every height."""
    made = []
    for label in (WrappedLabel(), QLabel()):
        qtbot.addWidget(label)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setText(SENTENCE)
        made.append(label)
    return made[0], made[1]


def test_each_width_is_measured_once(qtbot, monkeypatch):
    wrapped, plain = twins(qtbot)
    measured: list[int] = []
    original = QLabel.heightForWidth

    def counting(label, width):
        if label is wrapped:
            measured.append(width)
        return original(label, width)

    monkeypatch.setattr(QLabel, "heightForWidth", counting)
    for _ in range(3):  # a layout settling: the same widths, again and again
        assert [wrapped.heightForWidth(w) for w in WIDTHS] == [plain.heightForWidth(w) for w in WIDTHS]
    assert measured == list(WIDTHS)


def test_the_heights_follow_the_text_the_font_and_the_style(qtbot):
    wrapped, plain = twins(qtbot)
    before = [wrapped.heightForWidth(w) for w in WIDTHS]
    for label in (wrapped, plain):
        label.setText(SENTENCE + " " + SENTENCE)
    assert [wrapped.heightForWidth(w) for w in WIDTHS] == [plain.heightForWidth(w) for w in WIDTHS] != before
    bigger = QFont(plain.font())
    bigger.setPointSizeF(bigger.pointSizeF() * 1.6)
    for label in (wrapped, plain):
        label.setFont(bigger)
    assert [wrapped.heightForWidth(w) for w in WIDTHS] == [plain.heightForWidth(w) for w in WIDTHS]
    for label in (wrapped, plain):
        label.setStyleSheet("font-weight: bold; padding: 6px 12px;")
        label.ensurePolished()
    assert [wrapped.heightForWidth(w) for w in WIDTHS] == [plain.heightForWidth(w) for w in WIDTHS]
