"""The session's earlier flat method names (`session.save_sheet(...)`), each forwarding to the use
case that now owns it (`session.sheets.confirm(...)`).

Kept so that about 470 test lines that drive a count need not change at once; new code calls the
use cases by name. Nothing here decides anything: each name is one forward, listed once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

#: Old name -> (use case attribute, its method).
FORWARDS: dict[str, tuple[str, str]] = {
    "save_sheet": ("sheets", "confirm"),
    "delete_sheet": ("sheets", "delete"),
    "sheet": ("sheets", "sheet"),
    "sheet_setting": ("sheets", "setting"),
    "record_lot": ("lots", "record"),
    "delete_lot": ("lots", "withdraw"),
    "verify_box": ("verification", "verify"),
    **{name: ("set_up", name) for name in (
        "update_election", "add_contest", "update_contest", "remove_contest", "add_candidate", "update_candidate",
        "remove_candidate", "reorder_candidates", "add_box", "update_box", "remove_box")},
    "has_ro_passphrase": ("passphrase", "is_set"),
    "check_ro_passphrase": ("passphrase", "check"),
    "ro_passphrase_problem": ("passphrase", "problem"),
    "set_ro_passphrase": ("passphrase", "set"),
    "stage": ("declaring", "stage"),
    "set_stage": ("declaring", "set_stage"),
    "declare": ("declaring", "declare"),
    "unlock": ("declaring", "unlock"),
    "set_double_entry": ("double_entry", "set_enabled"),
    "submit_keying": ("double_entry", "submit"),
    "resolve_double_entry": ("double_entry", "resolve"),
    "discard_keying": ("double_entry", "discard"),
    "pending_keyings": ("double_entry", "pending"),
    "disagreement": ("double_entry", "disagreement"),
    "standing_difference": ("acceptances", "standing_difference"),
    "accept_difference": ("acceptances", "accept"),
    "claim": ("claims", "take"),
    "release_claim": ("claims", "release"),
    "heartbeat": ("claims", "heartbeat"),
    "stored_round2_instruction": ("instructions", "stored"),
    "save_round2_instruction": ("instructions", "save"),
}

_Class = TypeVar("_Class", bound=type)


def _forward(name: str, part: str, method: str) -> Callable[..., Any]:
    def call(self: Any, *args: Any, **kwargs: Any) -> Any:
        return getattr(getattr(self, part), method)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"Earlier name of `{part}.{method}`."
    return call


def with_earlier_names(cls: _Class) -> _Class:
    """Give the session class each earlier name as a forward (a name it defines itself is kept)."""
    for name, (part, method) in FORWARDS.items():
        if name not in cls.__dict__:
            setattr(cls, name, _forward(name, part, method))
    return cls
