"""The collating officer's desk: area bundles in, overall result out (domain.md §5).

An area bundle is accepted in two steps, because a person has to look at paper in between:

    pending = collation.open_bundle(stick / "mayor…_halton")   # verified; refused if altered
    # the app asks: "type groups 3 and 7 of the fingerprint on the signed paper" (for each
    # contest the bundle holds, from that contest's paper), and groups 2 and 5 of the signing
    # key's fingerprint as the area's export printed it
    collation.accept_bundle(pending, ["91C0", "7B1E"], typed_key=["0F3C", "A1D2"])  # refused if not
    collation.accept_bundle(pending, {"pcc.x": ["91C0", "7B1E"], "mayor.y": [...]}, ...)  # several

It is refused when the bundle fails verification (naming the file), when the typed groups do not
match a contest's fingerprint (exchange/fingerprint.py `contest_fingerprint`: it covers that contest
only, so a paper stays good when another contest is added to the area's count), when the signing
key's fingerprint typed from the area's export does not match the key that signed it (a bundle
re-signed with a foreign key), when the area's earlier bundle was signed by another key and the
officer has not confirmed the new one, when the area is not on the expected list or comes a second
time (a later bundle from the same area replaces the first only when asked), when its contest or
candidates differ from the other areas', and when its round-2 sheets were counted for finalists
other than the ones the collating officer named.

For the supplementary vote the finalists are decided on the sum of every area's first
preferences. The round-2 instruction is issued only once every expected area has reported, and
the overall result is final only once every area has then sent its round-2 figures.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from .. import __version__
from ..domain.collation import area_key
from ..domain.model import Count
from ..domain.result import ContestResult
from ..errors import CollationError, CountdeskError, ValidationError
from ..exchange.bundle import PUBLIC_KEY_FILE, explain_os_error, verify_bundle
from ..exchange.fingerprint import (
    fingerprint_matches,
    key_fingerprint_confirmed,
    pick_check_positions,
    typed_whole_form,
)
from ..exchange.fsutil import read_file_uncached, safe_name
from ..exchange.round2 import read_round2_instruction, round2_instruction_from_result, write_round2_instruction
from ..reports import DocumentContext, default_lang
from ..store.audit import utc_now
from .bundle_content import check_bundle_trail, read_bundle_data
from .collation import Collated, collate
from .collation_evidence import checked_area, collation_fingerprint, keep_signed_sums
from .collation_progress import ContestProgress, contest_progress
from .collation_state import (
    AREAS_FOLDER,
    ROUND2_FOLDER,
    STATE_FILE,
    AreaRecord,
    CollationState,
    HistoryEntry,
    IssuedInstruction,
    load_state,
    save_state,
    write_copy,
)
from .document_events import write_document_copy
from .documents import RenderedDocument, render_document

__all__ = ["CollationSession", "ContestProgress", "PendingBundle"]


@dataclass(frozen=True)
class PendingBundle:
    """A bundle that passed verification, waiting for the paper check."""

    path: Path
    count: Count
    count_bytes: bytes
    #: Each contest's fingerprint, recomputed from the count file: the one its paper prints.
    paper_fingerprints: dict[str, str]
    bundle_fingerprint: str
    key_fingerprint: str
    public_key_pem: str
    #: The two groups (1-based) the officer is asked to type from each contest's paper, chosen at
    #: random for this import.
    positions: tuple[int, ...]
    #: The area's earlier bundle, which this one would replace (the GUI asks first).
    replaces: AreaRecord | None
    round2_contests: tuple[str, ...]
    #: The groups (1-based) of the signing key's fingerprint the officer is asked to type.
    key_positions: tuple[int, ...] = (2, 5)
    #: The key fingerprint the area's earlier bundle was signed with, when this one's differs:
    #: accepted only when the officer confirms the new key (`new_key_confirmed`).
    key_changed_from: str | None = None

    @property
    def area(self) -> str:
        return self.count.election.area


class CollationSession:
    """One collation folder (collation_state.py), open for the collating officer."""

    def __init__(self, folder: Path, state: CollationState, counts: list[Count], clock: Callable[[], str]) -> None:
        self.folder = folder
        self._state = state
        self._counts = counts
        self._clock = clock
        self._collated: Collated | None = None

    # Opening ------------------------------------------------------------------------------------

    @classmethod
    def create(cls, folder: Path, name: str, expected_areas: Sequence[str] = (), *,
               clock: Callable[[], str] = utc_now) -> CollationSession:
        """A new collation in `folder` (created, or an empty folder)."""
        folder = Path(folder)
        name = " ".join(str(name).split())
        if not name:
            raise ValidationError("the collation needs a name (the area it covers)", "name")
        if folder.exists() and any(folder.iterdir()):
            raise CountdeskError("the folder is not empty: choose an empty folder for a new collation", str(folder))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CountdeskError(f"the folder cannot be created: {exc.strerror or exc}", str(folder)) from exc
        session = cls(folder, CollationState(name), [], clock)
        session._log("created", f"collation {name} created")
        if expected_areas:
            session.set_expected_areas(expected_areas)
        else:
            session._save(session._state)
        return session

    @classmethod
    def open(cls, folder: Path, *, clock: Callable[[], str] = utc_now) -> CollationSession:
        """An existing collation; every accepted count file is checked against its recorded hash."""
        folder = Path(folder)
        state = load_state(folder)
        counts = [checked_area(folder, r) for r in state.areas]  # recomputed, signature checked
        return cls(folder, state, counts, clock)

    @staticmethod
    def is_collation_folder(folder: Path) -> bool:
        return (Path(folder) / STATE_FILE).is_file()

    # What is there ------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self._state.name

    @property
    def election_id(self) -> str | None:
        return self._state.election_id

    @property
    def officer(self) -> str:
        """The collating officer's name ("" until named): the collated declaration is made in it."""
        return self._state.officer

    @property
    def officer_deputy(self) -> bool:
        return self._state.officer_deputy

    def set_officer(self, name: str, *, deputy: bool = False) -> None:
        """Name the collating officer (Police Area or Combined Authority Returning Officer), who
        declares the collated result; `deputy` when a deputy signs. Journalled."""
        name = " ".join(str(name).split())
        if not name:
            raise ValidationError("give the collating officer's name", "officer")
        state = replace(self._state, officer=name, officer_deputy=bool(deputy))
        self._log("officer", f"collating officer: {name}" + (" (signed by a deputy)" if deputy else ""), state=state)

    @property
    def expected_areas(self) -> tuple[str, ...]:
        return tuple(self._state.expected_areas)

    @property
    def areas(self) -> tuple[AreaRecord, ...]:
        return tuple(self._state.areas)

    @property
    def counts(self) -> tuple[Count, ...]:
        return tuple(self._counts)

    @property
    def history(self) -> tuple[HistoryEntry, ...]:
        return tuple(self._state.history)

    def instruction(self, contest_id: str) -> IssuedInstruction | None:
        return self._state.instructions.get(contest_id)

    def contest_notes(self, pending: PendingBundle) -> list[str]:
        """What the desk says before accepting `pending`: contests that only some areas report
        (as `countdesk collate` does), with this bundle in place of its area's earlier one."""
        from ..domain.collation import contests_missing_from_areas

        others = [c for c in self._counts if area_key(c.election.area) != area_key(pending.area)]
        return contests_missing_from_areas([*others, pending.count]) if others else []

    def missing_areas(self) -> list[str]:
        """Expected areas that have not reported yet, in the order listed."""
        return [name for name in self._state.expected_areas if self._state.area(name) is None]

    def collated(self) -> Collated | None:
        """Every accepted area added up (None before the first area)."""
        if self._collated is None and self._counts:
            # Incomplete, naming who is missing, until every area the set-up lists has reported.
            self._collated = collate(self._counts, self._state.expected_areas)
        return self._collated

    def contests(self) -> list[tuple[str, str]]:
        collated = self.collated()
        return [(c.id, c.title) for c in collated.merged.contests] if collated else []

    def progress(self, contest_id: str) -> ContestProgress:
        """Where the contest stands: waiting, round 2 to issue or to come in, or final."""
        return contest_progress(self, contest_id)

    # Expected areas ---------------------------------------------------------------------------

    def set_expected_areas(self, areas: Sequence[str]) -> None:
        """The counting areas the collating officer expects (one per council, say): the round-2
        instruction and the overall result wait until every one has reported."""
        names = [" ".join(str(a).split()) for a in areas]
        names = [n for n in names if n]
        if not names:
            raise ValidationError("list at least one counting area", "expected_areas")
        keys = [area_key(n) for n in names]
        duplicate = next((n for n, k in zip(names, keys, strict=True) if keys.count(k) > 1), None)
        if duplicate:
            raise ValidationError(f'area "{duplicate}" is listed twice', "expected_areas")
        stray = [r.area for r in self._state.areas if area_key(r.area) not in keys]
        if stray:
            raise ValidationError(f"already imported, so it must stay on the list: {', '.join(stray)}",
                                  "expected_areas")
        state = replace(self._state, expected_areas=names)
        self._log("expected_areas", "expected areas: " + ", ".join(names), state=state)

    # Importing ------------------------------------------------------------------------------------

    def open_bundle(self, path: Path) -> PendingBundle:
        """Verify an area bundle and read it; refused (CollationError naming the file) if altered."""
        path = Path(path)
        try:
            return self._open_bundle(path)
        except CountdeskError as error:
            self._log_refusal(f"{path.name}: {error}", None)
            raise

    def _open_bundle(self, path: Path) -> PendingBundle:
        verdict = verify_bundle(path)
        if not verdict.ok:
            raise CollationError("bundle refused: " + "; ".join(verdict.problems), str(path))
        data = read_bundle_data(path, verdict.files)
        count = data.count
        check_bundle_trail(path, verdict.files, count)
        try:
            key_pem = read_file_uncached(path / PUBLIC_KEY_FILE).decode("ascii")
        except (OSError, UnicodeDecodeError) as exc:
            raise CollationError(f"bundle refused: {PUBLIC_KEY_FILE} unreadable", str(path)) from exc
        area = count.election.area
        if self._state.election_id is not None and count.election.id != self._state.election_id:
            raise CollationError(f'this bundle is for election "{count.election.id}", but this collation is for '
                                 f'"{self._state.election_id}"', str(path))
        expected = [area_key(n) for n in self._state.expected_areas]
        if expected and area_key(area) not in expected:
            raise CollationError(f'area "{area}" is not one of the expected areas ({", ".join(self.expected_areas)})',
                                 str(path))
        earlier = self._state.area(area)
        changed = earlier.key_fingerprint if earlier and earlier.key_fingerprint != verdict.key_fingerprint else None
        round2 = tuple(c.id for c in count.contests if c.sheets(2))
        return PendingBundle(path, count, data.count_bytes, data.paper_fingerprints, verdict.fingerprint or "",
                             verdict.key_fingerprint or "", key_pem, pick_check_positions(), earlier, round2,
                             key_positions=pick_check_positions(), key_changed_from=changed)

    def accept_bundle(self, pending: PendingBundle, typed_groups: Mapping[str, Sequence[str]] | Sequence[str], *,
                      typed_key: Sequence[str], replace: bool = False, new_key_confirmed: bool = False) -> AreaRecord:
        """Accept a verified bundle once the groups typed from each contest's paper match that
        contest's fingerprint (`typed_groups`: by contest id; a bundle of one contest may be given
        its groups alone) and the signing key's fingerprint typed from the area's export
        (`typed_key`: the groups at `pending.key_positions`, or the whole fingerprint) matches the
        key that signed it. A bundle signed by another key than the area's earlier one also needs
        `new_key_confirmed`."""
        try:
            typed = _typed_by_contest(pending, typed_groups)
            return self._accept(pending, typed, list(typed_key), replace, new_key_confirmed)
        except CountdeskError as error:
            self._log_refusal(f"{pending.path.name}: {error}", pending.area)
            raise

    def _accept(self, pending: PendingBundle, typed: dict[str, list[str]], typed_key: list[str], replacing: bool,
                new_key_confirmed: bool) -> AreaRecord:
        where = str(pending.path)
        self._check_papers(pending, typed)
        key_check = self._check_key(pending, typed_key, new_key_confirmed)
        earlier = self._state.area(pending.area)
        if earlier is not None and not replacing:
            raise CollationError(f'area "{earlier.area}" has already been imported (fingerprint '
                                 f"{papers_said(earlier.paper_fingerprints)}): replace it only with a later bundle "
                                 "from that area", where)
        self._check_round2(pending)
        others = [c for c in self._counts if area_key(c.election.area) != area_key(pending.area)]
        candidate = collate([*others, pending.count])  # CollationError: contest, candidates, finalists differ
        self._check_finalists_kept(candidate)
        digest = hashlib.sha256(pending.count_bytes).hexdigest()
        record = AreaRecord(
            area=pending.area, election_id=pending.count.election.id,
            count_file=f"{AREAS_FOLDER}/{safe_name(pending.area)}-{digest[:12]}.json", count_sha256=digest,
            paper_fingerprints=dict(pending.paper_fingerprints), bundle_fingerprint=pending.bundle_fingerprint,
            key_fingerprint=pending.key_fingerprint, public_key_pem=pending.public_key_pem,
            source=str(pending.path), imported_at=self._clock(), check_positions=pending.positions,
            round2_contests=pending.round2_contests, key_confirmed=key_check,
        )
        record = replace(record, signed_sums=keep_signed_sums(self.folder, record.count_file, pending.path))
        write_copy(self.folder, record.count_file, pending.count_bytes)
        records = [r for r in self._state.areas if area_key(r.area) != area_key(pending.area)] + [record]
        state = replace(self._state, election_id=pending.count.election.id, areas=records)
        event = "area_replaced" if earlier else "area_imported"
        changed = (f" (a new key: the area's earlier bundle was signed by {pending.key_changed_from}; the new key "
                   "confirmed by the collating officer)") if pending.key_changed_from else ""
        self._log(event, f"{pending.path.name}: fingerprint {papers_said(pending.paper_fingerprints)}, key "
                         f"{pending.key_fingerprint} confirmed ({key_check}){changed}", area=pending.area, state=state)
        self._counts = [*others, pending.count]
        self._collated = candidate
        return record

    @staticmethod
    def _check_papers(pending: PendingBundle, typed: dict[str, list[str]]) -> None:
        """Each contest's groups, typed from its own paper, against its recomputed fingerprint."""
        positions = " and ".join(str(p) for p in pending.positions)
        several = len(pending.paper_fingerprints) > 1
        for contest_id, fingerprint in pending.paper_fingerprints.items():
            groups = typed.get(contest_id, [])
            if fingerprint_matches(fingerprint, groups, pending.positions):
                continue
            said = " ".join(groups) or "none"
            if several:
                title = pending.count.contest(contest_id).title
                what = (f"the groups typed for {title} ({said}) do not match groups {positions} of its fingerprint: "
                        f"check {title}'s paper")
            else:
                what = (f"the groups typed ({said}) do not match groups {positions} of this bundle's fingerprint: "
                        "check the paper")
            raise CollationError(f"{what}; if they were typed correctly, this is not the bundle that was signed for",
                                 str(pending.path))

    @staticmethod
    def _check_key(pending: PendingBundle, typed_key: list[str], new_key_confirmed: bool) -> str:
        """The signing key's fingerprint typed from the area's export must be the key that signed
        the bundle; a key other than the area's earlier one needs the officer's confirmation.
        Returns how the key was confirmed, for the record."""
        where = str(pending.path)
        if pending.key_changed_from and not new_key_confirmed:
            raise CollationError(
                f'bundle refused: it is signed by a new key, but area "{pending.area}"\'s earlier bundle was signed by '
                f"key {pending.key_changed_from}. Accept it only if the area's returning "
                "officer confirms that the area signs with a new key: type the new key's fingerprint as their export "
                "printed it and confirm the key change", where)
        if not key_fingerprint_confirmed(pending.key_fingerprint, typed_key, pending.key_positions):
            positions = " and ".join(str(p) for p in pending.key_positions)
            raise CollationError(
                f"the signing key's fingerprint typed ({' '.join(typed_key) or 'none'}) does not match groups "
                f"{positions} of the key that signed this bundle: check it with the area's returning officer "
                "(their export printed \"signing key fingerprint\"); if it was typed correctly, this bundle was "
                "signed by another key than the area's", where)
        if typed_whole_form(typed_key, pending.key_positions):
            return "the whole fingerprint typed"
        return "groups " + " and ".join(str(p) for p in pending.key_positions) + " typed"

    def _check_round2(self, pending: PendingBundle) -> None:
        """Round-2 sheets only after an instruction, and only for the finalists it named."""
        for contest in pending.count.contests:
            sheets = contest.sheets(2)
            if not sheets:
                continue
            issued = self._state.instructions.get(contest.id)
            if issued is None:
                raise CollationError(
                    f'bundle refused: it holds round-2 sheets for "{contest.id}", but no round-2 instruction has '
                    "been issued: the finalists are decided on every area's first preferences", str(pending.path))
            for sheet in sheets:
                if set(sheet.votes) != set(issued.finalists):
                    raise CollationError(
                        f"bundle refused: round-2 sheet {sheet.id} was counted for {', '.join(sorted(sheet.votes))}, "
                        f"but the round-2 instruction names {', '.join(issued.finalists)}", str(pending.path))

    def _check_finalists_kept(self, collated: Collated) -> None:
        for contest_id, issued in self._state.instructions.items():
            result = _result(collated, contest_id)
            if result is not None and set(result.finalists or ()) != set(issued.finalists):
                now = ", ".join(result.finalists) if result.finalists else "none (a candidate has a majority)"
                raise CollationError(
                    f"with this bundle the finalists would be {now}, but the round-2 instruction already issued "
                    f"names {', '.join(issued.finalists)}: this bundle cannot be accepted")

    # Round 2 --------------------------------------------------------------------------------------

    def issue_round2_instruction(self, contest_id: str, target_dir: Path, *, issued_by: str,
                                 issued_at: datetime) -> Path:
        """Write the round-2 instruction for every expected area into `target_dir` (a USB stick),
        read it back, and keep a copy. Only once every expected area has reported."""
        if not self._state.expected_areas:
            raise CollationError("list the expected areas first: the instruction goes out only when every area "
                                 "has reported")
        missing = self.missing_areas()
        if missing:
            raise CollationError("the round-2 instruction is issued only once every expected area has reported: "
                                 f"waiting for {', '.join(missing)}")
        issued_by = " ".join(str(issued_by).split())
        if not issued_by:
            raise ValidationError("say who issues the instruction", "issued_by")
        collated = self.collated()
        result = _result(collated, contest_id)
        if collated is None or result is None:
            raise CollationError(f'no contest "{contest_id}" in this collation')
        # Every expected area has reported (refused above otherwise), so each has its record.
        areas = [record.area for name in self._state.expected_areas if (record := self._state.area(name))]
        instruction = round2_instruction_from_result(collated.merged.election, result, areas=areas,
                                                     issued_at=issued_at, issued_by=issued_by)
        name = f"round2-instruction_{safe_name(contest_id)}.json"
        target = Path(target_dir) / name
        try:
            write_round2_instruction(target, instruction)
            if read_round2_instruction(target) != instruction:
                raise CollationError("the instruction did not read back correctly: use another stick", str(target))
        except OSError as exc:
            raise explain_os_error(exc, Path(target_dir), 32 * 1024) from exc
        copy = f"{ROUND2_FOLDER}/{name}"
        write_copy(self.folder, copy, read_file_uncached(target))
        issued = IssuedInstruction(contest_id, instruction.finalists, instruction.areas,
                                   instruction.issued_at.isoformat(), issued_by, copy)
        state = replace(self._state, instructions={**self._state.instructions, contest_id: issued})
        self._log("round2_issued", f"{contest_id}: finalists {', '.join(instruction.finalists)} -> {target}",
                  state=state)
        return target

    # The overall result ---------------------------------------------------------------------------

    def collation_fingerprint(self, contest_id: str) -> str:
        """Printed on the contest's collated documents: recomputed from every accepted area's
        figures for that contest."""
        return collation_fingerprint(self._counts, contest_id)

    def document_context(self, contest_id: str, *, generated_at: datetime, place: str = "") -> DocumentContext:
        """The DocumentContext for a collated document (the declaration once the result is final)."""
        collated = self.collated()
        result = _result(collated, contest_id)
        if collated is None or result is None:
            raise CollationError(f'no contest "{contest_id}" in this collation')
        # The collating officer declares, in their own name: never the first area's returning officer.
        election = replace(collated.merged.election, area=self.name, returning_officer=self.officer or None,
                           deputy=self.officer_deputy)
        return DocumentContext(election, collated.merged.contest(contest_id), result, generated_at, place=place,
                               fingerprint=self.collation_fingerprint(contest_id), lang=default_lang(election),
                               app_version=__version__)

    def render_document(self, document: str, contest_id: str, *, generated_at: datetime,
                        place: str = "") -> RenderedDocument:
        """A collated document (document_registry), rendered once. The declaration only once the
        result is final."""
        if document == "declaration" and not self.progress(contest_id).final:
            raise CollationError(f"the result cannot be declared yet: {self.progress(contest_id).message}")
        return render_document(document, self.document_context(contest_id, generated_at=generated_at, place=place))

    def save_document(self, document: str, contest_id: str, path: str | Path, *, generated_at: datetime,
                      place: str = "") -> Path:
        """A collated document rendered once and saved as every copy is (document_events:
        written atomically and durably, read back; the collation's journal refused as a target),
        then journalled ("document_saved": the paper, its fingerprint, pages, SHA-256 and file), as
        a count's audit trail records its copies."""
        rendered = self.render_document(document, contest_id, generated_at=generated_at, place=place)
        written = write_document_copy(rendered, path, inputs=[self.folder / STATE_FILE])
        pages = f"{rendered.pages} page{'s' if rendered.pages != 1 else ''}"
        digest = hashlib.sha256(rendered.data).hexdigest()
        self._log("document_saved", f"{contest_id}: {rendered.kind.phrase} saved as {written} ({pages}, fingerprint "
                                    f"{rendered.context.fingerprint}, SHA-256 {digest})")
        return written

    # Saving ----------------------------------------------------------------------------------------

    def _log(self, event: str, detail: str, *, area: str | None = None, state: CollationState | None = None) -> None:
        base = state or self._state
        entry = HistoryEntry(self._clock(), event, detail, area)
        updated = replace(base, history=[*base.history, entry])
        self._save(updated)

    def _log_refusal(self, detail: str, area: str | None) -> None:
        """Refusals are journalled too; a journal that cannot be saved must not hide the refusal."""
        try:
            self._log("bundle_refused", detail, area=area)
        except CountdeskError:
            pass

    def _save(self, state: CollationState) -> None:
        save_state(self.folder, state)
        self._state = state


def papers_said(fingerprints: Mapping[str, str]) -> str:
    """The fingerprints checked against an area's papers, as said in the journal and on screen:
    the one fingerprint, or each contest's."""
    if len(fingerprints) == 1:
        return next(iter(fingerprints.values()))
    return "; ".join(f"{contest_id} {fingerprint}" if contest_id else fingerprint
                     for contest_id, fingerprint in fingerprints.items())


def _typed_by_contest(pending: PendingBundle, typed: Mapping[str, Sequence[str]] | Sequence[str]
                      ) -> dict[str, list[str]]:
    if isinstance(typed, Mapping):
        return {str(contest_id): list(groups) for contest_id, groups in typed.items()}
    if len(pending.paper_fingerprints) != 1:
        raise CollationError(f"this bundle holds {len(pending.paper_fingerprints)} contests: type the groups from "
                             "each contest's own paper", str(pending.path))
    return {next(iter(pending.paper_fingerprints)): list(typed)}


def _result(collated: Collated | None, contest_id: str) -> ContestResult | None:
    if collated is None:
        return None
    return next((r for r in collated.results if r.contest_id == contest_id), None)

