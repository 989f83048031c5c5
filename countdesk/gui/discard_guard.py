"""No silent loss: figures typed but not yet confirmed are named before anything throws them away.

Quitting, closing the count, opening another or switching contest rebuilds the forms; whatever
was typed there and not confirmed (Ctrl+Enter, Enter) would be gone without a word. Each view says
what it holds unconfirmed (`unconfirmed_work()`); this asks before it is dropped, and the safe
answer, going back to the figures, is the default (Enter, Esc).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

translate = QCoreApplication.translate


def unconfirmed_work(views) -> list[str]:
    """What each view holds typed but not confirmed, in words ("sheet T03-R1: figures typed")."""
    found: list[str] = []
    for view in views:
        describe = getattr(view, "unconfirmed_work", None)
        if describe is not None:
            found.extend(describe())
    return found


def confirm_discard(parent: QWidget | None, unconfirmed: list[str], doing: str) -> bool:
    """True when nothing is unconfirmed, or the user chooses to drop it to go on `doing`."""
    if not unconfirmed:
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, translate("DiscardGuard", "Figures not confirmed"), "", parent=parent)
    box.setObjectName("discardGuard")
    listed = "\n".join(translate("DiscardGuard", "• {0}").format(item) for item in unconfirmed)
    box.setText(translate("DiscardGuard", "These have been typed but not confirmed, so they are not saved:\n{0}\n\n"
                                          "To {1} now would lose them.").format(listed, doing))
    box.setInformativeText(translate("DiscardGuard", "Go back to confirm them (Ctrl+Enter on a sheet, Enter on a "
                                                     "figure), or discard them."))
    discard = box.addButton(translate("DiscardGuard", "&Discard them and {0}").format(doing),
                            QMessageBox.ButtonRole.DestructiveRole)
    back = box.addButton(translate("DiscardGuard", "&Go back to them"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is discard
