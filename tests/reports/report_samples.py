"""Counts for the document tests: the published 2021 examples read by a small local reader (so these
tests do not depend on the exchange package), and a hand-made Welsh three-seat ward with fifteen
candidates, awkward names and a tie for the last seat settled by lot."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from countdesk.domain.model import Box, Candidate, Contest, Count, CountSheet, Election, Lot, VotingSystem, frozen_map

REPO = Path(__file__).resolve().parents[2]
#: The published 2021 examples (shared/examples), as the repository keeps them for its golden tests,
#: so the document tests run in any clone.
LIVERPOOL_JSON = REPO / "tests" / "golden" / "liverpool-mayor-2021" / "count.json"
LCR_AREAS = REPO / "tests" / "golden" / "lcr-mayor-2021" / "areas"

#: The moment the documents are "printed": passed in, never read from the clock.
GENERATED_AT = datetime(2021, 5, 8, 14, 2, tzinfo=timezone(timedelta(hours=1)))
FINGERPRINT = "3f2a91c07be45d18e2a6c0ff9b1d7e3340aa5c61f0b2d9e8c7a6b5f4e3d2c1b0"
PLACE = "Exhibition Centre Liverpool, Kings Dock"


def count_from_json(data: dict) -> Count:
    """A count file's JSON as domain objects (the part of count-file.md these tests need)."""
    e = data["election"]
    election = Election(
        id=e["id"], title=e["title"], poll_date=date.fromisoformat(e["poll_date"]), area=e["area"],
        returning_officer=e.get("returning_officer"), bilingual=e.get("bilingual", False),
    )
    contests = tuple(Contest(
        id=c["id"], title=c["title"], system=VotingSystem(c["system"]), seats=c["seats"],
        electorate=c.get("electorate"),
        candidates=tuple(Candidate(x["id"], x["name"], x.get("description", "")) for x in c["candidates"]),
        boxes=tuple(Box(
            id=b["id"], label=b.get("label", ""), postal=b.get("postal", False),
            ballot_paper_account=b.get("ballot_paper_account"), verified=b.get("verified"), note=b.get("note"),
        ) for b in c.get("boxes", [])),
        count_sheets=tuple(CountSheet(
            id=s["id"], round=s["round"], votes=frozen_map(s["votes"]),
            rejected=frozen_map(s.get("rejected")), papers=s.get("papers"),
            rejected_in_part=s.get("rejected_in_part"), non_transferable=s.get("non_transferable"),
            second_rejected=sum(s["second_not_counted"].values()) if "second_not_counted" in s else None,
        ) for s in c.get("count_sheets", [])),
        lots=tuple(Lot(
            tied=tuple(x["tied"]), winners=tuple(x["winners"]), drawn_by=x.get("drawn_by", ""),
            drawn_at=x.get("drawn_at", ""), witnesses=x.get("witnesses", ""),
        ) for x in c.get("lots", [])),
    ) for c in data["contests"])
    return Count(election, contests)


def load_json_count(path: Path) -> Count:
    return count_from_json(json.loads(path.read_text(encoding="utf-8")))


def liverpool() -> Count:
    return load_json_count(LIVERPOOL_JSON)


def lcr_area(name: str) -> Count:
    return load_json_count(LCR_AREAS / f"{name}.json")


#: The ward's candidates in ballot-paper order: (id, name as on the ballot, description, votes).
WARD_CANDIDATES: tuple[tuple[str, str, str, int], ...] = (
    ("davies-o", "Owain DAVIES", "Welsh Conservatives", 412),
    ("evans-t", "Tomos <b>BOLD</b> EVANS", "<script>alert('x')</script>", 87),
    ("fforde-b", "Bartholomew Maximilian Alexander FFORDE-HUNTINGDON-SMYTHE",
     "Independent candidate for the long-standing community interests of the whole ward and its "
     "neighbourhoods", 233),
    ("hughes-c", "Carys HUGHES", "Smith & Sons Independents", 356),
    ("huws-l", "Llŷr HUWS", "Propel", 298),
    ("jones-w", "Ŵyn JONES", "Plaid Cymru – The Party of Wales", 1498),
    ("lloyd-s", "Siân LLOYD-WILLIAMS", "Welsh Liberal Democrats", 1201),
    ("morgan-g", "Gareth MORGAN", "Reform UK", 174),
    ("obrien-s", "Seán O'BRIEN", "Welsh Labour", 1523),
    ("price-z", "Zoë PRICE", "Green Party", 1201),
    ("roberts-e", "Eleri ROBERTS", "A & B Residents", 645),
    ("smith-g", "Gwenllïan SMITH", "Independent", 520),
    ("thomas-i", "Iwan THOMAS", "", 61),
    ("williams-m", "Mererid WILLIAMS", "Abolish the Welsh Assembly Party", 140),
    ("apwyn-a", "Aled AP WYN", "Gwlad", 98),
)
WARD_REJECTED = (
    {"want_of_official_mark": 1, "too_many_votes": 6, "identifiable": 1, "unmarked": 3, "void_for_uncertainty": 2},
    {"want_of_official_mark": 1, "too_many_votes": 5, "identifiable": 0, "unmarked": 4, "void_for_uncertainty": 2},
)
WARD_ELECTORATE = 9876


def ward(*, bilingual: bool = True, with_lot: bool = True) -> Count:
    """Three seats; Siân LLOYD-WILLIAMS and Zoë PRICE tie on 1,201 for the last seat and the lot
    falls on PRICE. 3,000 valid papers + 25 rejected = 3,025 verified (812 + 1,049 + 701 + 463)."""
    election = Election(
        id="local.ynys-mon.2022-05-05", title="Isle of Anglesey County Council Elections",
        poll_date=date(2022, 5, 5), area="Isle of Anglesey", returning_officer="Annest Ŵyn ROBERTS",
        bilingual=bilingual,
    )
    sheets = []
    for index, (rejected, in_part) in enumerate(zip(WARD_REJECTED, (4, 2), strict=False)):
        votes = {cid: (v // 2 if index == 0 else v - v // 2) for cid, _, _, v in WARD_CANDIDATES}
        sheets.append(CountSheet(
            id=f"T0{index + 1}", round=1, votes=frozen_map(votes), rejected=frozen_map(rejected),
            papers=1500 + sum(rejected.values()), rejected_in_part=in_part,
        ))
    boxes = (
        Box("W01", "Ysgol Gynradd Morswyn — gorsaf 1", False, 812, 812),
        Box("W02", 'Capel Bethel & Neuadd "Y Fron" <Hall>', False, 1050, 1049, "1 paper found in box W03"),
        Box("W03", "Canolfan Ucheldre", False, 700, 701, "Contains 1 paper from W02"),
        Box("PV1", "Postal votes opened 3–5 May", True, 463, 463),
    )
    lots = (Lot(("lloyd-s", "price-z"), ("price-z",), "Annest Ŵyn ROBERTS", "2022-05-06T03:12:00+01:00",
                "Candidates and agents present"),) if with_lot else ()
    contest = Contest(
        id="local.ynys-mon.caergybi.2022-05-05", title="Caergybi / Holyhead ward", system=VotingSystem.FPTP,
        seats=3, electorate=WARD_ELECTORATE,
        candidates=tuple(Candidate(cid, name, desc) for cid, name, desc, _ in WARD_CANDIDATES),
        boxes=boxes, count_sheets=tuple(sheets), lots=lots,
    )
    return Count(election, (contest,))


def sv_final_lot() -> Count:
    """SV with a tie for second place and a tie at the end, worked by hand: valid 110 (ASHE 40,
    BEVAN 25, CADWALADR 25, DAVIES 20); no one has more than half, so ASHE, BEVAN and CADWALADR all
    remain (no lot for second place). DAVIES's 20 papers: BEVAN +15, CADWALADR +3, 2 not
    transferable. Totals ASHE 40, BEVAN 40, CADWALADR 28: the lot between ASHE and BEVAN falls on
    BEVAN. Verified 61 + 51 = 112 = 110 valid + 2 rejected; turnout 112 / 500 = 22.40 %."""
    election = Election("mayor.testshire.2021-05-06", "Election of the Mayor of Testshire", date(2021, 5, 6),
                        "Testshire", returning_officer="Alex OFFICER")
    contest = Contest(
        id="mayor.testshire.2021-05-06", title="Mayor of Testshire", system=VotingSystem.SV, seats=1,
        electorate=500,
        candidates=(Candidate("a", "Ann ASHE", "Party A"), Candidate("b", "Bryn BEVAN", "Party B"),
                    Candidate("c", "Cai CADWALADR", "Party C"), Candidate("d", "Dee DAVIES", "Independent")),
        boxes=(Box("B1", "Station 1", False, 60, 61, "One postal paper found in the box."),
               Box("P1", "Postal 1", True, 51, 51)),
        count_sheets=(
            CountSheet("S1", 1, frozen_map({"a": 30, "b": 20, "c": 20, "d": 15}), frozen_map({"unmarked": 2})),
            CountSheet("S2", 1, frozen_map({"a": 10, "b": 5, "c": 5, "d": 5})),
            CountSheet("T1", 2, frozen_map({"a": 0, "b": 15, "c": 3}), non_transferable=2,
                       second_rejected=1),
        ),
        lots=(Lot(("a", "b"), ("b",), "Alex OFFICER", "2021-05-07T03:10:00+01:00", "Agents for A and B"),),
    )
    return Count(election, (contest,))


def _poppler(tool: str, pdf: bytes, *options: str) -> str:
    """Runs a poppler tool on the PDF through stdin (no temporary files to share or clean up)."""
    args = [tool, *options, "-"] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(args, input=pdf, check=True, capture_output=True).stdout.decode("utf-8")


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as `pdftotext -layout` gives it (what a journalist copying the notice gets)."""
    return _poppler("pdftotext", pdf, "-layout")


def pdf_raw_text(pdf: bytes) -> str:
    """The text in drawing order with all whitespace collapsed: sentences and wrapped cells read
    as one run of words, whatever the line breaks."""
    return " ".join(_poppler("pdftotext", pdf, "-raw").split())


def page_texts(pdf: bytes) -> list[str]:
    """`pdftotext -layout` text of each page (pdftotext separates pages with a form feed)."""
    return pdf_text(pdf).split("\f")[:-1]


def row_of(text: str, first_words: str) -> str:
    """The one printed line that starts (after indentation) with `first_words`."""
    rows = [line for line in text.splitlines() if line.strip().startswith(first_words)]
    assert len(rows) == 1, f"expected one line starting {first_words!r}, got {rows}"
    return rows[0]


def cells(line: str) -> list[str]:
    """A -layout line split into its cells (runs separated by two or more spaces)."""
    return [c for c in re.split(r"\s{2,}", line.strip()) if c]


def context(count: Count, *, lang: str | None = None, place: str = PLACE, contest_index: int = 0):
    from countdesk.domain.tally import tally_contest
    from countdesk.reports import DocumentContext, default_lang

    contest = count.contests[contest_index]
    return DocumentContext(
        election=count.election, contest=contest, result=tally_contest(count.election, contest),
        generated_at=GENERATED_AT, place=place, fingerprint=FINGERPRINT,
        lang=lang or default_lang(count.election),
    )


def pdf_tool(tool: str, pdf: bytes) -> str:
    """pdffonts or pdfinfo output for the PDF."""
    return _poppler(tool, pdf)


def render(document: str, ctx) -> bytes:
    """The PDF of the document named `document` for the context's contest, drawn by the renderer
    the document registry gives (its declaration is the notice of uncontested election for an
    uncontested contest, …); reports.DocumentNotReady passes through as the renderer raised it."""
    from countdesk.services.document_registry import document_for

    return document_for(document, ctx.contest).render(ctx).data
