"""Every phrase printed on a document, in English and in Welsh: the one table to review.

Each entry carries a confidence mark (domain.md §9):
  H  seen in statute or on a real bilingual notice;
  M  Electoral Commission Welsh guidance, or built from statutory wording;
  L  composed here: a Welsh speaker must check it before release.
Layout code never holds a sentence of its own: it names a key here. Placeholders in braces are
filled with already-escaped values (names, figures, dates).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Phrase:
    en: str
    cy: str
    mark: str  # "H" | "M" | "L"


_P = Phrase

_TABLE: dict[str, Phrase] = {
    # Titles and headings
    "title.declaration": _P("Declaration of result of poll", "Datganiad o Ganlyniad y Bleidlais", "H"),
    "title.rejected": _P("Statement of rejected ballot papers",
                         "Datganiad o'r Papurau Pleidleisio a Wrthodwyd", "M"),
    "title.verification": _P("Statement as to the result of the verification",
                             "Datganiad ynghylch Canlyniad y Dilysu", "L"),
    "title.provisional": _P("Provisional result", "Canlyniad Dros Dro", "L"),
    "title.uncontested": _P("Notice of uncontested election", "Hysbysiad o etholiad diwrthwynebiad", "L"),
    "title.referendum": _P("Declaration of result of referendum", "Datganiad o ganlyniad y refferendwm", "L"),
    "title.first_count": _P("Provisional statement at the conclusion of the first count",
                            "Datganiad dros dro ar ddiwedd y cyfrif cyntaf", "L"),
    "title.second_count": _P("Provisional statement after the count of second preference votes",
                             "Datganiad dros dro ar ôl cyfrif y pleidleisiau ail ddewis", "L"),
    "provisional.mark": _P("PROVISIONAL", "DROS DRO", "L"),
    "provisional.banner": _P("PROVISIONAL: not a declaration of result",
                             "DROS DRO: nid datganiad o ganlyniad", "L"),
    "incomplete.mark": _P("INCOMPLETE", "ANGHYFLAWN", "L"),
    "incomplete.banner": _P("INCOMPLETE: the count is not complete, this is not a result",
                            "ANGHYFLAWN: nid yw'r cyfrif yn gyflawn, nid canlyniad yw hwn", "L"),
    "heading.councillors_one": _P("Election of a Councillor for the {ward} ward",
                                  "Ethol Cynghorydd ar gyfer Ward Etholiadol {ward}", "M"),
    # "3 o Gynghorwyr": a figure, "o" and the plural, soft-mutated.
    "heading.councillors_many": _P("Election of {n} Councillors for the {ward} ward",
                                   "Ethol {n} o Gynghorwyr ar gyfer Ward Etholiadol {ward}", "M"),
    "heading.member_of_parliament": _P("Election of a Member of Parliament for the {constituency} constituency",
                                       "Ethol Aelod Seneddol dros Etholaeth {constituency}", "M"),
    "heading.area": _P("Counting area", "Ardal gyfrif", "L"),
    # A label, not a sentence: "ar" would need the day's name mutated ("ar ddydd Iau").
    "heading.poll": _P("Date of poll", "Dyddiad y bleidlais", "M"),

    # Opening sentences. {named} is "NAME, " or nothing; {officer} is the officer's title below.
    "open.declaration": _P(
        "I, {named}being the {officer} at the above election, do hereby give notice that the number of "
        "votes recorded for each candidate at the said election is as follows:",
        "Rwyf i, {named}sef y {officer} yn yr etholiad uchod, drwy hyn yn rhoi hysbysiad bod nifer y "
        "pleidleisiau a gofnodwyd ar gyfer pob ymgeisydd yn yr etholiad hwnnw fel a ganlyn:", "L"),
    "open.rejected": _P(
        "I, {named}being the {officer} at the above election, do hereby give notice that the number of "
        "ballot papers rejected at the said election was as follows:",
        "Rwyf i, {named}sef y {officer} yn yr etholiad uchod, drwy hyn yn rhoi hysbysiad bod nifer y "
        "papurau pleidleisio a wrthodwyd yn yr etholiad hwnnw fel a ganlyn:", "L"),
    "open.uncontested": _P(
        "I, {named}being the {officer} at the above election, do hereby give notice that the number of "
        "candidates remaining validly nominated did not exceed the number to be elected, so no poll was taken.",
        "Rwyf i, {named}sef y {officer} yn yr etholiad uchod, drwy hyn yn rhoi hysbysiad nad oedd nifer yr "
        "ymgeiswyr a oedd yn dal wedi'u henwebu'n ddilys yn fwy na'r nifer i'w hethol, felly ni chynhaliwyd "
        "pleidlais.", "L"),
    "open.referendum": _P(
        "I, {named}being the {officer} for the above referendum, do hereby give notice that the number of "
        "votes cast for each answer to the question asked in the referendum is as follows:",
        "Rwyf i, {named}sef y {officer} ar gyfer y refferendwm uchod, drwy hyn yn rhoi hysbysiad bod nifer y "
        "pleidleisiau a fwriwyd dros bob ateb i'r cwestiwn a ofynnwyd yn y refferendwm fel a ganlyn:", "L"),
    "open.first_count": _P(
        "I, {named}being the {officer} at the above election, give notice that at the conclusion of the "
        "first count (including any re-count) the figures were as follows:",
        "Rwyf i, {named}sef y {officer} yn yr etholiad uchod, yn rhoi hysbysiad bod y ffigurau ar ddiwedd "
        "y cyfrif cyntaf (gan gynnwys unrhyw ailgyfrif) fel a ganlyn:", "L"),
    "open.second_count": _P(
        "I, {named}being the {officer} at the above election, give notice that after the count of second "
        "preference votes the figures were as follows:",
        "Rwyf i, {named}sef y {officer} yn yr etholiad uchod, yn rhoi hysbysiad bod y ffigurau ar ôl "
        "cyfrif y pleidleisiau ail ddewis fel a ganlyn:", "L"),
    "open.verification": _P(
        "Each ballot box was opened and the ballot papers in it counted and compared with its ballot "
        "paper account; the postal ballot papers were counted and recorded. The result is as follows:",
        "Agorwyd pob blwch pleidleisio a chyfrifwyd y papurau pleidleisio ynddo a'u cymharu â'i gyfrif "
        "papurau pleidleisio; cyfrifwyd a chofnodwyd y papurau pleidleisio drwy'r post. Mae'r canlyniad "
        "fel a ganlyn:", "L"),
    "open.provisional": _P(
        "The provisional number of votes recorded is as follows. These figures may change before the result "
        "is declared.",
        "Mae nifer dros dro y pleidleisiau a gofnodwyd fel a ganlyn. Gall y ffigurau hyn newid cyn i'r "
        "canlyniad gael ei ddatgan.", "L"),

    # Candidate table
    "col.candidate": _P("Candidate", "Ymgeisydd", "H"),
    "col.description": _P("Description", "Disgrifiad", "H"),
    "col.votes": _P("Number of votes", "Nifer y pleidleisiau", "H"),
    "col.first": _P("First preference votes", "Pleidleisiau dewis cyntaf", "H"),
    "col.transfers": _P("Second preference votes transferred", "Pleidleisiau ail ddewis a drosglwyddwyd", "M"),
    "col.total": _P("Total", "Cyfanswm", "H"),
    "col.elected": _P("Elected", "Etholwyd", "M"),
    "row.total_valid": _P("Total valid votes", "Cyfanswm y pleidleisiau dilys", "M"),
    "row.non_transferable": _P("Non-transferable ballot papers", "Papurau pleidleisio na ellir eu trosglwyddo", "L"),
    "sv.elected_on_first": _P(
        "{name} received more than half of the valid first preference votes ({votes} of {valid}), so no "
        "second preference votes were counted.",
        "Cafodd {name} fwy na hanner y pleidleisiau dewis cyntaf dilys ({votes} o {valid}), felly ni "
        "chyfrifwyd unrhyw bleidleisiau ail ddewis.", "L"),
    "sv.second_round": _P(
        "No candidate received more than half of the valid first preference votes. Every candidate "
        "other than {finalists} was excluded, and the second preference votes for {finalists} on the "
        "excluded candidates' ballot papers were transferred to them.",
        "Ni chafodd unrhyw ymgeisydd fwy na hanner y pleidleisiau dewis cyntaf dilys. Eithriwyd pob "
        "ymgeisydd ac eithrio {finalists}, a throsglwyddwyd iddynt y pleidleisiau ail ddewis ar eu cyfer "
        "ar bapurau pleidleisio'r ymgeiswyr a eithriwyd.", "L"),

    # Uncontested returns: seats left over
    "uncontested.unfilled_one": _P(
        "{n} of the {seats} seats to be filled remains unfilled: no other candidate was validly nominated.",
        "Mae {n} o'r {seats} sedd i'w llenwi heb ei llenwi: ni chafodd unrhyw ymgeisydd arall ei enwebu'n "
        "ddilys.", "L"),
    "uncontested.unfilled_many": _P(
        "{n} of the {seats} seats to be filled remain unfilled: no other candidates were validly nominated.",
        "Mae {n} o'r {seats} sedd i'w llenwi heb eu llenwi: ni chafodd unrhyw ymgeiswyr eraill eu henwebu'n "
        "ddilys.", "L"),

    # Referendums (SI 2012/2031 Sch 3 r.41 for an equality of votes)
    "referendum.question": _P("The question asked: {question}", "Y cwestiwn a ofynnwyd: {question}", "L"),
    "col.answer": _P("Answer", "Ateb", "M"),
    "row.papers_counted": _P("Ballot papers counted", "Papurau pleidleisio a gyfrifwyd", "M"),
    "referendum.decided": _P(
        "And I do hereby declare that more than half of the valid votes were cast for the answer {answer}.",
        "Ac rwyf drwy hyn yn datgan bod mwy na hanner y pleidleisiau dilys wedi'u bwrw dros yr ateb {answer}.",
        "L"),
    "referendum.equal": _P(
        "An equality of votes was found between the answers: the result is that there is no majority in favour "
        "of the proposal put to the referendum. No lot is drawn at a referendum.",
        "Cafwyd pleidleisiau cyfartal rhwng yr atebion: y canlyniad yw nad oes mwyafrif o blaid y cynnig a "
        "roddwyd i'r refferendwm. Ni thynnir coelbren mewn refferendwm.", "L"),

    # The statements of a count that does not declare (local statements)
    "row.papers_used": _P("Total number of ballot papers used",
                          "Cyfanswm nifer y papurau pleidleisio a ddefnyddiwyd", "M"),
    "row.papers_rejected": _P("Total number of rejected ballot papers",
                              "Cyfanswm nifer y papurau pleidleisio a wrthodwyd", "M"),
    "statement.not_declaration": _P("This statement is not a declaration of result.",
                                    "Nid yw'r datganiad hwn yn ddatganiad o ganlyniad.", "L"),

    # Rejected ballot papers
    "rejected.intro": _P("The number of ballot papers rejected was as follows:",
                         "Roedd nifer y papurau pleidleisio a wrthodwyd fel a ganlyn:", "M"),
    "col.reason": _P("Reason for rejection", "Rheswm dros wrthod", "M"),
    "col.papers": _P("Number of ballot papers", "Nifer y papurau pleidleisio", "M"),
    "row.rejected_total": _P("Total rejected ballot papers", "Cyfanswm y papurau pleidleisio a wrthodwyd", "M"),
    "row.rejected_in_part": _P("Rejected in part (the valid votes on them were counted)",
                               "Gwrthodwyd yn rhannol (cyfrifwyd y pleidleisiau dilys arnynt)", "H"),
    "second_rejected.intro": _P(
        "Ballot papers rejected at the count of second preference votes",
        "Papurau pleidleisio a wrthodwyd wrth gyfrif y pleidleisiau ail ddewis", "L"),
    # The rejected heads, keyed by their English words as the regime table (domain/regimes.py) gives
    # them: "head:" + the English label. A test checks every head of every row has its Welsh here.
    "head:Want of an official mark": _P("Want of an official mark", "Dim marc swyddogol", "M"),
    "head:Voting for more than one candidate as to the first preference vote": _P(
        "Voting for more than one candidate as to the first preference vote",
        "Pleidleisio dros fwy nag un ymgeisydd o ran y bleidlais dewis cyntaf", "L"),
    "head:Voting for more than one candidate": _P("Voting for more than one candidate",
                                                  "Pleidleisio dros fwy nag un ymgeisydd", "L"),
    "head:Voting for more candidates than the voter was entitled to": _P(
        "Voting for more candidates than the voter was entitled to",
        "Pleidleisio dros fwy o ymgeiswyr nag y mae gan y pleidleisiwr hawl i bleidleisio drostynt", "M"),
    "head:Voting for more than one answer": _P("Voting for more than one answer",
                                               "Pleidleisio dros fwy nag un ateb", "L"),
    "head:Writing or mark by which the voter could be identified": _P(
        "Writing or mark by which the voter could be identified",
        "Ysgrifen neu farc y gellir adnabod y pleidleisiwr drwyddo", "M"),
    "head:Unmarked as to the first preference vote": _P("Unmarked as to the first preference vote",
                                                        "Heb ei farcio o ran y bleidlais dewis cyntaf", "L"),
    "head:Void for uncertainty as to the first preference vote": _P(
        "Void for uncertainty as to the first preference vote",
        "Di-rym oherwydd ansicrwydd o ran y bleidlais dewis cyntaf", "L"),
    "head:Unmarked": _P("Unmarked", "Heb ei farcio", "M"),
    "head:Void for uncertainty": _P("Void for uncertainty", "Di-rym oherwydd ansicrwydd", "M"),
    "head:Unmarked or void for uncertainty as to the first preference vote": _P(
        "Unmarked or void for uncertainty as to the first preference vote",
        "Heb ei farcio neu'n ddi-rym oherwydd ansicrwydd o ran y bleidlais dewis cyntaf", "L"),
    "head:Unmarked or void for uncertainty": _P("Unmarked or void for uncertainty",
                                                "Heb ei farcio neu'n ddi-rym oherwydd ansicrwydd", "M"),
    "head:Unmarked or wholly void for uncertainty": _P(
        "Unmarked or wholly void for uncertainty", "Heb ei farcio neu'n gyfan gwbl ddi-rym oherwydd ansicrwydd",
        "M"),
    # The one statutory second-stage figure (domain.md §2b): PCC Order 2012 Sch 3 r.62(2)(d)(ii);
    # SI 2007/1024 Sch 1 r.54(2)(d)(ii).
    "head.second_rejected": _P(
        "Ballot papers rejected for the purposes of the count of second preference votes on the ground that "
        "they were unmarked or void for uncertainty as to the second preference vote",
        "Papurau pleidleisio a wrthodwyd at ddibenion cyfrif y pleidleisiau ail ddewis ar y sail eu bod heb eu "
        "marcio neu'n ddi-rym oherwydd ansicrwydd o ran y bleidlais ail ddewis", "L"),

    # Electorate, papers verified, turnout
    "fig.electorate": _P("Electorate", "Etholwyr", "M"),
    "fig.verified": _P("Ballot papers verified", "Papurau pleidleisio a ddilyswyd", "M"),
    "fig.turnout": _P("Turnout", "Y ganran a bleidleisiodd", "M"),
    "fig.turnout_formula": _P("ballot papers verified ÷ electorate × 100",
                              "papurau pleidleisio a ddilyswyd ÷ etholwyr × 100", "M"),
    "fig.not_given": _P("not given", "heb ei roi", "L"),
    "fig.verification_incomplete": _P("verification not complete", "nid yw'r dilysu wedi'i gwblhau", "L"),
    "fig.not_available": _P("not available", "ddim ar gael", "L"),

    # Lots and the declaration sentence
    # The effect the law gives a lot (RPA 1983 Sch 1 r.49; Principal Areas Rules 2006 r.49; the SV
    # final stage): the EC's suggested wording, then the facts as recorded.
    "lot.allotted": _P(
        "Following an equality of votes, lots were drawn and, as a consequence, an additional vote was "
        "allotted to {winners}.",
        "Yn dilyn pleidleisiau cyfartal, tynnwyd coelbren ac, o ganlyniad, dyrannwyd pleidlais ychwanegol "
        "i {winners}.", "L"),
    "lot.facts": _P(
        "The equality of votes was between {tied}. The lot was drawn by {by} on {when}, in the presence "
        "of {witnesses}.",
        # The date in brackets: after "ar" the day's name would need a mutation ("ar ddydd Gwener").
        "Roedd y pleidleisiau cyfartal rhwng {tied}. Tynnwyd y coelbren gan {by} ({when}), ym "
        "mhresenoldeb {witnesses}.", "L"),
    "lot.when": _P("{day} at {time}", "{day} am {time}", "L"),
    "lot.not_recorded": _P("(not recorded)", "(heb ei gofnodi)", "L"),
    # Welsh: "mai … a etholwyd" (impersonal past) needs no choice between "ei ethol" and "ei hethol",
    # and reads the same for one candidate or several.
    "declare.one": _P("And I do hereby declare that {names} is duly elected.",
                      "Ac rwyf drwy hyn yn datgan mai {names} a etholwyd yn briodol.", "L"),
    # {office}: the English office, and in Welsh the office after "yn", mutated ("yn Faer Lerpwl").
    "declare.one_as": _P("And I do hereby declare that {names} is duly elected as {office}.",
                         "Ac rwyf drwy hyn yn datgan mai {names} a etholwyd yn briodol yn {office}.", "L"),
    "declare.council_one": _P(
        "And I do hereby declare that {names} is duly elected as Councillor for the {ward} ward.",
        "Ac rwyf drwy hyn yn datgan mai {names} a etholwyd yn briodol yn Gynghorydd ar gyfer Ward "
        "Etholiadol {ward}.", "L"),
    "declare.council_many": _P(
        "And I do hereby declare that {names} are duly elected as Councillors for the {ward} ward.",
        "Ac rwyf drwy hyn yn datgan mai {names} a etholwyd yn briodol yn Gynghorwyr ar gyfer Ward "
        "Etholiadol {ward}.", "L"),
    # RPA 1983 Sch 1 r.50(1): the candidate declared elected; "Member of Parliament for the said
    # constituency" as the customary notice words it.
    "declare.parliament": _P(
        "And I do hereby declare that {names} is duly elected as the Member of Parliament for the said "
        "constituency.",
        "Ac rwyf drwy hyn yn datgan mai {names} a etholwyd yn briodol yn Aelod Seneddol dros yr etholaeth "
        "honno.", "L"),
    # The office's name where the contest's title gives only the area it is for (domain.md §9).
    "office.local_mayor": _P("Mayor", "Maer", "H"),
    "office.combined_authority_mayor": _P("Mayor", "Maer", "H"),
    "office.pcc": _P("Police and Crime Commissioner", "Comisiynydd Heddlu a Throseddu", "H"),
    "declare.many": _P("And I do hereby declare that {names} are duly elected.",
                       "Ac rwyf drwy hyn yn datgan mai {names} a etholwyd yn briodol.", "L"),

    # Signature block
    "sign.signed": _P("Signed", "Llofnodwyd", "M"),

    # Officers (domain.md §10), keyed "officer:" + the English title the regime table gives.
    "officer:Returning Officer": _P("Returning Officer", "Swyddog Canlyniadau", "H"),
    "officer:Acting Returning Officer": _P("Acting Returning Officer", "Swyddog Canlyniadau Gweithredol", "H"),
    "officer:Local Returning Officer": _P("Local Returning Officer", "Swyddog Canlyniadau Lleol", "H"),
    "officer:Police Area Returning Officer": _P("Police Area Returning Officer",
                                                "Swyddog Canlyniadau Ardal yr Heddlu", "H"),
    "officer:Combined Authority Returning Officer": _P("Combined Authority Returning Officer",
                                                       "Swyddog Canlyniadau'r Awdurdod Cyfun", "L"),
    "officer:Combined County Authority Returning Officer": _P(
        "Combined County Authority Returning Officer", "Swyddog Canlyniadau'r Awdurdod Sirol Cyfun", "L"),
    "officer:Counting Officer": _P("Counting Officer", "Swyddog Cyfrif", "L"),
    # "Dirprwy" before a title: "Swyddog" keeps its S under the soft mutation that follows.
    "officer.deputy": _P("Deputy {title}", "Dirprwy {title}", "M"),
    "sign.dated": _P("Dated", "Dyddiad", "M"),
    "sign.place": _P("Place", "Lleoliad", "L"),

    # Footer
    "foot.page": _P("Page {page} of {pages}", "Tudalen {page} o {pages}", "M"),
    "foot.fingerprint": _P("Count file fingerprint", "Ôl bys y ffeil gyfrif", "L"),
    "foot.trail": _P("audit trail to row {row}, head {head}", "llwybr archwilio hyd at res {row}, pen {head}", "L"),
    "foot.produced": _P("Produced {when}", "Cynhyrchwyd {when}", "L"),
    "running.continued": _P("{title} (continued)", "{title} (parhad)", "L"),

    # Verification statement
    "col.box": _P("Box", "Blwch", "M"),
    "col.box_description": _P("Description", "Disgrifiad", "H"),
    "col.type": _P("Type", "Math", "M"),
    "col.account": _P("Ballot paper account", "Cyfrif papurau pleidleisio", "L"),
    "col.verified": _P("Verified", "Wedi'u dilysu", "L"),
    "col.difference": _P("Difference", "Gwahaniaeth", "M"),
    "col.note": _P("Note", "Nodyn", "M"),
    "box.station": _P("Station", "Gorsaf", "M"),
    "box.postal": _P("Postal", "Post", "M"),
    "box.not_verified": _P("not verified", "heb ei ddilysu", "L"),
    "group.station": _P("Polling station boxes", "Blychau gorsafoedd pleidleisio", "L"),
    "group.postal": _P("Postal ballot boxes", "Blychau papurau pleidleisio drwy'r post", "L"),
    "row.subtotal_station": _P("Subtotal, polling station boxes", "Is-gyfanswm, blychau gorsafoedd pleidleisio", "L"),
    "row.subtotal_postal": _P("Subtotal, postal ballot boxes", "Is-gyfanswm, blychau drwy'r post", "L"),
    "row.grand_total": _P("Total, all boxes", "Cyfanswm, pob blwch", "L"),
    "verification.unverified": _P("Boxes not yet verified: {n}. The totals above are incomplete.",
                                  "Blychau heb eu dilysu eto: {n}. Nid yw'r cyfansymiau uchod yn gyflawn.", "L"),
    # The count file holds each box's account as one figure (no issued, unused or spoilt parts), so
    # the statement says what that figure is rather than printing parts it does not have.
    "verification.account_note": _P(
        "Ballot paper account: for a polling station box, the number of ballot papers the presiding "
        "officer's account says are in the box (papers issued, less those unused, spoilt and tendered); "
        "for a postal ballot box, the number of postal ballot papers placed in it. A difference between "
        "the papers verified and the account is explained in the note.",
        "Cyfrif papurau pleidleisio: ar gyfer blwch gorsaf bleidleisio, nifer y papurau pleidleisio y mae "
        "cyfrif y swyddog llywyddu yn dweud eu bod yn y blwch (y papurau a roddwyd, heb y rhai na "
        "ddefnyddiwyd, a ddifethwyd ac a dendrwyd); ar gyfer blwch papurau pleidleisio drwy'r post, nifer y "
        "papurau pleidleisio drwy'r post a roddwyd ynddo. Esbonnir unrhyw wahaniaeth rhwng y papurau a "
        "ddilyswyd a'r cyfrif yn y nodyn.", "L"),
    "verification.none": _P("No ballot boxes have been recorded.", "Nid oes unrhyw flychau pleidleisio wedi'u cofnodi.",
                            "L"),

    # Provisional sheet: where the count stands, and the checks the RO must see
    "status.would_be_elected": _P("On these figures {names} would be elected.",
                                  "Ar sail y ffigurau hyn, {names} a etholid.", "L"),
    "status.would_be_elected_many": _P("On these figures {names} would be elected.",
                                       "Ar sail y ffigurau hyn, {names} a etholid.", "L"),
    "status.needs_lot": _P(
        "{tied} are tied on {votes} votes: the Returning Officer must decide between them by lot before "
        "the result can be declared.",
        "Mae {tied} yn gyfartal ar {votes} o bleidleisiau: rhaid i'r Swyddog Canlyniadau benderfynu "
        "rhyngddynt drwy fwrw coelbren cyn y gellir datgan y canlyniad.", "L"),
    "status.awaiting_second": _P(
        "No candidate has more than half of the valid first preference votes. The candidates remaining "
        "in the contest are {finalists}; the second preference votes are still to be counted.",
        "Nid oes gan unrhyw ymgeisydd fwy na hanner y pleidleisiau dewis cyntaf dilys. Yr ymgeiswyr sy'n "
        "aros yn yr ornest yw {finalists}; mae'r pleidleisiau ail ddewis eto i'w cyfrif.", "L"),
    "declare.accepted_round1": _P(
        "The Returning Officer accepted a difference between the ballot papers counted ({counted}) and the "
        "ballot papers verified ({expected}): {reason} (accepted by {by}, {at}).",
        "Derbyniodd y Swyddog Canlyniadau wahaniaeth rhwng y papurau pleidleisio a gyfrifwyd ({counted}) a'r "
        "papurau pleidleisio a ddilyswyd ({expected}): {reason} (derbyniwyd gan {by}, {at}).", "L"),
    "declare.accepted_round2": _P(
        "The Returning Officer accepted a difference between the ballot papers examined for second preferences "
        "({counted}) and the first preferences of the candidates excluded ({expected}): {reason} (accepted by "
        "{by}, {at}).",
        "Derbyniodd y Swyddog Canlyniadau wahaniaeth rhwng y papurau pleidleisio a archwiliwyd am ail ddewisiadau "
        "({counted}) a dewisiadau cyntaf yr ymgeiswyr a eithriwyd ({expected}): {reason} (derbyniwyd gan {by}, "
        "{at}).", "L"),
    "status.incomplete": _P(
        "INCOMPLETE: no one is elected on these figures until every verified paper is accounted for. "
        "Still missing:",
        "ANGHYFLAWN: nid oes neb wedi'i ethol ar sail y ffigurau hyn nes bod pob papur a ddilyswyd wedi'i "
        "gyfrif. Yn dal ar goll:", "L"),
    "status.answer_carried": _P("On these figures the answer {answer} has more than half of the valid votes.",
                                "Ar sail y ffigurau hyn, mae gan yr ateb {answer} fwy na hanner y pleidleisiau "
                                "dilys.", "L"),
    "status.answers_equal": _P(
        "On these figures the votes for each answer are equal: there would be no majority in favour.",
        "Ar sail y ffigurau hyn, mae'r pleidleisiau dros bob ateb yn gyfartal: ni fyddai mwyafrif o blaid.", "L"),
    "status.counted": _P(
        "The figures of this counting area are complete. They go to the collating officer, who declares the "
        "result of the poll.",
        "Mae ffigurau'r ardal gyfrif hon yn gyflawn. Maent yn mynd at y swyddog sy'n coladu, sy'n datgan "
        "canlyniad y bleidlais.", "L"),
    "status.uncontested": _P(
        "No poll was taken: the candidates remaining validly nominated are not more than the seats.",
        "Ni chynhaliwyd pleidlais: nid yw'r ymgeiswyr sy'n dal wedi'u henwebu'n ddilys yn fwy na'r seddi.", "L"),
    "status.no_sheets": _P("No count sheets have been entered yet.",
                           "Nid oes unrhyw daflenni cyfrif wedi'u cofnodi eto.", "L"),
    "warnings.title": _P("Checks still standing", "Gwiriadau sydd heb eu datrys", "L"),
    "warnings.none": _P("None: every check passes.", "Dim: mae pob gwiriad yn llwyddo.", "L"),
}

PHRASES = MappingProxyType(_TABLE)

#: Conjunction between the last two names of a list. Welsh "a" becomes "ac" before a vowel.
AND = _P("and", "a", "H")
AND_BEFORE_VOWEL_CY = "ac"

WEEKDAYS: tuple[Phrase, ...] = (
    _P("Monday", "Dydd Llun", "H"), _P("Tuesday", "Dydd Mawrth", "H"), _P("Wednesday", "Dydd Mercher", "H"),
    _P("Thursday", "Dydd Iau", "H"), _P("Friday", "Dydd Gwener", "H"), _P("Saturday", "Dydd Sadwrn", "H"),
    _P("Sunday", "Dydd Sul", "H"),
)

MONTHS: tuple[Phrase, ...] = (
    _P("January", "Ionawr", "H"), _P("February", "Chwefror", "H"), _P("March", "Mawrth", "H"),
    _P("April", "Ebrill", "H"), _P("May", "Mai", "H"), _P("June", "Mehefin", "H"),
    _P("July", "Gorffennaf", "H"), _P("August", "Awst", "H"), _P("September", "Medi", "H"),
    _P("October", "Hydref", "H"), _P("November", "Tachwedd", "H"), _P("December", "Rhagfyr", "H"),
)


def phrase(key: str) -> Phrase:
    """The entry for `key`; a missing key is a programming error and fails loudly in tests."""
    return PHRASES[key]
