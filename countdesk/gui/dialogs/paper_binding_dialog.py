"""The paper check at collation: two groups of the fingerprint, typed from the signed paper.

The bundle has already been verified (every file, the signature). What verification cannot tell
is whether it is the bundle the area's returning officer signed for; the fingerprint printed at
the foot of their signed statement can. The app asks for two groups at positions it picked at
random for this import, so a forged bundle would have to match every group to pass.

The key that signed the bundle is checked the same way: the officer types two groups of the
signing key's fingerprint as the area's export printed it (or as its returning officer reads it
out). The dialog never shows the fingerprints it asks for; the collation session compares them.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from ...services.collation_session import PendingBundle
from ..appearance import figure_font, set_style_flag
from ..plain_text import escaped, rich_label

_GROUP = QRegularExpression(r"^\s*[0-9A-Fa-f]{0,2}\s?[0-9A-Fa-f]{0,2}\s*$")
_WHOLE = QRegularExpression(r"^[0-9A-Fa-f\s]{0,48}$")
_WHOLE_DIGITS = 32  # the signing key fingerprint: eight groups of four


def ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
            8: "eighth"}.get(n, f"{n}th")


def utc_minute(timestamp: str) -> str:
    """An audit-style UTC timestamp as a person reads it: 2021-05-07 16:05 UTC."""
    return f"{timestamp[:10]} {timestamp[11:16]} UTC" if len(timestamp) >= 16 else timestamp


class PaperBindingDialog(QDialog):
    def __init__(self, pending: PendingBundle, parent: QWidget | None = None, *, notes: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.pending = pending
        self.setObjectName("paperBindingDialog")
        self.setWindowTitle("Check the bundle against the signed paper")
        self.setAccessibleName("Check the bundle against the signed paper")
        self.setMinimumWidth(460)
        election = pending.count.election
        heading = QLabel(f"Bundle from {election.area}")
        heading.setProperty("role", "heading")
        verified = rich_label(QLabel(f"{escaped(election.title)}<br>Every file checked and the signature valid."))
        verified.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(verified)
        for note in notes:  # e.g. a contest only some areas report: its sum covers those areas only
            said = QLabel(f"Note: {note}.")
            said.setObjectName("contestNote")
            said.setProperty("role", "banner")
            said.setWordWrap(True)
            layout.addWidget(said)
        if pending.replaces is not None:
            earlier = pending.replaces
            banner = QLabel(f"This replaces the bundle from {earlier.area} accepted at {utc_minute(earlier.imported_at)} "
                            f"(fingerprint {earlier.paper_fingerprint}).")
            banner.setObjectName("replacesBanner")
            banner.setProperty("role", "banner")
            banner.setWordWrap(True)
            layout.addWidget(banner)
        positions = pending.positions
        ask = rich_label(QLabel(
            f"Take the paper {escaped(election.area)}'s returning officer signed (the provisional statement or the "
            "declaration). At the foot of the page is the fingerprint, eight groups of four characters. Type the "
            + " and the ".join(f"<b>{ordinal(p)}</b>" for p in positions) + " group"
            + ("s" if len(positions) > 1 else "") + "."))
        ask.setWordWrap(True)
        layout.addWidget(ask)
        form = QFormLayout()
        self.group_edits = [self._group_edit(form, f"Group &{p}:", f"group{p}",
                                             f"Group {p} of the fingerprint on the paper") for p in positions]
        layout.addLayout(form)
        layout.addWidget(self._key_section(pending))
        key_form = QFormLayout()
        mnemonics = ("&Key group", "Ke&y group")  # unique Alt keys: the paper's groups use Alt+digit
        self.key_edits = [self._group_edit(key_form, f"{mnemonics[n % 2]} {p}:", f"keyGroup{p}",
                                           f"Group {p} of the signing key fingerprint")
                          for n, p in enumerate(pending.key_positions)]
        self.whole_key_edit = QLineEdit()
        self.whole_key_edit.setObjectName("wholeKeyFingerprint")
        self.whole_key_edit.setAccessibleName("The whole signing key fingerprint, instead of two groups")
        self.whole_key_edit.setValidator(QRegularExpressionValidator(_WHOLE, self.whole_key_edit))
        self.whole_key_edit.setFont(figure_font())
        self.whole_key_edit.setPlaceholderText("all eight groups, if you prefer")
        self.whole_key_edit.textEdited.connect(lambda _t: set_style_flag(self.whole_key_edit, "invalid", False))
        key_form.addRow("Or the &whole key fingerprint:", self.whole_key_edit)
        layout.addLayout(key_form)
        self.new_key_box = QCheckBox(f"{election.area}'s returning officer confirms the area signs with a &new key")
        self.new_key_box.setObjectName("newKeyConfirmed")
        self.new_key_box.setAccessibleName("The area's returning officer confirms the new signing key")
        self.new_key_box.setVisible(pending.key_changed_from is not None)
        layout.addWidget(self.new_key_box)
        self.error_label = QLabel("")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setAccessibleName("Problem with the groups typed")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Check and import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.group_edits[0].setFocus()

    def _group_edit(self, form: QFormLayout, label: str, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setValidator(QRegularExpressionValidator(_GROUP, edit))
        edit.setFont(figure_font(scale=1.3))
        edit.setMaxLength(5)
        edit.setPlaceholderText("e.g. 3F2A")
        edit.textEdited.connect(lambda _t, e=edit: set_style_flag(e, "invalid", False))
        form.addRow(label, edit)
        return edit

    def _key_section(self, pending: PendingBundle) -> QLabel:
        area = escaped(pending.area)
        text = (f"Then the key that signed the bundle. {area}'s export printed its <b>signing key fingerprint</b>, "
                "eight groups of four characters: ask the area's returning officer to read it out, and type the "
                + " and the ".join(f"<b>{ordinal(p)}</b>" for p in pending.key_positions) + " group"
                + ("s" if len(pending.key_positions) > 1 else "") + ", or the whole fingerprint.")
        if pending.key_changed_from is not None:
            text = (f"<b>This bundle is signed by a new key.</b> {area}'s earlier bundle was signed by key "
                    f"{escaped(pending.key_changed_from)}. Accept it only if {area}'s returning officer confirms "
                    "that the area now signs with a new key (for example a replacement laptop). " + text)
        label = rich_label(QLabel(text))
        label.setObjectName("keyChangedBanner" if pending.key_changed_from else "keyQuestion")
        label.setWordWrap(True)
        return label

    def typed_groups(self) -> list[str]:
        return ["".join(edit.text().split()).upper() for edit in self.group_edits]

    def typed_key(self) -> list[str]:
        """The key's groups as typed, or the whole fingerprint when it was typed instead."""
        whole = "".join(self.whole_key_edit.text().split()).upper()
        return [whole] if whole else ["".join(edit.text().split()).upper() for edit in self.key_edits]

    def new_key_confirmed(self) -> bool:
        return self.pending.key_changed_from is not None and self.new_key_box.isChecked()

    def accept(self) -> None:
        """Only complete groups go on to the check; whether they match is the collation's to say."""
        whole = self.whole_key_edit.text().strip()
        edits = [*self.group_edits, *([] if whole else self.key_edits)]
        for edit in edits:
            if len("".join(edit.text().split())) != 4:
                self._complain(edit, "Each group has four characters (0-9 and A-F).")
                return
        if whole and len(self.typed_key()[0]) != _WHOLE_DIGITS:
            self._complain(self.whole_key_edit, "The whole key fingerprint has eight groups of four characters.")
            return
        super().accept()

    def _complain(self, edit: QLineEdit, sentence: str) -> None:
        set_style_flag(edit, "invalid", True)
        self.error_label.setText(sentence)
        edit.setFocus()
