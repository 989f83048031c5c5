"""Paper binding: the fingerprints that tie a signed paper to the figures in a results bundle.

Every document printed for a contest carries that contest's fingerprint (`contest_fingerprint`)
as eight groups of four hex digits: ``3F2A 91C0 …``. At collation, the officer holding the paper
types two of those groups; the app recomputes the fingerprint from the bundle it was handed and
compares (Kiesraad's Abacus binds its paper proces-verbaal to the EML file the same way). A whole
bundle is identified by `sums_fingerprint`, the SHA-256 of its SHA256SUMS file (which names the
hash of every file in it); that one is never printed on a paper, since the PDFs are in the bundle.

Which two groups: the app picks the positions at random when it asks (`pick_check_positions`),
and says which ("type groups 3 and 7 from the paper"). Positions the forger cannot predict mean a
swapped bundle would have to match all eight groups, 128 bits, not just two fixed ones. Tests and
printed instructions may fix the positions instead; `fingerprint_matches` takes them as given.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from pathlib import Path

from ..domain.model import Count
from .countfile import canonical_count_text, count_to_document
from .fsutil import read_file_uncached

SUMS_FILE = "SHA256SUMS"
GROUP_LENGTH = 4
DEFAULT_GROUPS = 8
DEFAULT_CHECK_POSITIONS = (2, 5)

_HEX = re.compile(r"^[0-9A-F]+$")


def format_fingerprint(hexdigest: str, groups: int = DEFAULT_GROUPS) -> str:
    """The first `groups` × 4 hex digits, upper case, in groups of four separated by spaces."""
    digits = normalise(hexdigest)
    if not _HEX.match(digits) or len(digits) < groups * GROUP_LENGTH:
        raise ValueError(f"not a hex digest of at least {groups * GROUP_LENGTH} digits: {hexdigest!r}")
    return " ".join(digits[i : i + GROUP_LENGTH] for i in range(0, groups * GROUP_LENGTH, GROUP_LENGTH))


def contest_fingerprint(count: Count, contest_id: str, groups: int = DEFAULT_GROUPS) -> str:
    """The fingerprint printed on every document of one contest: the SHA-256 of the canonical
    count file holding the election and that contest alone.

    It covers what the paper states and nothing else: the election-level facts every document
    prints (title, area, poll date, the returning officer, nation, languages) and the contest's
    own set-up, boxes, sheets, lots, accepted differences and declaration. Another contest
    added, changed or removed later leaves it unchanged, so a paper signed for this contest
    still matches a bundle exported afterwards. For a count of one contest it is the count
    file's own fingerprint. KeyError for a contest not in `count`."""
    alone = Count(count.election, (count.contest(contest_id),))
    text = canonical_count_text(count_to_document(alone))
    return format_fingerprint(hashlib.sha256(text.encode("utf-8")).hexdigest(), groups)


def contest_fingerprints(count: Count, groups: int = DEFAULT_GROUPS) -> dict[str, str]:
    """Every contest's printed fingerprint, by contest id, in the count's order."""
    return {contest.id: contest_fingerprint(count, contest.id, groups) for contest in count.contests}


def sums_fingerprint(sums: bytes, groups: int = DEFAULT_GROUPS) -> str:
    return format_fingerprint(hashlib.sha256(sums).hexdigest(), groups)


def bundle_fingerprint(bundle: Path, groups: int = DEFAULT_GROUPS) -> str:
    """The fingerprint of the bundle folder `bundle`, from its SHA256SUMS as stored on disk."""
    return sums_fingerprint(read_file_uncached(Path(bundle) / SUMS_FILE), groups)


def fingerprint_groups(fingerprint: str) -> list[str]:
    digits = normalise(fingerprint)
    return [digits[i : i + GROUP_LENGTH] for i in range(0, len(digits), GROUP_LENGTH)]


def pick_check_positions(groups: int = DEFAULT_GROUPS, count: int = 2) -> tuple[int, ...]:
    """`count` distinct 1-based group positions, chosen unpredictably, in ascending order."""
    if not 0 < count <= groups:
        raise ValueError(f"cannot pick {count} of {groups} groups")
    chosen: set[int] = set()
    while len(chosen) < count:
        chosen.add(secrets.randbelow(groups) + 1)
    return tuple(sorted(chosen))


def fingerprint_matches(
    fingerprint: str, typed_groups: Sequence[str], positions: Sequence[int] = DEFAULT_CHECK_POSITIONS
) -> bool:
    """True when each typed group equals the fingerprint's group at the same 1-based position.
    Case and spaces in what was typed do not matter; a missing or extra group is a mismatch."""
    groups = fingerprint_groups(fingerprint)
    if len(typed_groups) != len(positions) or not positions:
        return False
    for position, typed in zip(positions, typed_groups, strict=True):
        if not 1 <= position <= len(groups):
            raise ValueError(f"group position {position} is outside 1..{len(groups)}")
        if normalise(typed) != groups[position - 1]:
            return False
    return True


def key_fingerprint_confirmed(fingerprint: str, typed: Sequence[str], positions: Sequence[int]) -> bool:
    """True when what the officer typed confirms the signing key's `fingerprint`: either the whole
    short form (all its groups, in one or several pieces) or the groups at `positions`, as for
    the paper check. Case and spaces do not matter."""
    if typed_whole_form(typed, positions):
        return normalise("".join(typed)) == normalise(fingerprint)
    return fingerprint_matches(fingerprint, typed, positions)


def typed_whole_form(typed: Sequence[str], positions: Sequence[int]) -> bool:
    """More characters typed than the groups asked for: the whole fingerprint was meant."""
    return len(normalise("".join(typed))) > len(positions) * GROUP_LENGTH


def normalise(text: str) -> str:
    return "".join(text.split()).upper()
