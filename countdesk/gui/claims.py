"""The box or sheet a view is working on, claimed for this station on a count server.

On a server count two stations must not key the same sheet or verify the same box at once: the
view claims what it starts working on (services: CountSession.claim), and another station's claim
is shown in words (who, at which station, since when) while entry on it is refused. A claim goes
when the entry is recorded (the service lets it go in the same transaction), when the operator
cancels or moves on to another sheet or box, when the count is closed, or when this station stops
renewing it (ServerStatus's heartbeat). On a count file, one station, there is nothing to claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..errors import CountdeskError

if TYPE_CHECKING:  # the claims load with a count server's first claim, not with every count file's views
    from ..services.claims import ClaimedError


class WorkClaim(QObject):
    """One claim at a time, of one kind ("sheet" or "box"), for one view."""

    def __init__(self, open_count, kind: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.open_count = open_count
        self.kind = kind
        self._held: tuple[str, str] | None = None
        open_count.operator_changed.connect(self._session_replaced)

    @property
    def active(self) -> bool:
        """Claims matter only where several stations write: a count server, open for writing."""
        return not self.open_count.read_only and self.open_count.shared

    @property
    def held(self) -> tuple[str, str] | None:
        return self._held

    def hold(self, contest_id: str | None, key: str) -> str:
        """Claim `key` (letting go of whatever was held before); "" when this station may work on it,
        else the sentence that says who is working on it."""
        if not self.active or contest_id is None or not key or self._held == (contest_id, key):
            return ""  # a claim held is kept alive by the station's heartbeat, not by every key
        from ..services.claims import ClaimedError

        self.release()
        try:
            self.open_count.claim(contest_id, self.kind, key)
        except ClaimedError as refusal:
            return self.describe(refusal)
        except CountdeskError:
            return ""  # cut off, or not a valid id yet: the save itself says what is wrong
        self._held = (contest_id, key)
        return ""

    def describe(self, refusal: ClaimedError) -> str:
        claim = refusal.claim
        since = claim.claimed_at[11:19]
        if self.kind == "box":
            return self.tr("Box {0} is being verified by {1} at {2} (since {3} UTC): choose another box, or wait "
                           "until they finish.").format(claim.key, claim.operator, claim.station, since)
        return self.tr("Sheet {0} is being keyed by {1} at {2} (since {3} UTC): take another sheet, or wait until "
                       "they finish.").format(claim.key, claim.operator, claim.station, since)

    def release(self) -> None:
        """Let go of the claim held (the operator cancelled, or moved on)."""
        held, self._held = self._held, None
        if held is None or not self.active:
            return
        try:
            self.open_count.release_claim(held[0], self.kind, held[1])
        except CountdeskError:
            pass  # cut off: the claim lapses by itself once the heartbeat stops renewing it

    def recorded(self) -> None:
        """The entry was recorded: the service let the claim go in the same transaction."""
        self._held = None

    def _session_replaced(self, _operator: str) -> None:
        self._held = None  # the old session's claims went with it
