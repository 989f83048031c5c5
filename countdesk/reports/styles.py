"""Fonts, sizes and colours of every printed document: one place, registered once per process.

The family is Liberation Sans (SIL OFL 1.1, metric-compatible with Arial, the face most council
notices use), shipped in resources/fonts and embedded in every PDF so that Welsh letters such as
ŵ and ŷ print the same on every machine.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resource_path

FONT = "CountdeskSans"
FONT_BOLD = "CountdeskSans-Bold"
FONT_ITALIC = "CountdeskSans-Italic"
FONT_BOLD_ITALIC = "CountdeskSans-BoldItalic"

_FONT_FILES = {
    FONT: "LiberationSans-Regular.ttf",
    FONT_BOLD: "LiberationSans-Bold.ttf",
    FONT_ITALIC: "LiberationSans-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
}

PAGE_SIZE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 13 * mm
MARGIN_BOTTOM = 16 * mm
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X

BODY_SIZE = 9.5
TABLE_SIZE = 9
SMALL_SIZE = 7
TITLE_SIZE = 15

INK = colors.black
RULE = colors.Color(0.55, 0.55, 0.55)
GRID = colors.Color(0.72, 0.72, 0.72)
HEADER_FILL = colors.Color(0.90, 0.90, 0.90)
SUBTOTAL_FILL = colors.Color(0.95, 0.95, 0.95)
WATERMARK = colors.Color(0.80, 0.0, 0.0, alpha=0.10)
BANNER = colors.Color(0.70, 0.0, 0.0)
FOOTER_INK = colors.Color(0.30, 0.30, 0.30)


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Registers the family with reportlab once; later calls cost a dictionary lookup.

    Also turns off reportlab's ASCII85 stream encoding: it only makes binary streams 7-bit safe,
    costs about a fifth of a declaration's build time and a quarter of its size. The setting is
    process-wide, and reports is the only package that uses reportlab (import-linter keeps it so)."""
    rl_config.useA85 = 0
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return FONT


def _style(name: str, **kw) -> ParagraphStyle:
    base = dict(fontName=FONT, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.25, textColor=INK)
    base.update(kw)
    return ParagraphStyle(name, **base)


class Styles:
    """The paragraph styles, built once (after the fonts are registered)."""

    def __init__(self) -> None:
        self.body = _style("body", spaceAfter=4)
        self.body_bold = _style("body_bold", fontName=FONT_BOLD, spaceAfter=4)
        self.heading = _style("heading", fontName=FONT_BOLD, fontSize=11, leading=14, alignment=TA_CENTER)
        self.subheading = _style("subheading", fontSize=10.5, leading=13.5, alignment=TA_CENTER)
        self.title = _style(
            "title", fontName=FONT_BOLD, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.2, alignment=TA_CENTER,
        )
        self.section = _style("section", fontName=FONT_BOLD, fontSize=10, leading=12.5, spaceBefore=6, spaceAfter=3)
        self.cell = _style("cell", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2)
        self.cell_bold = _style("cell_bold", fontName=FONT_BOLD, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2)
        self.cell_right = _style("cell_right", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2, alignment=TA_RIGHT)
        self.cell_right_bold = _style(
            "cell_right_bold", fontName=FONT_BOLD, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2, alignment=TA_RIGHT,
        )
        self.cell_center_bold = _style(
            "cell_center_bold", fontName=FONT_BOLD, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2, alignment=TA_CENTER,
        )
        self.head = _style("head", fontName=FONT_BOLD, fontSize=8.5, leading=10.5)
        self.head_right = _style("head_right", fontName=FONT_BOLD, fontSize=8.5, leading=10.5, alignment=TA_RIGHT)
        self.head_center = _style("head_center", fontName=FONT_BOLD, fontSize=8.5, leading=10.5, alignment=TA_CENTER)
        self.small = _style("small", fontSize=7.5, leading=9.5, alignment=TA_LEFT)
        self.small_bold = _style("small_bold", fontName=FONT_BOLD, fontSize=7.5, leading=9.5)
        self.banner = _style(
            "banner", fontName=FONT_BOLD, fontSize=11, leading=14, alignment=TA_CENTER, textColor=BANNER,
        )


@lru_cache(maxsize=1)
def styles() -> Styles:
    register_fonts()
    return Styles()
