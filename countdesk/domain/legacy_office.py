"""The office and counting role of a contest that was set up before countdesk knew them.

A `countdesk/1` count file, and a count database made before migration m0004, name no office.
This is the one place that infers it, once, when such a contest is read or upgraded: the result
is then stored and shown to the user ("office inferred: …"), who can correct it in Set-up. Nothing
else in countdesk decides an office from an id or a title (domain.md §6).

The id is read as a Democracy Club election identifier (``mayor.liverpool.2021-05-06``,
``pcc.merseyside.2021-05-06``, ``parl.…``, ``local.…``): its first part is the election type.
The title is only consulted to tell a combined-authority mayor from a local one, and only for
whole phrases ("combined authority", "city region"), never a single word like "mayor".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Counting, Office, VotingSystem
from .regimes import COLLATED_OFFICES

_PCC_PHRASES = re.compile(r"\bpolice(,| and) (fire and )?crime commissioner\b", re.IGNORECASE)
#: A title that starts by naming a mayoralty ("Mayor of …", "Election of the Mayor of …"); a place
#: name such as "Testbury and Mayor's Cross" does not.
_MAYOR_TITLE = re.compile(r"^(election of )?(the )?mayor of\b", re.IGNORECASE)
_CA_PHRASES = re.compile(r"\b(combined (county )?authority|city region)\b", re.IGNORECASE)
#: Democracy Club ids of combined-authority mayors name the authority with "-ca" or "-cca".
_CA_ID_PART = re.compile(r"-c?ca$")
_TYPE_OFFICES = {
    "parl": Office.PARLIAMENT,
    "pcc": Office.PCC,
    "local": Office.COUNCIL,
    "parish": Office.COUNCIL,
    "ref": Office.REFERENDUM,
}


@dataclass(frozen=True)
class InferredOffice:
    office: Office
    counting: Counting
    #: How it was inferred, for the warning ("from the id prefix "pcc"").
    basis: str

    def describe(self) -> str:
        return (f'office inferred as "{self.office.value}" {self.basis}, counting as '
                f'"{self.counting.value}"{_counting_basis(self)}')


def _counting_basis(inferred: InferredOffice) -> str:
    if inferred.counting is Counting.LOCAL:
        return " (a PCC or combined-authority mayoral poll is counted in local areas and collated)"
    return ""


def infer_office(contest_id: str, title: str, system: VotingSystem | str, seats: int) -> InferredOffice:
    """The office a legacy contest most probably is, and how that was decided."""
    system = VotingSystem(system)
    parts = contest_id.lower().split(".")
    kind = parts[0] if len(parts) > 1 else ""
    if system is VotingSystem.REFERENDUM:
        return _with_counting(Office.REFERENDUM, "from its referendum system")
    if kind == "mayor":
        if _CA_ID_PART.search(parts[1]) or _CA_PHRASES.search(title):
            return _with_counting(Office.COMBINED_AUTHORITY_MAYOR,
                                  'from the id prefix "mayor" and a combined authority in its id or title')
        return _with_counting(Office.LOCAL_MAYOR, 'from the id prefix "mayor"')
    if kind in _TYPE_OFFICES and not (kind == "parl" and seats != 1):
        return _with_counting(_TYPE_OFFICES[kind], f'from the id prefix "{kind}"')
    if _PCC_PHRASES.search(title):
        return _with_counting(Office.PCC, "from its title (no election type in its id)")
    if _CA_PHRASES.search(title) and _MAYOR_TITLE.search(title):
        return _with_counting(Office.COMBINED_AUTHORITY_MAYOR, "from its title (no election type in its id)")
    if _MAYOR_TITLE.search(title):
        return _with_counting(Office.LOCAL_MAYOR, "from its title (no election type in its id)")
    if system is VotingSystem.SV:
        return _with_counting(Office.LOCAL_MAYOR, "from its supplementary vote (no election type in its id)")
    return _with_counting(Office.COUNCIL, "from its first-past-the-post system (no election type in its id)")


def _with_counting(office: Office, basis: str) -> InferredOffice:
    local = office in COLLATED_OFFICES
    return InferredOffice(office, Counting.LOCAL if local else Counting.WHOLE, basis)
