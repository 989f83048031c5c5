"""What is being elected, as the documents word it: the heading of a ward ("Election of 3
Councillors for the X ward") and the office in the declaring sentence ("as Councillors for the X
ward", "as Mayor of Liverpool", "as the Member of Parliament for the said constituency"), in English
and in Welsh.

The office is the contest's `office` (never guessed from its id or title); the title only gives the
name the office is for (the ward, the mayoralty, the police area). Welsh: a title after the
predicative "yn" takes the soft mutation ("yn Faer", "yn Gomisiynydd", "yn Gynghorwyr").
"""

from __future__ import annotations

import re

from ..domain.model import Contest, Office
from .text import ByLang, safe, say_plain

_WARD_WORD = re.compile(r"^\s*(ward\s+)?|(\s+ward)?\s*$", re.IGNORECASE)
_CONSTITUENCY_WORD = re.compile(r"^\s*(etholaeth\s+)?|(\s+constituency)?\s*$", re.IGNORECASE)
_ELECTION_OF = re.compile(r"^\s*(the\s+)?election\s+of\s+(the\s+|a\s+|an\s+)?", re.IGNORECASE)
_ETHOL = re.compile(r"^\s*ethol\s+", re.IGNORECASE)

#: Soft mutation of a word's first letters after the predicative "yn" (ll and rh keep theirs there).
_SOFT = (("c", "g"), ("p", "b"), ("t", "d"), ("b", "f"), ("d", "dd"), ("m", "f"), ("g", ""))


def soft_mutation(text: str) -> str:
    """"Maer Lerpwl" -> "Faer Lerpwl", "Comisiynydd …" -> "Gomisiynydd …", "Aelod" unchanged."""
    lower = text.lower()
    if lower.startswith(("ll", "rh", "ch", "ph", "th")):
        return text
    for plain, mutated in _SOFT:
        if lower.startswith(plain):
            rest = text[len(plain):]
            if not mutated:
                return rest[:1].upper() + rest[1:] if text[:1].isupper() else rest
            return (mutated.capitalize() if text[:1].isupper() else mutated) + rest
    return text


def ward_name(contest: Contest) -> ByLang:
    """The ward's name without the word "ward" ("Caergybi / Holyhead ward" -> "Caergybi / Holyhead");
    the Welsh title where one is given, else the same name."""
    english = _WARD_WORD.sub("", contest.title).strip() or contest.title.strip()
    welsh = _WARD_WORD.sub("", contest.title_cy).strip() if contest.title_cy else english
    return ByLang(english, welsh or english)


def is_ward(contest: Contest) -> bool:
    return contest.office is Office.COUNCIL


def heading_lines(contest: Contest, lang: str) -> tuple[str, ...]:
    """What is elected, heading the document in place of the contest's title where the title is
    only a place: a ward "Election of 3 Councillors for the X ward" (domain.md §9), a constituency
    "Election of a Member of Parliament for the X constituency". Empty for other offices."""
    if is_ward(contest):
        key = "heading.councillors_many" if contest.seats > 1 else "heading.councillors_one"
        return say_plain(key, lang, n=str(contest.seats), ward=ward_name(contest))
    if contest.office is Office.PARLIAMENT:
        return say_plain("heading.member_of_parliament", lang, constituency=constituency_name(contest))
    return ()


def constituency_name(contest: Contest) -> ByLang:
    english = _CONSTITUENCY_WORD.sub("", contest.title).strip() or contest.title.strip()
    welsh = _CONSTITUENCY_WORD.sub("", contest.title_cy).strip() if contest.title_cy else english
    return ByLang(english, welsh or english)


def declaring_sentence_key(contest: Contest, elected: int) -> tuple[str, dict[str, ByLang | str]]:
    """The phrase key of the declaring sentence and its values besides the names (escaped)."""
    office = contest.office_held
    if office is Office.COUNCIL:
        ward = ward_name(contest)
        key = "declare.council_many" if elected > 1 else "declare.council_one"
        return key, {"ward": ByLang(safe(ward.en), safe(ward.cy))}
    if office is Office.PARLIAMENT:
        return "declare.parliament", {}
    if office in (Office.LOCAL_MAYOR, Office.COMBINED_AUTHORITY_MAYOR, Office.PCC):
        english, welsh = _office_name(contest, office)
        return "declare.one_as", {"office": ByLang(safe(english), safe(welsh))}
    return ("declare.many" if elected > 1 else "declare.one"), {}


def _office_name(contest: Contest, office: Office) -> tuple[str, str]:
    """("Mayor of Liverpool", "Faer Lerpwl"): the English office as the title names it (the noun
    added where the title gives only the area), and its Welsh, mutated for "yn"."""
    noun_cy, noun_en = say_plain(f"office.{office.value}", "cy-en")
    title = _ELECTION_OF.sub("", contest.title).strip()
    if noun_en.split()[0].lower() in title.lower():
        english = title
    else:
        joiner = "for" if office is Office.PCC else "of"
        english = f"{noun_en} {joiner} {title}"
    if contest.title_cy:
        welsh = soft_mutation(_ETHOL.sub("", contest.title_cy).strip())
    else:
        welsh = f"{soft_mutation(noun_cy)} ({english})"
    return english, welsh
