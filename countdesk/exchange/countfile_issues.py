"""Located problems in a count document, and which of them the user sees first.

Validation finds problems in several passes (the JSON Schema, the text rules, the cross-references),
none of which walks the document in its own order. Each problem is kept as an `Issue` with its
path; the one reported is the first in document order, so the user fixes a file top to bottom.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..domain.text_rules import quote

PathStep = str | int
Path = tuple[PathStep, ...]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Issue:
    """One problem. `path` is where it is reported. `key` names a key of the object at `path` the
    problem is about (an unknown key, a missing one); `missing` puts it after the object's
    contents in document order, since an absent key has no place of its own."""

    path: Path
    message: str
    key: PathStep | None = None
    missing: bool = False

    @property
    def where(self) -> str:
        return format_where(self.path)

    @property
    def scope(self) -> Path:
        """The part of the document this problem makes unusable for further checks."""
        return self.path if self.key is None else (*self.path, self.key)


def format_where(path: Sequence[PathStep]) -> str:
    """`contests[0].count_sheets[3].votes`; keys that are not plain words are bracketed and quoted
    (`votes["anderson-j"]`) so a dotted id cannot be mistaken for two steps."""
    parts: list[str] = []
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif isinstance(step, str) and _IDENTIFIER.fullmatch(step):
            parts.append(f".{step}" if parts else step)
        else:
            parts.append(f"[{quote(step)}]")
    return "".join(parts)


class _Positions:
    """Document positions of paths, with each object's key order looked up once."""

    def __init__(self, doc: object) -> None:
        self._doc = doc
        self._key_orders: dict[int, dict[object, int]] = {}

    def _key_index(self, node: dict, key: object) -> int:
        order = self._key_orders.get(id(node))
        if order is None:
            order = {k: i for i, k in enumerate(node)}
            self._key_orders[id(node)] = order
        return order.get(key, len(order))

    def of(self, issue: Issue) -> tuple[int, ...]:
        position: list[int] = []
        node = self._doc
        for step in issue.path:
            if isinstance(node, dict) and step in node:
                position.append(self._key_index(node, step))
                node = node[step]
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                position.append(step)
                node = node[step]
            else:
                break
        if isinstance(node, dict):
            if issue.missing:
                position.append(len(node))
            elif issue.key is not None:
                position.append(self._key_index(node, issue.key))
        return tuple(position)


def first_in_document_order(doc: object, issues: Iterable[Issue]) -> Issue | None:
    """The issue that comes first reading the document top to bottom; problems with an object
    itself come before problems inside it, and ties keep the order the checks found them."""
    positions = _Positions(doc)
    best: Issue | None = None
    best_position: tuple[int, ...] = ()
    for issue in issues:
        position = positions.of(issue)
        if best is None or position < best_position:
            best, best_position = issue, position
    return best


class Scopes:
    """Answers "is this part of the document free of structural problems?" so the cross-reference
    checks only look at parts whose shape is known, and never report a knock-on of another fault."""

    def __init__(self, issues: Iterable[Issue]) -> None:
        self._broken: set[Path] = set()
        self._around_broken: set[Path] = set()
        for issue in issues:
            scope = issue.scope
            self._broken.add(scope)
            for cut in range(len(scope) + 1):
                self._around_broken.add(scope[:cut])

    def clean(self, path: Path) -> bool:
        """Nothing wrong at `path`, inside it, or with anything that contains it."""
        return path not in self._around_broken and self.intact(path)

    def intact(self, path: Path) -> bool:
        """Nothing wrong with `path` itself or what contains it; parts inside may be at fault."""
        return not any(path[:cut] in self._broken for cut in range(len(path) + 1))
