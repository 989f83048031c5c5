<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy" sourcelanguage="en_GB">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supporting library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt {0} · PySide6 {1} · Python {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About countdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>countdesk icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;countdesk {0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>countdesk version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An offline count-centre application for UK returning officers. It uses no network: nothing is sent or fetched, ever.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bundled software and fonts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Licence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy versions to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled software and fonts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Licence of {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No licence file is shipped with this component; its licence is {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreaFiguresModel</name>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-transferable {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Reason: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-transferable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected in part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>electorate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returning officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poll date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh and English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voting system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>double entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drawn by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drawn at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>witnesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lot won by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second preference not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} → {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} → {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before:
{0}

After:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Backup failed: {0}</source>
        <extracomment>The backup being written on the pool, if any; the last one made.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup is made every five minutes while the count changes, and at once whenever a contest moves on a stage. Keep them on a second device, such as a USB stick: a backup on the same disk is lost with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good backups, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These backups are on the same disk as the count: choose a USB stick or another drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was not made: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BallotOrderDialog</name>
    <message>
        <source>Correct the ballot-paper order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the candidates in the order of the ballot paper (the statement of persons nominated). Figures stay with their candidates; the reason is kept in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates in ballot-paper order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Candidates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected candidate up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected candidate down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the statement of persons nominated lists OKAFOR first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot order problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;orrect the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order is unchanged: move a candidate, or cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the order is corrected: the reason is kept in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoxesModel</name>
    <message>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot paper account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>postal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not postal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The polling station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidatesEditor</name>
    <message>
        <source>Chan&amp;ge ballot order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the ballot-paper order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot-paper order corrected (Ctrl+Z to undo).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name as printed on the ballot paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}, {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The candidate&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: the name was not changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollatingOfficerDialog</name>
    <message>
        <source>Collating officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Police Area or Combined Authority Returning Officer declares the collated result: the declaration is printed in this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collating officer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by a &amp;deputy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documents are signed by a deputy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the collating officer&apos;s name: the declaration is made in it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollationWindow</name>
    <message>
        <source>Combined Authority Returning Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the declaration</source>
        <extracomment>The documents the window saves, as its titles and messages name them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The declaration was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the provisional result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provisional result was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collation folder (an empty folder starts a new one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collation could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import area bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expected areas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collating &amp;officer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;round-2 instruction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;declaration (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;provisional result (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the collation stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the &amp;declaration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures of each area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas, as they report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All areas together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1} of {2} areas in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — no expected areas listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collation: {0} — countdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the round-2 instruction &amp;again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the area&apos;s bundle folder on the USB stick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} has already reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the bundle from {0} accepted at {1} with this later one (for example its round-2 figures)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} accepted: fingerprint {1}, signing key {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collating officer was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collating officer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the round-2 instruction to (a USB stick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round-2 instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The round-2 instruction was not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round-2 instruction written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written and read back: {0}

Take it to every area ({1}). Each imports it (Count ▸ Import the round-2 instruction) before entering its round-2 sheets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContestPage</name>
    <message>
        <source>The first contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More contests (wards, PCC) can be added afterwards in Set-up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountWorkspace</name>
    <message>
        <source>INCOMPLETE: %1</source>
        <extracomment>No Alt keys on the tabs: Ctrl+1 to Ctrl+5 choose them, and Alt+C, Alt+V would clash with the Count and View menus (one press then only moved the focus, and a count was typed into the wrong tab).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoubleEntryDialog</name>
    <message>
        <source>Rejected {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected in part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-transferable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-transferable, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle sheet {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle a double-entry disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} was keyed by {1} and by {2}; the two differ in 1 field. A supervisor who keyed neither checks the paper sheet and types the correct figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} was keyed by {1} and by {2}; the two differ in {3} fields. A supervisor who keyed neither checks the paper sheet and types the correct figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct figure for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the disagreement was settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. checked against the paper sheet: Bob&apos;s figure for Smith is right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supervisor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How settled:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the figure on the paper sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The supervisor&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} keyed this sheet: a supervisor who keyed neither version settles it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how the figures were settled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ElectionDetailsDialog</name>
    <message>
        <source>Locked: the declared result of {0} is printed with these details. Unlock it (Count ▸ Unlock a declared result…) to change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Election details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nation (decides the lawful voting systems)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>England</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents signed by a &amp;deputy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The documents are signed by a deputy of the officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh title of the election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etholiadau lleol 6 Mai 2021</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh title of the &amp;election:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh title of the chosen contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh title of the &amp;contest:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh title of the &amp;contest ({0}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the details were not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the nation, deputy or Welsh title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ElectionPage</name>
    <message>
        <source>The election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As it will be printed on the declaration of result.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpectedAreasDialog</name>
    <message>
        <source>New collation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the collation: the area it covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Liverpool City Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One counting area per line, spelt as each area&apos;s count names itself (for example Halton, Knowsley, Liverpool…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected counting areas, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected &amp;areas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the collation a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List at least one counting area.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Bundle written and checked: safe to remove the USB stick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1} GB free — {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the results to USB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle holds the count file, the results in every format, the documents and the audit log, signed by this laptop. It is read back from the stick and checked before you are told it is safe to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;USB drive:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB drives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for USB drives again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder instead of a USB drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place of the count, printed on the documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Exhibition Centre Liverpool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Place of the count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint printed on the documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing key fingerprint, to read out to the collating officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No USB stick found. Put one in and press Refresh, or choose a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the bundle into this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: the partial bundle is being removed from the stick…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (%v of %m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the export is not in the count&apos;s audit trail: the count is open read-only here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint printed on the documents (typed back at collation):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each contest&apos;s fingerprint, printed on its documents (typed back at collation):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing key fingerprint (keep it with the signed paper: the collating officer asks for it):
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: nothing was left on the USB stick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldError</name>
    <message>
        <source>{0} problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Where to keep the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One file holds the whole count; every confirmed entry is saved in it at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the count file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it on this computer&apos;s disk, not on a USB stick: export results bundles for that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count fi&amp;le:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} already exists: choose another name, or open it instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {0} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the count as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count files (*{0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LotDialog</name>
    <message>
        <source>This records the result of the lot drawn by hand. It cannot be changed without the audit log showing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a lot — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The law says the returning officer decides by lot. Draw the lot by hand, in front of the candidates and agents; this application never draws. Then record here who won the lot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who won the lot?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who won the lot? Select {0} candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who won the lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot won by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawn by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names of the candidates, agents and staff who saw the lot drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO 8601 with the UTC offset, e.g. 2021-05-08T14:02:00+01:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drawn by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Witnesses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time drawn:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems with the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record lot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select exactly one candidate who won the lot ({0} selected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select exactly {1} candidates who won the lot ({0} selected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who drew the lot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the witnesses: a lot is recorded only with who saw it drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the time drawn as an ISO 8601 date and time with its offset, e.g. 2021-05-08T14:02:00+01:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lot fell on {0}.

{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lot was not recorded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The audit trail of %1 has been cut</source>
        <extracomment>The operator&apos;s name, asked once per session (per run of the app) and stamped on every change.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Restore the last good backup; the Audit log tab&apos;s Check the audit trail names what differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (count server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Election details saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCountWizard</name>
    <message>
        <source>New count</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Who is entering figures?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name is recorded against every change you make to this count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator name problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name is required: it is stamped on every change you make.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverallFiguresModel</name>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-transferable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total valid votes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperBindingDialog</name>
    <message>
        <source>first</source>
        <extracomment>Alt keys for the groups of a second and later contest: the first contest&apos;s groups take their digits, and K, Y, W, N and C belong to the key groups, the whole key, the new key and Check.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>third</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fourth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fifth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sixth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seventh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eighth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}th</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {0} group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and the </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {0} groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the bundle against the signed paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&lt;br&gt;Every file checked and the signature valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This replaces the bundle from {0} accepted at {1} (fingerprint {2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This bundle holds {0} contests, each with its own signed paper. Take each paper {1}&apos;s returning officer signed (the provisional statement or the declaration). At the foot of its pages is the contest&apos;s fingerprint, eight groups of four characters. From each contest&apos;s paper type {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the paper {0}&apos;s returning officer signed (the provisional statement or the declaration). At the foot of the page is the fingerprint, eight groups of four characters. Type {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group &amp;{0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group {0} (&amp;{1}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group {0} of the fingerprint on the paper of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group {0} of the fingerprint on the paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key group {0}:</source>
        <extracomment>The group fields of each contest&apos;s paper, by contest id, in the bundle&apos;s order.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ke&amp;y group {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group {0} of the signing key fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole signing key fingerprint, instead of two groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all eight groups, if you prefer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or the &amp;whole key fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}&apos;s returning officer confirms the area signs with a &amp;new key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area&apos;s returning officer confirms the new signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the groups typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 3F2A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then the key that signed the bundle. {0}&apos;s export printed its &lt;b&gt;signing key fingerprint&lt;/b&gt;, eight groups of four characters: ask the area&apos;s returning officer to read it out, and type {1}, or the whole fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;This bundle is signed by a new key.&lt;/b&gt; {0}&apos;s earlier bundle was signed by key {1}. Accept it only if {0}&apos;s returning officer confirms that the area now signs with a new key (for example a replacement laptop). {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each group has four characters (0-9 and A-F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole key fingerprint has eight groups of four characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>RO passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RO passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {0} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ: type them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the declared result is reopened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} required: it is kept in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Backups that cannot be used, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <extracomment>Refused attempts on a damaged file, written to the restored file&apos;s log on success.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good backups, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look in another &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RO passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RO &amp;passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current count file is kept beside the restored one, not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the open count with a backup. Everything entered since the backup was taken will be in the file kept aside, not in the count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} cannot be used: {1}

Restore the newest good backup, then re-enter what was confirmed after it was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the count file was damaged: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} good backup(s) of {1} in {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No good backup of {1} in {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 backup in this folder cannot be used (see below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} backups in this folder cannot be used (see below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder holding the backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RO passphrase and a reason are both required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored: {0}. This attempt is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: cannot be used
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

Cannot be used: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1}: cannot be used: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be used: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Accept the &amp;difference…</source>
        <extracomment>The status line when no result can be counted (an area&apos;s round-2 instruction lost or altered). Emitted with the contest id after a lot has been recorded from this view.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The returning officer accepts the difference shown, for exactly these figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept a difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.

Accept exactly these figures, %2 counted against %3 expected, as the returning officer? The acceptance is recorded with your reason and printed on the declaration; it stands only while both figures stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The difference was not accepted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoPassphraseDialog</name>
    <message>
        <source>Set the RO passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the RO passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RO passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declaring, unlocking a declared result and restoring a backup will need this passphrase. At least {0} characters; only the returning officer should know it. The count file keeps a one-way hash of it, never the words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the current passphrase, then the new one twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a returning officer&apos;s action. Whether it succeeds or is refused, it is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}

{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current RO passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New RO passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New RO passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the current passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passphrases differ: type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is required: it is kept in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Round2InstructionDialog</name>
    <message>
        <source>Round-2 instructions (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the round-2 instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At a collated supplementary-vote poll the collating officer decides the finalists on every area&apos;s first preferences, and instructs each area which candidates&apos; second preferences to count. Import the instruction file from the collating officer&apos;s USB stick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose the instruction file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the round-2 instruction file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the instruction says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason for replacing the stored instruction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for replacing the stored instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported already — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No round-2 instruction has been imported into this count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the round-2 instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this count has no contest &quot;{0}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} cannot be used: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;Issued by {1} on {2} at {3} for {4} areas.&lt;br&gt;First preferences in all areas together:&lt;br&gt;{5}&lt;br&gt;Count second preferences for: &lt;b&gt;{6}&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This count is open read-only: the instruction cannot be imported here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerStatus</name>
    <message>
        <source>Count server: {0} — connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count server: {0} — DISCONNECTED: entry paused, typed figures are kept; reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetFields</name>
    <message>
        <source>(a) Want of an official mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(b) Voting for more than one candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(c) Writing or mark identifying the voter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(d) Unmarked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(e) Void for uncertainty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of which: rejected as unmarked or void for uncertainty as to the second preference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(b) More than one first preference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(b) Voting for more than {0} candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot papers on this sheet (rejected included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot papers on this sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected ballot papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected in part (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected in part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second preferences for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-transferable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-transferable papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers with no second preference for a finalist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-transferable, {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetsModel</name>
    <message>
        <source>Non-transferable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Connect to a count &amp;server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a count kept on the venue&apos;s count server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerificationModel</name>
    <message>
        <source>A figure cannot be negative</source>
        <extracomment>Made once: data() is asked for a cell&apos;s background on every paint. Verified minus account, over the boxes that have both figures.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures only: type digits 0–9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polling station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified differs from the account by {0}: {1}</source>
        <extracomment>(box id, verified figure or None): a note or a reason is needed before it can be stored.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0}: a note is required while the verified figure differs from the account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Check what was inferred from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a count server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count server&apos;s address, as given for this station
(postgresql://STATION@HOST:PORT/COUNT?sslmode=verify-full&amp;sslrootcert=venue-ca.crt).
Its password is read from this computer&apos;s ~/.pgpass file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a count server&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A count server&apos;s address starts postgresql://</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
