"""The language of the app's own words: Qt translators loaded once at start.

The language is the one chosen in the settings (`ui/language`, e.g. "cy" for Welsh), else the
system's. countdesk's translations are `countdesk_<language>.qm` files in resources/translations
(compiled from the .ts sources there by scripts/update_translations.sh, or by the packaging build);
Qt's own words (OK, Cancel, the file dialogs) come from Qt's `qtbase_<language>.qm` when the Qt
installation has it. A language with no file, or a message not yet translated, shows in English:
nothing fails for want of a translation. Count data (names, titles, figures) is never translated.

Day and month names in the app's sentences follow: the language's own once its catalogue is
loaded, English otherwise (`weekday_name`, `month_name`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import find_resource
from . import settings

#: The stem of countdesk's compiled translations: countdesk_cy.qm for Welsh.
CATALOGUE = "countdesk"
TRANSLATIONS_FOLDER = "translations"

#: Whose day and month names the app shows: the language whose countdesk catalogue is loaded, or
#: None for English.
_names: QLocale | None = None


def ui_locale() -> QLocale:
    """The chosen language (settings' ui/language), else the system's."""
    chosen = settings.UI_LANGUAGE.read().strip()
    return QLocale(chosen) if chosen else QLocale.system()


def translations_folder() -> Path | None:
    """Where countdesk's .qm files are shipped (a frozen bundle first, then the source tree)."""
    return find_resource(TRANSLATIONS_FOLDER)


def install_translations(app: QCoreApplication, locale: QLocale | None = None,
                         folder: Path | None = None) -> list[QTranslator]:
    """Install countdesk's and Qt's translators for `locale` (default: `ui_locale()`) on `app`.

    Returns the translators installed (none for English, or a language without a file); each is
    parented to `app`, so it lives as long as the application."""
    locale = locale if locale is not None else ui_locale()
    folder = folder if folder is not None else translations_folder()
    installed: list[QTranslator] = []
    places = [(CATALOGUE, str(folder))] if folder is not None else []
    places.append(("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for catalogue, directory in places:
        translator = QTranslator(app)
        # Tries each of the locale's UI languages (cy_GB, then cy), never the bare catalogue name.
        if translator.load(locale, catalogue, "_", directory, ".qm") and not translator.isEmpty():
            app.installTranslator(translator)
            installed.append(translator)
            if catalogue == CATALOGUE:
                global _names
                _names = QLocale(locale)
        else:
            translator.deleteLater()
    return installed


def uninstall_translations(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Take back translators `install_translations` installed (English names again with countdesk's)."""
    global _names
    for translator in translators:
        app.removeTranslator(translator)
        if Path(translator.filePath()).name.startswith(f"{CATALOGUE}_"):
            _names = None


def weekday_name(day: date, *, short: bool = False) -> str:
    """ "Friday" ("Fri"), or the day's name in the app's language."""
    if _names is None:
        return day.strftime("%a" if short else "%A")
    return _names.dayName(day.isoweekday(), _format(short))


def month_name(day: date, *, short: bool = False) -> str:
    """ "May" ("Sep"), or the month's name in the app's language."""
    if _names is None:
        return day.strftime("%b" if short else "%B")
    return _names.monthName(day.month, _format(short))


def _format(short: bool) -> QLocale.FormatType:
    return QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
