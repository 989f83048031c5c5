"""What vouches for an accepted area when a collation folder is opened again.

The folder's own records (collation.json: each copy's SHA-256, the fingerprint typed from the
paper) could be edited together with a copy. So on every opening the figures speak for
themselves: each contest's paper fingerprint is recomputed from the area's copy and must be the
one the officer checked against that contest's paper; the copy must be the count file the area's key signed (the
bundle's SHA256SUMS and its signature are kept beside the copy and checked with the pinned key);
and the collation fingerprint printed on a contest's collated documents is recomputed from the
copies, never taken from the records. A forger would need the area's private key, or a new key whose
fingerprint then differs from the one the area printed and the desk shows.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Sequence
from pathlib import Path

from ..domain.model import Count
from ..errors import CollationError
from ..exchange.bundle import SIGNATURE_FILE
from ..exchange.countfile import parse_count_bytes
from ..exchange.fingerprint import SUMS_FILE, contest_fingerprint, sums_fingerprint
from ..exchange.fsutil import read_file_uncached
from ..exchange.signing import public_key_fingerprint, verify
from .bundle_content import BUNDLE_COUNT_FILE, paper_fingerprints
from .collation_state import LEGACY_PAPER, AreaRecord, read_area_copy, write_copy


def keep_signed_sums(folder: Path, count_file: str, bundle: Path) -> str:
    """Copy the bundle's SHA256SUMS and its signature beside the accepted copy; their name."""
    sums_name = f"{count_file}.sha256sums"
    for source, target in ((SUMS_FILE, sums_name), (SIGNATURE_FILE, f"{sums_name}.sig")):
        try:
            data = read_file_uncached(Path(bundle) / source)
        except OSError as exc:
            raise CollationError(f"bundle refused: {source} unreadable ({exc.strerror or exc})", str(bundle)) from exc
        write_copy(folder, target, data)
    return sums_name


def checked_area(folder: Path, record: AreaRecord) -> Count:
    """An accepted area's count, refused unless its copy still is what the area's key signed and
    gives the fingerprint that was checked against the paper."""
    where = f'area "{record.area}"'
    data = read_area_copy(folder, record)
    count = parse_count_bytes(data, record.count_file)
    if not _papers_still_match(record.paper_fingerprints, paper_fingerprints(count)):
        raise CollationError(f"the accepted copy {record.count_file} no longer gives the fingerprints that were "
                             "checked against the area's papers: import the area's bundle again", where)
    if not record.signed_sums:
        raise CollationError("this area was accepted by an earlier countdesk that kept no signature to check its "
                             "copy against: import the area's bundle again", where)
    try:
        sums = read_file_uncached(Path(folder) / record.signed_sums)
        signature = base64.b64decode(read_file_uncached(Path(folder) / f"{record.signed_sums}.sig").strip(),
                                     validate=True)
    except (OSError, binascii.Error, ValueError) as exc:
        raise CollationError(f"the signature kept for this area is missing or unreadable ({exc}): import the "
                             "area's bundle again", where) from exc
    try:
        key_ok = public_key_fingerprint(record.public_key_pem) == record.key_fingerprint
    except ValueError:
        key_ok = False
    if not key_ok or not verify(sums, signature, record.public_key_pem):
        raise CollationError("the copy is not signed by the area's key (the signature kept with it does not check "
                             f"out with key {record.key_fingerprint}): import the area's bundle again", where)
    listed = f"{hashlib.sha256(data).hexdigest()}  {BUNDLE_COUNT_FILE}"
    if listed not in sums.decode("utf-8", "replace").splitlines():
        raise CollationError(f"the copy {record.count_file} is not the count file the area signed: import the area's "
                             "bundle again", where)
    return count


def _papers_still_match(checked: dict[str, str], recomputed: dict[str, str]) -> bool:
    """An area accepted before papers were checked per contest kept one fingerprint: the count
    file's, which is its one contest's (exchange/fingerprint.py); with more contests it cannot
    be told apart, and the area is imported again."""
    if set(checked) == {LEGACY_PAPER}:
        return len(recomputed) == 1 and next(iter(recomputed.values())) == checked[LEGACY_PAPER]
    return checked == recomputed


def collation_fingerprint(counts: Sequence[Count], contest_id: str) -> str:
    """Printed on a contest's collated documents: stands for that contest's figures in every
    accepted area (one line per area reporting it, `"<fingerprint>  <area>"`, sorted), recomputed
    from the counts themselves. Another contest added to an area never changes it."""
    lines = sorted(f"{contest_fingerprint(count, contest_id)}  {count.election.area}\n"
                   for count in counts if any(c.id == contest_id for c in count.contests))
    return sums_fingerprint("".join(lines).encode("utf-8"))
