"""Claims for stations sharing a count: a station claims the box it verifies or the sheet it keys,
keeps its claims alive with a heartbeat, and lets them go when done or when it closes. A write to
something another station's live session has claimed is refused with who holds it (store/claims.py).
"""

from __future__ import annotations

from ..store import claims as store_claims
from ..store.claims import Claim, ClaimedError
from .count_core import UseCase, serialised
from .validation import require_id

__all__ = ["Claim", "ClaimedError", "Claims"]


@serialised
class Claims(UseCase):

    def take(self, contest_id: str, kind: str, key: str) -> Claim:
        """Claim a box ("box") or a sheet ("sheet") of a contest for this session, or renew the claim."""
        self._core.open_state(contest_id)
        require_id(key, f"contests[{contest_id}].{kind}", f"{kind} id")
        return store_claims.take_claim(self._core.store, self._core.actor, self._core.live_session_id(), contest_id,
                                       kind, key)

    def release(self, contest_id: str, kind: str, key: str) -> None:
        store_claims.release(self._core.writable(), self._core.live_session_id(), contest_id, kind, key)

    def heartbeat(self) -> int:
        """Keep this session's claims alive (call it every few seconds); how many it holds."""
        return store_claims.heartbeat(self._core.writable(), self._core.actor, self._core.live_session_id())

    def held(self, contest_id: str | None = None) -> list[Claim]:
        return store_claims.claims(self._core.store, contest_id)
