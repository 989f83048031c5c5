"""The audit log's before and after in words: "Dan DIXON: 4 → 9", not "votes.dixon-d: 4 → 9", and
a tooltip that lists the fields, not raw JSON.

The audit trail stores each change as JSON (the file keeps it exactly, and `countdesk audit`
prints it); people reading the log in the app see the candidates' names, the rejected-paper heads
and the fields by what they mean.
"""

from __future__ import annotations

from typing import Any

from ...domain.heads import SHORT_HEAD_LABELS
from ...domain.model import Contest

CHANGE_LIMIT = 160
FIELD_WORDS = {
    "ballot_paper_account": "account",
    "verified": "verified",
    "label": "station",
    "postal": "postal",
    "note": "note",
    "papers": "papers",
    "non_transferable": "non-transferable",
    "rejected_in_part": "rejected in part",
    "round": "round",
    "id": "number",
    "name": "name",
    "description": "description",
    "electorate": "electorate",
    "title": "title",
    "returning_officer": "returning officer",
    "poll_date": "poll date",
    "area": "counting area",
    "bilingual": "Welsh and English",
    "system": "voting system",
    "seats": "seats",
    "stage": "stage",
    "double_entry": "double entry",
    "drawn_by": "drawn by",
    "drawn_at": "drawn at",
    "witnesses": "witnesses",
    "winners": "lot won by",
    "tied": "tied",
}
GROUP_WORDS = {"rejected": "rejected", "second_not_counted": "second preference not counted"}


def field_words(key: str, contest: Contest | None) -> str:
    """A flattened field ("votes.dixon-d", "rejected.unmarked") as a person would name it."""
    group, _, name = key.partition(".")
    if group == "votes" and name:
        return _candidate(contest, name)
    if group in GROUP_WORDS and name:
        return f"{GROUP_WORDS[group]} ({SHORT_HEAD_LABELS.get(name, name.replace('_', ' ')).lower()})"
    return FIELD_WORDS.get(key, key.replace("_", " ").replace(".", " "))


def value_words(value: Any, contest: Contest | None = None) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        return ", ".join(_candidate(contest, v) if isinstance(v, str) and contest and _is_candidate(contest, v)
                         else value_words(v, contest) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{field_words(k, contest)}: {value_words(v, contest)}" for k, v in flatten(value).items())
    return str(value)


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, inner in value.items():
            flat.update(flatten(inner, f"{prefix}{key}."))
        return flat
    return {prefix.rstrip("."): value}


def describe_change(before: Any, after: Any, contest: Contest | None = None) -> str:
    """The fields that changed, "name: old → new", shortened for a table cell."""
    if before is None and after is None:
        return ""
    if isinstance(before, dict) and isinstance(after, dict):
        old, new = flatten(before), flatten(after)
        parts = [f"{field_words(key, contest)}: {value_words(old.get(key), contest)} → "
                 f"{value_words(new.get(key), contest)}"
                 for key in _ordered(old, new) if old.get(key) != new.get(key)]
        text = "; ".join(parts) or "no change"
    elif before is None:
        text = "new: " + value_words(after, contest)
    elif after is None:
        text = "removed: " + value_words(before, contest)
    else:
        text = f"{value_words(before, contest)} → {value_words(after, contest)}"
    return text if len(text) <= CHANGE_LIMIT else text[:CHANGE_LIMIT - 1] + "…"


def describe_in_full(before: Any, after: Any, contest: Contest | None = None) -> str:
    """The tooltip: every field before and after, one per line."""
    return f"Before:\n{_lines(before, contest)}\n\nAfter:\n{_lines(after, contest)}"


def _lines(value: Any, contest: Contest | None) -> str:
    if value is None:
        return "  (nothing)"
    if not isinstance(value, dict):
        return f"  {value_words(value, contest)}"
    return "\n".join(f"  {field_words(key, contest)}: {value_words(inner, contest)}"
                     for key, inner in flatten(value).items())


def _ordered(old: dict, new: dict) -> list[str]:
    """Fields in the order the record gives them (a sheet's candidates in ballot order)."""
    return list(dict.fromkeys([*new, *old]))


def _is_candidate(contest: Contest, candidate_id: str) -> bool:
    return any(c.id == candidate_id for c in contest.candidates)


def _candidate(contest: Contest | None, candidate_id: str) -> str:
    if contest is not None:
        for candidate in contest.candidates:
            if candidate.id == candidate_id:
                return candidate.name
    return candidate_id
