"""The paper check at collation: two groups of the fingerprint, typed from the signed paper.

The bundle has already been verified (every file, the signature). What verification cannot tell
is whether it is the bundle the area's returning officer signed for; the fingerprint printed at
the foot of their signed statement can. Each contest's papers print that contest's fingerprint,
so a bundle of several contests asks for each, typed from its own paper. The app asks for two
groups at positions it picked at random for this import, so a forged bundle would have to match
every group to pass.

The key that signed the bundle is checked the same way: the officer types two groups of the
signing key's fingerprint as the area's export printed it (or as its returning officer reads it
out). The dialog never shows the fingerprints it asks for; the collation session compares them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...services.collation_session import PendingBundle, papers_said
from ..appearance import figure_font, set_style_flag
from ..plain_text import escaped, rich_label

_GROUP = QRegularExpression(r"^\s*[0-9A-Fa-f]{0,2}\s?[0-9A-Fa-f]{0,2}\s*$")
_WHOLE = QRegularExpression(r"^[0-9A-Fa-f\s]{0,48}$")
_WHOLE_DIGITS = 32  # the signing key fingerprint: eight groups of four
#: Alt keys for the groups of a second and later contest: the first contest's groups take their
#: digits, and K, Y, W, N and C belong to the key groups, the whole key, the new key and Check.
_SPARE_MNEMONICS = "ABDEFGHIJLMOPQRSTUVXZ"


_ORDINALS = {1: QT_TRANSLATE_NOOP("PaperBindingDialog", "first"), 2: QT_TRANSLATE_NOOP("PaperBindingDialog", "second"),
             3: QT_TRANSLATE_NOOP("PaperBindingDialog", "third"), 4: QT_TRANSLATE_NOOP("PaperBindingDialog", "fourth"),
             5: QT_TRANSLATE_NOOP("PaperBindingDialog", "fifth"), 6: QT_TRANSLATE_NOOP("PaperBindingDialog", "sixth"),
             7: QT_TRANSLATE_NOOP("PaperBindingDialog", "seventh"),
             8: QT_TRANSLATE_NOOP("PaperBindingDialog", "eighth")}


def ordinal(n: int) -> str:
    if n in _ORDINALS:
        return QCoreApplication.translate("PaperBindingDialog", _ORDINALS[n])
    return QCoreApplication.translate("PaperBindingDialog", "{0}th").format(n)


def groups_phrase(positions: Sequence[int]) -> str:
    """'the <b>first</b> and the <b>fifth</b> groups' (markup: the positions in bold)."""
    bold = [f"<b>{ordinal(p)}</b>" for p in positions]
    if len(bold) == 1:
        return QCoreApplication.translate("PaperBindingDialog", "the {0} group").format(bold[0])
    joined = QCoreApplication.translate("PaperBindingDialog", " and the ").join(bold)
    return QCoreApplication.translate("PaperBindingDialog", "the {0} groups").format(joined)


def utc_minute(timestamp: str) -> str:
    """An audit-style UTC timestamp as a person reads it: 2021-05-07 16:05 UTC."""
    if len(timestamp) < 16:
        return timestamp
    return QCoreApplication.translate("PaperBindingDialog", "{0} {1} UTC").format(timestamp[:10], timestamp[11:16])


class PaperBindingDialog(QDialog):
    def __init__(self, pending: PendingBundle, parent: QWidget | None = None, *, notes: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.pending = pending
        self.setObjectName("paperBindingDialog")
        self.setWindowTitle(self.tr("Check the bundle against the signed paper"))
        self.setAccessibleName(self.tr("Check the bundle against the signed paper"))
        self.setMinimumWidth(460)
        election = pending.count.election
        heading = QLabel(self.tr("Bundle from {0}").format(election.area))
        heading.setProperty("role", "heading")
        verified = rich_label(QLabel(self.tr("{0}<br>Every file checked and the signature valid.").format(
            escaped(election.title))))
        verified.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(verified)
        for note in notes:  # e.g. a contest only some areas report: its sum covers those areas only
            said = QLabel(self.tr("Note: {0}.").format(note))
            said.setObjectName("contestNote")
            said.setProperty("role", "banner")
            said.setWordWrap(True)
            layout.addWidget(said)
        if pending.replaces is not None:
            earlier = pending.replaces
            banner = QLabel(self.tr("This replaces the bundle from {0} accepted at {1} (fingerprint {2}).").format(
                earlier.area, utc_minute(earlier.imported_at), papers_said(earlier.paper_fingerprints)))
            banner.setObjectName("replacesBanner")
            banner.setProperty("role", "banner")
            banner.setWordWrap(True)
            layout.addWidget(banner)
        layout.addWidget(self._paper_question(pending))
        form = QFormLayout()
        #: The group fields of each contest's paper, by contest id, in the bundle's order.
        self.group_edits_by_contest = self._paper_groups(form, pending)
        self.group_edits = [edit for edits in self.group_edits_by_contest.values() for edit in edits]
        layout.addLayout(form)
        layout.addWidget(self._key_section(pending))
        key_form = QFormLayout()
        mnemonics = (self.tr("&Key group {0}:"), self.tr("Ke&y group {0}:"))  # unique: the paper's use Alt+digit
        self.key_edits = [self._group_edit(key_form, mnemonics[n % 2].format(p), f"keyGroup{p}",
                                           self.tr("Group {0} of the signing key fingerprint").format(p))
                          for n, p in enumerate(pending.key_positions)]
        self.whole_key_edit = QLineEdit()
        self.whole_key_edit.setObjectName("wholeKeyFingerprint")
        self.whole_key_edit.setAccessibleName(self.tr("The whole signing key fingerprint, instead of two groups"))
        self.whole_key_edit.setValidator(QRegularExpressionValidator(_WHOLE, self.whole_key_edit))
        self.whole_key_edit.setFont(figure_font())
        self.whole_key_edit.setPlaceholderText(self.tr("all eight groups, if you prefer"))
        self.whole_key_edit.textEdited.connect(lambda _t: set_style_flag(self.whole_key_edit, "invalid", False))
        key_form.addRow(self.tr("Or the &whole key fingerprint:"), self.whole_key_edit)
        layout.addLayout(key_form)
        self.new_key_box = QCheckBox(
            self.tr("{0}'s returning officer confirms the area signs with a &new key").format(election.area))
        self.new_key_box.setObjectName("newKeyConfirmed")
        self.new_key_box.setAccessibleName(self.tr("The area's returning officer confirms the new signing key"))
        self.new_key_box.setVisible(pending.key_changed_from is not None)
        layout.addWidget(self.new_key_box)
        self.error_label = QLabel("")
        self.error_label.setProperty("role", "fieldError")
        self.error_label.setAccessibleName(self.tr("Problem with the groups typed"))
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Check and import"))
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
        edit.setPlaceholderText(self.tr("e.g. 3F2A"))
        edit.textEdited.connect(lambda _t, e=edit: set_style_flag(e, "invalid", False))
        form.addRow(label, edit)
        return edit

    def _paper_question(self, pending: PendingBundle) -> QLabel:
        area, groups = escaped(pending.area), groups_phrase(pending.positions)
        if len(pending.paper_fingerprints) > 1:
            text = self.tr(
                "This bundle holds {0} contests, each with its own signed paper. Take each paper {1}'s returning "
                "officer signed (the provisional statement or the declaration). At the foot of its pages is the "
                "contest's fingerprint, eight groups of four characters. From each contest's paper type {2}.").format(
                    len(pending.paper_fingerprints), area, groups)
        else:
            text = self.tr(
                "Take the paper {0}'s returning officer signed (the provisional statement or the declaration). At the "
                "foot of the page is the fingerprint, eight groups of four characters. Type {1}.").format(area, groups)
        ask = rich_label(QLabel(text))
        ask.setWordWrap(True)
        return ask

    def _paper_groups(self, form: QFormLayout, pending: PendingBundle) -> dict[str, list[QLineEdit]]:
        """A field for each group asked, per contest: the first contest's groups on Alt+digit,
        a later contest's on a spare letter, each contest's rows under its title."""
        several = len(pending.paper_fingerprints) > 1
        spare = iter(_SPARE_MNEMONICS)
        by_contest: dict[str, list[QLineEdit]] = {}
        for index, contest_id in enumerate(pending.paper_fingerprints):
            title = pending.count.contest(contest_id).title
            if several:
                heading = rich_label(QLabel(f"<b>{escaped(title)}</b>"))
                heading.setObjectName(f"paperContest{index}")
                form.addRow(heading)
            edits = []
            for p in pending.positions:
                letter = next(spare, "") if index else ""
                if not index:
                    label = self.tr("Group &{0}:").format(p)
                else:
                    label = (self.tr("Group {0} (&{1}):").format(p, letter) if letter
                             else self.tr("Group {0}:").format(p))
                accessible = (self.tr("Group {0} of the fingerprint on the paper of {1}").format(p, title) if several
                              else self.tr("Group {0} of the fingerprint on the paper").format(p))
                edits.append(self._group_edit(form, label, f"group{p}" + (f"_{index}" if index else ""), accessible))
            by_contest[contest_id] = edits
        return by_contest

    def _key_section(self, pending: PendingBundle) -> QLabel:
        area = escaped(pending.area)
        text = self.tr("Then the key that signed the bundle. {0}'s export printed its <b>signing key fingerprint</b>, "
                       "eight groups of four characters: ask the area's returning officer to read it out, and type "
                       "{1}, or the whole fingerprint.").format(area, groups_phrase(pending.key_positions))
        if pending.key_changed_from is not None:
            text = self.tr("<b>This bundle is signed by a new key.</b> {0}'s earlier bundle was signed by key {1}. "
                           "Accept it only if {0}'s returning officer confirms that the area now signs with a new key "
                           "(for example a replacement laptop). {2}").format(
                area, escaped(pending.key_changed_from), text)
        label = rich_label(QLabel(text))
        label.setObjectName("keyChangedBanner" if pending.key_changed_from else "keyQuestion")
        label.setWordWrap(True)
        return label

    def typed_groups(self) -> dict[str, list[str]]:
        """The groups typed from each contest's paper, by contest id."""
        return {contest_id: ["".join(edit.text().split()).upper() for edit in edits]
                for contest_id, edits in self.group_edits_by_contest.items()}

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
                self._complain(edit, self.tr("Each group has four characters (0-9 and A-F)."))
                return
        if whole and len(self.typed_key()[0]) != _WHOLE_DIGITS:
            self._complain(self.whole_key_edit,
                           self.tr("The whole key fingerprint has eight groups of four characters."))
            return
        super().accept()

    def _complain(self, edit: QLineEdit, sentence: str) -> None:
        set_style_flag(edit, "invalid", True)
        self.error_label.setText(sentence)
        edit.setFocus()
