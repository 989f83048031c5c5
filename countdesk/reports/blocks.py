"""Building blocks shared by the documents: heading, bilingual sentences, the electorate and
turnout figures, the lot sentences and the signature block."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table, TableStyle

from .centred import centred_lines
from .context import DocumentContext
from .grid import Grid, default_font
from .officer import officer
from .offices import heading_lines
from .styles import FRAME_WIDTH, INK, RULE, styles
from .text import (
    ByLang,
    candidate_names,
    languages,
    lines,
    local_moment,
    long_date,
    long_date_by_lang,
    number,
    percent,
    safe,
    say,
    say_plain,
)


def pair(texts: Sequence[str], style, *, space_after: float = 4) -> Flowable:
    """One sentence, or its Welsh and English side by side (Welsh on the left)."""
    if len(texts) == 1:
        return Paragraph(texts[0], style)
    half = (FRAME_WIDTH - 6 * mm) / 2
    table = Table(
        [[Paragraph(texts[0], style), "", Paragraph(texts[1], style)]],
        colWidths=(half, 6 * mm, half),
    )
    table.setStyle(TableStyle([
        default_font(),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), space_after),
    ]))
    return table


def heading_block(ctx: DocumentContext, title_key: str) -> list[Flowable]:
    """Election, contest, counting area and poll date, then the document's title in capitals.
    Plain lines (centred_lines escapes any that must go to a Paragraph)."""
    st = styles()
    lang = ctx.lang
    election, contest = ctx.election, ctx.contest
    bilingual = len(languages(lang)) > 1
    election_lines = [election.title]
    contest_lines = [contest.title]
    if bilingual and election.title_cy:
        election_lines.insert(0, election.title_cy)
    if bilingual and contest.title_cy:
        contest_lines.insert(0, contest.title_cy)
    # A ward is headed by what is elected there ("Election of 3 Councillors for the X ward", §9).
    contest_lines = list(heading_lines(contest, lang)) or contest_lines
    flow: list[Flowable] = [
        centred_lines(election_lines, st.subheading),
        centred_lines(contest_lines, st.heading),
    ]
    area = " / ".join(say_plain("heading.area", lang)) + f": {election.area}"
    poll_label = say_plain("heading.poll", lang)
    when = long_date_by_lang(election.poll_date)
    poll = " · ".join(
        f"{text}: {when.cy if code == 'cy' else when.en}"
        for code, text in zip(languages(lang), poll_label, strict=False)
    )
    if len(languages(lang)) == 1:
        flow.append(centred_lines([f"{area} · {poll}"], st.subheading))
    else:
        flow += [centred_lines([area], st.subheading), centred_lines([poll], st.subheading)]
    flow += [
        HRFlowable(width="100%", thickness=1.2, color=INK, spaceBefore=4, spaceAfter=4),
        centred_lines([t.upper() for t in say_plain(title_key, lang)], st.title),
        HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=4, spaceAfter=6),
    ]
    return flow


def section_title(key: str, lang: str) -> Flowable:
    """A heading that stays on the page of what it introduces."""
    title = pair(say(key, lang), styles().section, space_after=2)
    title.keepWithNext = True
    return title


def figures_block(ctx: DocumentContext) -> Flowable:
    """Electorate, ballot papers verified and turnout side by side, the turnout formula stated in
    its column head and worked out under the figure (domain.md §3c). Callers keep it together with
    what follows (a KeepTogether inside another one defeats the outer)."""
    st = styles()
    lang, result = ctx.lang, ctx.result
    electorate, verified = result.electorate, result.ballot_papers_verified
    electorate_text = number(electorate) if electorate is not None else " / ".join(say_plain("fig.not_given", lang))
    verified_text = (
        number(verified) if verified is not None
        else " / ".join(say_plain("fig.verification_incomplete", lang))
    )
    turnout = result.turnout_percent
    if turnout is None or verified is None or electorate is None:  # turnout needs both figures
        turnout_cell = (" / ".join(say_plain("fig.not_available", lang)), st.cell)
    else:
        turnout_cell = Paragraph(
            f"<b>{percent(turnout)}</b>&nbsp;&nbsp;= {number(verified)} ÷ {number(electorate)} × 100", st.cell
        )
    turnout_head = "\n".join(
        f"{name} ({formula})"
        for name, formula in zip(say_plain("fig.turnout", lang), say_plain("fig.turnout_formula", lang), strict=False)
    )
    grid = Grid((40 * mm, 48 * mm, FRAME_WIDTH - 88 * mm))
    grid.add([(lines("fig.electorate", lang), st.head), (lines("fig.verified", lang), st.head),
              (turnout_head, st.head)])
    grid.add([(electorate_text, st.cell_bold), (verified_text, st.cell_bold), turnout_cell])
    grid.style(("NOSPLIT", (0, 0), (-1, -1)))
    return grid.table()


def lot_sentences(ctx: DocumentContext) -> list[Flowable]:
    """Per lot that decided the result: its statutory effect (an additional vote allotted to the
    candidate the lot fell on), then who was tied, who drew it, when (local time) and who saw it."""
    st = styles()
    flow: list[Flowable] = []
    elected = set(ctx.result.elected)
    missing = ByLang(*(safe(t) for t in _both("lot.not_recorded")))
    for lot in ctx.result.lots_applied:
        winners = [w for w in dict.fromkeys(lot.winners) if w in elected] or list(dict.fromkeys(lot.winners))
        moment = local_moment(lot.drawn_at) if lot.drawn_at else None
        if moment is not None:
            day = long_date_by_lang(moment.date())
            clock = moment.strftime("%H:%M")
            when = ByLang(*_both("lot.when", day=day, time=clock))
        elif lot.drawn_at:
            when = ByLang(safe(lot.drawn_at), safe(lot.drawn_at))
        else:
            when = missing
        allotted = say("lot.allotted", ctx.lang, winners=candidate_names(ctx.contest, winners))
        facts = say(
            "lot.facts", ctx.lang, tied=candidate_names(ctx.contest, lot.tied),
            by=safe(lot.drawn_by) if lot.drawn_by.strip() else missing,
            when=when, witnesses=safe(lot.witnesses) if lot.witnesses.strip() else missing,
        )
        texts = tuple(f"{a} {f}" for a, f in zip(allotted, facts, strict=False))
        flow += [Spacer(0, 6), pair(texts, st.body)]
    return flow


def _both(key: str, **values: str | ByLang) -> tuple[str, str]:
    """A phrase in English and in Welsh, in that order (for a ByLang value)."""
    cy, en = say_plain(key, "cy-en", **values)
    return en, cy


def officer_opening(ctx: DocumentContext, key: str) -> Flowable:
    """The officer's opening sentence: "I, NAME, being the TITLE at the above election, …" ("I,
    being the TITLE …" where the count file names no one; a declaration refuses that earlier)."""
    who = officer(ctx)
    named = f"{safe(who.name)}, " if who.name else ""
    title = ByLang(safe(who.title.en), safe(who.title.cy))
    return pair(say(key, ctx.lang, named=named, officer=title), styles().body)


def signature_block(ctx: DocumentContext, *, signed: bool = True) -> Flowable:
    """Signature line (or, on a provisional sheet, none), the RO's name, the date and the place."""
    st = styles()
    lang = ctx.lang
    who = officer(ctx)
    name = who.name
    ro_title = "\n".join(getattr(who.title, code) for code in languages(lang))
    day = ctx.generated_at.date()
    dated = "\n".join(long_date(day, code) for code in languages(lang))
    label_width = 22 * mm if signed else 30 * mm
    widths = (label_width, FRAME_WIDTH - label_width - 82 * mm, 18 * mm, 64 * mm)
    grid = Grid(widths, header_rows=0, ruled=False)
    grid.style(("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 6))
    if signed:
        officer_lines = ([f"<b>{safe(name)}</b>"] if name else []) + [
            safe(getattr(who.title, code)) for code in languages(lang)]
        signatory = Paragraph("<br/>".join(officer_lines), st.cell)
        grid.add([(lines("sign.signed", lang), st.cell_bold), "",
                  (lines("sign.dated", lang), st.cell_bold), (dated, st.cell)])
        grid.add(["", signatory, (lines("sign.place", lang), st.cell_bold), (ctx.place, st.cell)])
        grid.style(("LINEBELOW", (1, 0), (1, 0), 0.8, INK), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                   ("TOPPADDING", (0, 0), (-1, 0), 16))
    else:
        grid.add([(ro_title, st.cell_bold), (name, st.cell), (lines("sign.dated", lang), st.cell_bold),
                  (dated, st.cell)])
        grid.add(["", "", (lines("sign.place", lang), st.cell_bold), (ctx.place, st.cell)])
        grid.style(("VALIGN", (0, 0), (-1, -1), "TOP"))
    if not ctx.place:
        grid.style(("LINEBELOW", (3, 1), (3, 1), 0.5, INK))
    grid.style(("NOSPLIT", (0, 0), (-1, -1)))
    return grid.table(repeat_rows=0)
