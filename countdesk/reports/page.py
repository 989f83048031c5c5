"""The page around a document: A4 frame, footer with version, fingerprint and "page x of y",
the PROVISIONAL watermark and banner, and the one call that turns a story into PDF bytes.

Output is reproducible: `invariant=1`, and the PDF's creation date is the generation time passed
in, so the same count and the same moment give the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from importlib import metadata

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

import countdesk

from ..domain.result import Status
from .context import DocumentContext
from .styles import (
    BANNER,
    BODY_SIZE,
    FONT,
    FONT_BOLD,
    FOOTER_INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_SIZE,
    RULE,
    WATERMARK,
    register_fonts,
)
from .text import ByLang, fingerprint_groups, say_plain, timestamp
from .welsh import phrase

FOOTER_SIZE = 6.5
_PAGE_W, _PAGE_H = PAGE_SIZE


@dataclass(frozen=True)
class RenderedPdf:
    """One rendered document: the PDF's bytes and its number of pages, as the canvas laid them out
    (the audit row of each copy records the pages; nothing parses the PDF to find them)."""

    data: bytes
    pages: int


def app_version(ctx: DocumentContext) -> str:
    """The version printed in the footer: the caller's, else the package's own."""
    if ctx.app_version:
        return ctx.app_version
    version = getattr(countdesk, "__version__", "")
    if version:
        return version
    try:
        return metadata.version("countdesk")
    except metadata.PackageNotFoundError:
        return "unknown"


def pdf_date(moment: datetime) -> str:
    """A PDF date string (D:YYYYMMDDHHmmSS+hh'mm') for the generation time."""
    stamp = moment.strftime("D:%Y%m%d%H%M%S")
    offset = moment.utcoffset()
    if offset is None:
        return stamp
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{stamp}{sign}{minutes // 60:02d}'{minutes % 60:02d}'"


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shortens `text` with an ellipsis so that it fits `width` (footer lines never overlap)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class Furniture:
    """What every page carries besides the story. Texts are worked out once per document."""

    def __init__(self, ctx: DocumentContext, title_key: str, provisional: bool) -> None:
        lang = ctx.lang
        self.provisional = provisional
        self.pages = 0  # set when the canvas is saved: the pages it wrote
        self.lang = lang
        self.generated_at = ctx.generated_at
        produced = " · ".join(say_plain("foot.produced", lang, when=timestamp(ctx.generated_at)))
        self.line_version = f"countdesk {app_version(ctx)} · {produced}"
        label = " · ".join(say_plain("foot.fingerprint", lang))
        self.line_fingerprint = f"{label}: {fingerprint_groups(ctx.fingerprint) or '—'}"
        if ctx.trail_head is not None:
            row, digest = ctx.trail_head
            trail = say_plain("foot.trail", lang, row=str(row), head=fingerprint_groups(digest[:16]))
            self.line_fingerprint += " · " + " · ".join(trail)
        entry = phrase(title_key)
        continued = say_plain("running.continued", lang, title=ByLang(entry.en, entry.cy))
        self.running = f"{ctx.contest.title} · " + " · ".join(continued)
        # An incomplete count is marked INCOMPLETE, not PROVISIONAL: its figures are not a result.
        mark = "incomplete" if ctx.result.status is Status.INCOMPLETE else "provisional"
        self.watermark = say_plain(f"{mark}.mark", lang)
        self.banner = " · ".join(say_plain(f"{mark}.banner", lang))

    def on_page(self, canvas: Canvas, doc) -> None:
        """Drawn before the page's content, so the watermark lies underneath it."""
        canvas.saveState()
        if self.provisional:
            self._draw_watermark(canvas)
            self._draw_banner(canvas)
        elif canvas.getPageNumber() > 1:
            canvas.setFont(FONT, 7.5)
            canvas.setFillColor(FOOTER_INK)
            text = _fit(self.running, FONT, 7.5, _PAGE_W - 2 * MARGIN_X)
            canvas.drawString(MARGIN_X, _PAGE_H - MARGIN_TOP + 5, text)
        canvas.restoreState()

    def _draw_watermark(self, canvas: Canvas) -> None:
        """Large pale diagonal words across the page centre."""
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.translate(_PAGE_W / 2, _PAGE_H / 2)
        canvas.rotate(50)
        size = 64 if len(self.watermark) > 1 else 84
        for index, word in enumerate(self.watermark):
            offset = (len(self.watermark) - 1) / 2 - index
            canvas.setFont(FONT_BOLD, size)
            canvas.drawCentredString(0, offset * size * 1.1 - size / 3, word)
        canvas.restoreState()

    def _draw_banner(self, canvas: Canvas) -> None:
        top = _PAGE_H - 4 * mm
        height = 7 * mm
        canvas.setStrokeColor(BANNER)
        canvas.setFillColor(BANNER)
        canvas.setLineWidth(1.2)
        canvas.rect(MARGIN_X, top - height, _PAGE_W - 2 * MARGIN_X, height, stroke=1, fill=0)
        canvas.setFont(FONT_BOLD, 10)
        text = _fit(self.banner, FONT_BOLD, 10, _PAGE_W - 2 * MARGIN_X - 8)
        canvas.drawCentredString(_PAGE_W / 2, top - height / 2 - 3.5, text)

    def draw_footer(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        width = _PAGE_W - 2 * MARGIN_X
        base = MARGIN_BOTTOM - 9
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, base + 2, MARGIN_X + width, base + 2)
        canvas.setFillColor(FOOTER_INK)
        page_text = " · ".join(say_plain("foot.page", self.lang, page=str(page), pages=str(pages)))
        canvas.setFont(FONT_BOLD, FOOTER_SIZE + 0.5)
        canvas.drawRightString(MARGIN_X + width, base - 8, page_text)
        room = width - stringWidth(page_text, FONT_BOLD, FOOTER_SIZE + 0.5) - 12
        canvas.setFont(FONT, FOOTER_SIZE)
        canvas.drawString(MARGIN_X, base - 8, _fit(self.line_version, FONT, FOOTER_SIZE, room))
        canvas.drawString(MARGIN_X, base - 16, _fit(self.line_fingerprint, FONT, FOOTER_SIZE, width))
        canvas.restoreState()


class _NumberedCanvas(Canvas):
    """Holds the pages back until the end so each footer can say "page x of y" in one pass."""

    def __init__(self, *args, furniture: Furniture, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._held_pages: list[dict] = []
        when = pdf_date(furniture.generated_at)
        self.setDateFormatter(lambda *_: when)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._held_pages)
        self._furniture.pages = pages
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._furniture.draw_footer(self, number, pages)
            Canvas.showPage(self)
        Canvas.save(self)


def build_pdf(ctx: DocumentContext, title_key: str, story: list, *, provisional: bool = False) -> RenderedPdf:
    """Lays the story out on A4 pages and returns the PDF with its page count."""
    register_fonts()
    furniture = Furniture(ctx, title_key, provisional)
    buffer = io.BytesIO()
    title = " / ".join(say_plain(title_key, ctx.lang))
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=f"{title}: {ctx.contest.title}",
        author=ctx.election.returning_officer or "",
        subject=ctx.election.title,
        creator=f"countdesk {app_version(ctx)}",
        invariant=1,
        initialFontName=FONT, initialFontSize=BODY_SIZE,
        lang="cy" if ctx.lang == "cy-en" else "en-GB",
    )
    frame = Frame(
        MARGIN_X, MARGIN_BOTTOM, _PAGE_W - 2 * MARGIN_X, _PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=furniture.on_page)])
    doc.build(story, canvasmaker=partial(_NumberedCanvas, furniture=furniture))
    return RenderedPdf(buffer.getvalue(), furniture.pages)
