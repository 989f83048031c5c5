"""Words and figures as they are printed: phrases in one or two languages, names, dates, numbers.

Everything that comes from the user (names, descriptions, titles, notes) is escaped here or by the
caller before it reaches reportlab's Paragraph markup, so "<b>" or "Smith & Sons" print literally.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from xml.sax.saxutils import escape

from ..domain.model import Candidate, Contest
from .welsh import AND, AND_BEFORE_VOWEL_CY, MONTHS, WEEKDAYS, phrase

LANGS = ("en", "cy-en")
MINUS = "\u2212"


@dataclass(frozen=True)
class ByLang:
    """A value that reads differently in each language (a list of names joined by "and" / "a")."""

    en: str
    cy: str


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f'lang must be one of {", ".join(LANGS)}, not "{lang}"')
    return lang


def languages(lang: str) -> tuple[str, ...]:
    """The languages to print, in order: Welsh first when bilingual."""
    return ("cy", "en") if check_lang(lang) == "cy-en" else ("en",)


def _fill(key: str, lang: str, values: dict[str, str | ByLang], *, markup: bool) -> tuple[str, ...]:
    entry = phrase(key)
    out = []
    for code in languages(lang):
        template = entry.cy if code == "cy" else entry.en
        if markup:
            template = escape(template)
        out.append(template.format(**{k: (getattr(v, code) if isinstance(v, ByLang) else v)
                                       for k, v in values.items()}))
    return tuple(out)


def say(key: str, lang: str, **values: str | ByLang) -> tuple[str, ...]:
    """The phrase `key` as Paragraph markup in each language to print (Welsh first), placeholders
    filled. Values must already be markup-safe (escaped); ByLang values give a per-language form."""
    return _fill(key, lang, values, markup=True)


def say_plain(key: str, lang: str, **values: str | ByLang) -> tuple[str, ...]:
    """As say(), but plain text: for the canvas and for table cells, which take no markup."""
    return _fill(key, lang, values, markup=False)


def lines(key: str, lang: str, **values: str | ByLang) -> str:
    """Plain text of a phrase for a table cell: Welsh line above English line when bilingual."""
    return "\n".join(say_plain(key, lang, **values))


def safe(text: str | None) -> str:
    """User text made safe for Paragraph markup."""
    return escape(text or "")


def number(value: int) -> str:
    return f"{value:,}"


def signed_number(value: int) -> str:
    """A difference: +3, 0 or −2 (a true minus sign, as printed statements use)."""
    if value > 0:
        return f"+{value:,}"
    if value < 0:
        return f"{MINUS}{-value:,}"
    return "0"


def percent(value: Decimal) -> str:
    return f"{value:.2f}\u00a0%"


def long_date(day: date, code: str) -> str:
    """"Thursday 6 May 2021" or "Dydd Iau 6 Mai 2021"."""
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    if code == "cy":
        return f"{weekday.cy} {day.day} {month.cy} {day.year}"
    return f"{weekday.en} {day.day} {month.en} {day.year}"


def long_date_by_lang(day: date) -> ByLang:
    return ByLang(long_date(day, "en"), long_date(day, "cy"))


#: Where the count happens: a time recorded in UTC is printed as the clock in the hall read.
_UK = "Europe/London"


def local_moment(recorded: str) -> datetime | None:
    """An ISO time as recorded ("2021-05-07T03:10:00+01:00"), in the local time it was written in;
    a time recorded in UTC (or without an offset) is turned into UK local time. None if unreadable."""
    try:
        moment = datetime.fromisoformat(recorded.strip())
    except (AttributeError, ValueError):
        return None
    offset = moment.utcoffset()
    if offset is None or offset.total_seconds() == 0:
        try:
            from zoneinfo import ZoneInfo

            zone = ZoneInfo(_UK)
        except Exception:  # noqa: BLE001 - no time zone data: print the time as recorded
            return moment
        moment = (moment if offset is not None else moment.replace(tzinfo=ZoneInfo("UTC"))).astimezone(zone)
    return moment


def timestamp(moment: datetime) -> ByLang:
    """The production time for the footer, in each language, to the minute."""
    clock = moment.strftime("%H:%M")
    return ByLang(f"{long_date(moment.date(), 'en')} {clock}", f"{long_date(moment.date(), 'cy')} {clock}")


def fingerprint_groups(fingerprint: str) -> str:
    """A hex fingerprint in groups of four capitals ("3F2A 91C0 …"); other text is printed as given."""
    compact = re.sub(r"[\s:-]", "", fingerprint)
    if compact and re.fullmatch(r"[0-9A-Fa-f]+", compact):
        compact = compact.upper()
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
    return fingerprint.strip()


def ballot_name(candidate: Candidate) -> str:
    """The name exactly as on the ballot paper and the statement of persons nominated: never
    re-cased or re-ordered ("John McDONALD", "Aled ap IORWERTH"; domain.md §10)."""
    return candidate.name


def name_with_description(candidate: Candidate) -> str:
    """"Joanne ANDERSON, Labour Party" (escaped), as the declaration sentence names the winner."""
    name = safe(candidate.name)
    return f"{name}, {safe(candidate.description)}" if candidate.description.strip() else name


def _join(items: Sequence[str], separator: str, conjunction: str, vowel_conjunction: str = "") -> str:
    if len(items) <= 1:
        return "".join(items)
    last = items[-1]
    word = conjunction
    if vowel_conjunction and last[:1].lower() in "aeiouwyâêîôûŵŷáéíóúàèìòùäëïöü":
        word = vowel_conjunction
    return separator.join(items[:-1]) + f" {word} " + last


def join_names(items: Iterable[str], *, separator: str = ", ") -> ByLang:
    """Names (already escaped) joined "A, B and C" / "A, B a C" ("ac" before a vowel in Welsh).

    `separator` goes between all but the last two; "; " keeps "NAME, Description" entries apart."""
    items = list(items)
    return ByLang(_join(items, separator, AND.en), _join(items, separator, AND.cy, AND_BEFORE_VOWEL_CY))


def candidate_names(contest: Contest, ids: Iterable[str], *, with_description: bool = False) -> ByLang:
    """The named candidates, in ballot-paper order, joined for a sentence."""
    wanted = set(ids)
    chosen = [c for c in contest.candidates if c.id in wanted]
    if with_description:
        return join_names((name_with_description(c) for c in chosen), separator="; ")
    return join_names(safe(c.name) for c in chosen)
