"""The audit log's before and after in words: "Dan DIXON: 4 → 9", not "votes.dixon-d: 4 → 9", and
a tooltip that lists the fields, not raw JSON.

The audit trail stores each change as JSON (the file keeps it exactly, and `countdesk audit`
prints it); people reading the log in the app see the candidates' names, the rejected-paper heads
and the fields by what they mean.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.heads import SHORT_HEAD_LABELS
from ...domain.model import Contest

translate = QCoreApplication.translate
CHANGE_LIMIT = 160
FIELD_WORDS = {
    "ballot_paper_account": QT_TRANSLATE_NOOP("AuditWords", "account"),
    "verified": QT_TRANSLATE_NOOP("AuditWords", "verified"),
    "label": QT_TRANSLATE_NOOP("AuditWords", "station"),
    "postal": QT_TRANSLATE_NOOP("AuditWords", "postal"),
    "note": QT_TRANSLATE_NOOP("AuditWords", "note"),
    "papers": QT_TRANSLATE_NOOP("AuditWords", "papers"),
    "non_transferable": QT_TRANSLATE_NOOP("AuditWords", "non-transferable"),
    "rejected_in_part": QT_TRANSLATE_NOOP("AuditWords", "rejected in part"),
    "round": QT_TRANSLATE_NOOP("AuditWords", "round"),
    "id": QT_TRANSLATE_NOOP("AuditWords", "number"),
    "name": QT_TRANSLATE_NOOP("AuditWords", "name"),
    "description": QT_TRANSLATE_NOOP("AuditWords", "description"),
    "electorate": QT_TRANSLATE_NOOP("AuditWords", "electorate"),
    "title": QT_TRANSLATE_NOOP("AuditWords", "title"),
    "returning_officer": QT_TRANSLATE_NOOP("AuditWords", "returning officer"),
    "poll_date": QT_TRANSLATE_NOOP("AuditWords", "poll date"),
    "area": QT_TRANSLATE_NOOP("AuditWords", "counting area"),
    "bilingual": QT_TRANSLATE_NOOP("AuditWords", "Welsh and English"),
    "system": QT_TRANSLATE_NOOP("AuditWords", "voting system"),
    "seats": QT_TRANSLATE_NOOP("AuditWords", "seats"),
    "stage": QT_TRANSLATE_NOOP("AuditWords", "stage"),
    "double_entry": QT_TRANSLATE_NOOP("AuditWords", "double entry"),
    "drawn_by": QT_TRANSLATE_NOOP("AuditWords", "drawn by"),
    "drawn_at": QT_TRANSLATE_NOOP("AuditWords", "drawn at"),
    "witnesses": QT_TRANSLATE_NOOP("AuditWords", "witnesses"),
    "winners": QT_TRANSLATE_NOOP("AuditWords", "lot won by"),
    "tied": QT_TRANSLATE_NOOP("AuditWords", "tied"),
    "candidates": QT_TRANSLATE_NOOP("AuditWords", "candidates"),
    "boxes": QT_TRANSLATE_NOOP("AuditWords", "boxes"),
    "count_sheets": QT_TRANSLATE_NOOP("AuditWords", "count sheets"),
    "lots": QT_TRANSLATE_NOOP("AuditWords", "lots"),
    "office": QT_TRANSLATE_NOOP("AuditWords", "office"),
    "counting": QT_TRANSLATE_NOOP("AuditWords", "counting role"),
    "title_cy": QT_TRANSLATE_NOOP("AuditWords", "Welsh title"),
    "question": QT_TRANSLATE_NOOP("AuditWords", "referendum question"),
    "accepted_differences": QT_TRANSLATE_NOOP("AuditWords", "accepted differences"),
    "declared": QT_TRANSLATE_NOOP("AuditWords", "declared"),
    "deputy": QT_TRANSLATE_NOOP("AuditWords", "deputy"),
    "nation": QT_TRANSLATE_NOOP("AuditWords", "nation"),
}
GROUP_WORDS = {"rejected": QT_TRANSLATE_NOOP("AuditWords", "rejected"),
               "second_not_counted": QT_TRANSLATE_NOOP("AuditWords", "second preference not counted")}


def field_words(key: str, contest: Contest | None) -> str:
    """A flattened field ("votes.dixon-d", "rejected.unmarked") as a person would name it."""
    group, _, name = key.partition(".")
    if group == "votes" and name:
        return _candidate(contest, name)
    if group in GROUP_WORDS and name:
        head = SHORT_HEAD_LABELS.get(name, name.replace("_", " ")).lower()
        return translate("AuditWords", "{0} ({1})").format(translate("AuditWords", GROUP_WORDS[group]), head)
    if key in FIELD_WORDS:
        return translate("AuditWords", FIELD_WORDS[key])
    return key.replace("_", " ").replace(".", " ")


def value_words(value: Any, contest: Contest | None = None) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return translate("AuditWords", "yes") if value else translate("AuditWords", "no")
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        return ", ".join(_candidate(contest, v) if isinstance(v, str) and contest and _is_candidate(contest, v)
                         else value_words(v, contest) for v in value)
    if isinstance(value, dict):
        return "; ".join(translate("AuditWords", "{0}: {1}").format(field_words(k, contest), value_words(v, contest))
                         for k, v in flatten(value).items())
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
        parts = [translate("AuditWords", "{0}: {1} → {2}").format(
                     field_words(key, contest), value_words(old.get(key), contest), value_words(new.get(key), contest))
                 for key in _ordered(old, new) if old.get(key) != new.get(key)]
        text = "; ".join(parts) or translate("AuditWords", "no change")
    elif before is None:
        text = translate("AuditWords", "new: {0}").format(value_words(after, contest))
    elif after is None:
        text = translate("AuditWords", "removed: {0}").format(value_words(before, contest))
    else:
        text = translate("AuditWords", "{0} → {1}").format(value_words(before, contest), value_words(after, contest))
    return text if len(text) <= CHANGE_LIMIT else text[:CHANGE_LIMIT - 1] + "…"


def describe_in_full(before: Any, after: Any, contest: Contest | None = None) -> str:
    """The tooltip: every field before and after, one per line."""
    return translate("AuditWords", "Before:\n{0}\n\nAfter:\n{1}").format(_lines(before, contest),
                                                                       _lines(after, contest))


def _lines(value: Any, contest: Contest | None) -> str:
    if value is None:
        return "  " + translate("AuditWords", "(nothing)")
    if not isinstance(value, dict):
        return f"  {value_words(value, contest)}"
    return "\n".join("  " + translate("AuditWords", "{0}: {1}").format(field_words(key, contest),
                                                                      value_words(inner, contest))
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
