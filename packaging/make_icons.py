"""Rasterise packaging/icons/countdesk.svg into the PNG sizes desktops ask for, a Windows .ico
and a macOS .icns. The 16 and 24 px sizes come from countdesk-small.svg, the same picture drawn
on a 16-pixel grid so that it stays sharp in menus and title bars. Run after changing the SVG; the results are committed so that a build needs
neither step (`python packaging/make_icons.py`).

Qt's own SVG renderer draws the PNGs (the same renderer the app uses), Pillow packs the .ico and
.icns from them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent / "icons"
SVG = ICONS / "countdesk.svg"
SMALL_SVG = ICONS / "countdesk-small.svg"
SMALL_UP_TO = 24
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return ICONS / f"countdesk-{size}.png"


def render(renderer: QSvgRenderer, size: int, path: Path) -> Path:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderers = {svg: QSvgRenderer(str(svg)) for svg in (SVG, SMALL_SVG)}
    for svg, renderer in renderers.items():
        if not renderer.isValid():
            print(f"make_icons: {svg} is not a valid SVG", file=sys.stderr)
            return 2
    for size in PNG_SIZES:
        render(renderers[SMALL_SVG if size <= SMALL_UP_TO else SVG], size, png_path(size))
    # macOS wants 512 px @2x: drawn at 1024 for the .icns only, not kept as a PNG.
    retina = render(renderers[SVG], 1024, ICONS / "countdesk-1024.tmp.png")
    largest = Image.open(retina).convert("RGBA")
    # Each size drawn by the renderer at that size, not scaled down from 512 (crisper at 16 px).
    ico_frames = [Image.open(png_path(s)).convert("RGBA") for s in ICO_SIZES]
    ico_frames[-1].save(ICONS / "countdesk.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                        append_images=ico_frames[:-1])
    largest.save(ICONS / "countdesk.icns", format="ICNS",
                 append_images=[Image.open(png_path(s)).convert("RGBA") for s in ICNS_SIZES])
    largest.close()
    retina.unlink()
    print(f"make_icons: wrote {len(PNG_SIZES)} PNGs, countdesk.ico and countdesk.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
