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
    <name>AddContestDialog</name>
    <message>
        <source>Add a contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contest with the id {0} already exists</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Appearance</name>
    <message>
        <source>{0} {1} {2} at {3}</source>
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
    <name>AuditView</name>
    <message>
        <source>Sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boxes and verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents printed or saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the a&amp;udit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the audit trail&apos;s hash chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;ntest:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;tion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All contests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is intact and every figure replays from it: {0} entries, each linked to the one before (last hash {1}…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail has been altered: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count has been changed outside the app: {0}.</source>
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
        <source>candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>referendum question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deputy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nation</source>
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
    <name>BoxesEditor</name>
    <message>
        <source>Ballot boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove box…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boxes message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New box number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New box&apos;s polling station</source>
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
        <source>New box is a postal ballot box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New box&apos;s ballot paper account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot paper account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bo&amp;x number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The box number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The polling station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0} is already set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0} added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these boxes are already set up: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a verified box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0} has been verified. Why is it being removed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0} removed (Ctrl+Z to undo).</source>
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
        <source>Candidates, in ballot-paper order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidates message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New candidate&apos;s name as printed on the ballot paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forenames SURNAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New candidate&apos;s description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party or Independent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chan&amp;ge ballot order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the ballot-paper order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The candidate&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: type it as printed on the ballot paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate {0} added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>these candidates are already in the contest: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot-paper order corrected (Ctrl+Z to undo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate {0} removed (Ctrl+Z to undo).</source>
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
    <name>ChecksPanel</name>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings from the checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each warning has a code, the check, where it applies and a message; expand a warning to read what it means and what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks: no warnings. Every numbered check passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks: 1 warning. Warnings do not block the result: read each one and decide. Expand a warning to see what it means.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks: {0} warnings. Warnings do not block the result: read each one and decide. Expand a warning to see what it means.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnumbered check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}

{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1}: {2}</source>
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
    <name>Commands</name>
    <message>
        <source>Correct sheet {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter sheet {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete sheet {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record lot between {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the election details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add contest {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove contest {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the contest details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn double entry on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn double entry off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add candidate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct candidate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove candidate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the ballot-paper order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add box {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change box {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove box {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify box {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct verification of box {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContestForm</name>
    <message>
        <source>Supplementary vote (SV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First past the post (FPTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referendum: one question, yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Council ward or division (principal area, parish, town or community)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mayor of a local authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mayor of a combined or combined county authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police and crime commissioner (or police, fire and crime)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK Parliament constituency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local referendum (neighbourhood planning, council tax, governance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole poll: this count declares the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One counting area of a collated poll: local statements only, never a declaration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contest title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mayor of Liverpool, or Anfield ward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contest id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voting system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referendum question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the question as on the ballot paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules that apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats to fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electorate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double entry: each sheet &amp;keyed by two operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double entry of count sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conte&amp;st title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contest id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office (&amp;J):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting role (&amp;Z):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voting s&amp;ystem:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats to f&amp;ill:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referendum &amp;question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;lectorate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contest title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contest id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The referendum question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SV fills one seat; a second round follows if no one has more than half.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each elector may vote for as many candidates as there are seats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer with more than half of the valid votes is carried; an equal vote carries neither (never a lot). The answers are Yes and No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules that apply follow from the office and the poll date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not lawful: this office is counted by {0} at this poll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules that apply. {0}</source>
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
    <name>CountFiles</name>
    <message>
        <source>Count files (*.countdesk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count files, JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count file already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is already open for writing in another countdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another countdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is held by {0}.

You can open it read-only to look at the count: nothing can be changed, and the title bar says so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count file could not be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The contest could not be added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo count could not be prepared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a count file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the count as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check what was inferred from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountSheetForm</name>
    <message>
        <source>Count sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count sheet message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save sheet  (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel this sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contest selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correcting sheet {0} (round {1}), recorded already: change the figures, then Ctrl+Enter and give the reason. Esc leaves it as recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round 2: second preferences for the finalists, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round 1: first preferences and rejected papers, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round 1: votes and rejected papers, {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the number of ballot papers on this sheet: the votes and rejected papers must add up to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the sheet&apos;s number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} is already recorded: select it in the list to correct it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sheet cannot be saved: correct the figures marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been typed on this sheet yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} field(s) left blank: {1}. Press Ctrl+Enter again to save them as 0, or type the figures.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountSheetGrid</name>
    <message>
        <source>Sheet number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total on this sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountWorkspace</name>
    <message>
        <source>Set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count elected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count needs lots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count uncontested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count equal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontest:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage of the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages of the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages of the count: Set-up (Ctrl+1), Verification (Ctrl+2), Count (Ctrl+3), Result (Ctrl+4), Audit log (Ctrl+5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another countdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>READ-ONLY: {0} has this count open for writing. You can look at everything here, but nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switch contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contest yet: add one in Set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DECLARED: the result is final and the contest is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INCOMPLETE: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the result cannot be counted: see the Result tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROVISIONAL until declared · {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: {0}{1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscardGuard</name>
    <message>
        <source>Figures not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These have been typed but not confirmed, so they are not saved:
{0}

To {1} now would lose them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to confirm them (Ctrl+Enter on a sheet, Enter on a figure), or discard them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard them and {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go back to them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentCopies</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed: {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent 1 page to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {0} pages to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the {0} as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving to {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} Not recorded in the audit log: this count is open read-only here (another countdesk has it open for writing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} Not recorded in the audit log: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} Recorded in the audit log (entry {1}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentTitles</name>
    <message>
        <source>Declaration of result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice of uncontested election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declaration of the result of the referendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement of rejected ballot papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisional result sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement at the conclusion of the first count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement after the count of second preference votes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh and English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
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
        <source>&amp;Document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place of the &amp;count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the provisional &amp;result sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the provisional result sheet instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the document as a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {0} could not be made: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document was made but could not be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: 1 page, ready to print or save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} pages, ready to print or save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the preview before printing.</source>
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
    <name>DoubleEntryPanel</name>
    <message>
        <source>Double entry: sheets waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheets waiting for a second keying or a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key second time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second keying of the selected sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settle the selected disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard keying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the selected keying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1} and {2} disagree — a supervisor must settle it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: keyed by {1}, waiting for a second operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (Edit ▸ Change operator, or Key second time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} keyed by {1} and held: a second operator must key it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} accepted: both keyings agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0}: the two keyings differ — a supervisor must settle it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second keying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} was keyed by {1}. The second keying must be by someone else: who is keying it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator was not changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: key sheet {1} from the paper sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} was not settled: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} settled by {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard a keying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why are the keyings of sheet {0} discarded?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not discarded: {0}</source>
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
    <name>ElectionForm</name>
    <message>
        <source>Election title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local elections 6 May 2021</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liverpool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Election id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local.liverpool.2021-05-06</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returning officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name as printed on the declaration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Welsh and English documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilingual documents (Welsh and English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Election &amp;title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Poll date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;unting area:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Election id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Returning officer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The election title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The counting area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The election id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The returning officer&apos;s name</source>
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
    <name>FigureEdit</name>
    <message>
        <source>A figure cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole papers only: type digits without separators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long: at most {0} digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures only: type digits 0–9</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureGrid</name>
    <message>
        <source>{0}: {1}</source>
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
    <name>HelpWindow</name>
    <message>
        <source>countdesk user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a word to find, then Enter for the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the next place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the previous place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user guide (docs/user-guide.md) is missing from this installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” is not in the guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyedEntryDelegate</name>
    <message>
        <source>Verified papers</source>
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
        <source>countdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a count file as a new count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import candida&amp;tes from CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bo&amp;xes from CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export the results to USB…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;llate area bundles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a bac&amp;kup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;operator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Election details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dec&amp;lare the result…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the RO &amp;passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock a declared result…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the &amp;round-2 instruction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Documents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Results screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About countdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is handing over. Who is entering figures now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is now the operator: every change is stamped with this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start a new count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open another count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail of %1 has been cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. Restore the last good backup; the Audit log tab&apos;s Check the audit trail names what differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the demo count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import another count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import candidates from CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import boxes from CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened read-only: nothing can be changed in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (count server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — READ-ONLY, open for writing by {1} on {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — READ-ONLY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — countdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;{0}&quot; belongs to a declared result: unlock it first (Count &gt; Unlock).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redone: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result cannot be declared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the RO passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the returning officer declares. Choose the passphrase that will be asked to declare or reopen a result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare the result of {0}? The contest is then locked: no figure can change unless the RO reopens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: result declared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result was not declared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen a declared result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen the declared result for correction? The result becomes provisional again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result is provisional again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result was not reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up: {0}</source>
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
    <name>PdfPreview</name>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>150 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>200 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no page to print in the range chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer could not be started: check that it is switched on and ready, or choose another printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer stopped before page {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page {0} could not be drawn for the printer (out of memory?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectorScreen</name>
    <message>
        <source>The result cannot be shown at the moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DECLARED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INCOMPLETE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROVISIONAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}. {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}. {1}. {2}. {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turnout {0} ({1} ballot papers verified ÷ {2} electorate)   ·   Rejected papers {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1} · {2} seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ ELECTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lot is needed: {0}. The returning officer will draw the lot by hand.</source>
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
    <name>ResultChart</name>
    <message>
        <source>Result chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contest selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;lot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the lot the returning officer has drawn by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the &amp;difference…</source>
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
        <source>Candidates and votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected ballot papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lots applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot papers and rejected papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept a difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.

Accept exactly these figures, %2 counted against %3 expected, as the returning officer? The acceptance is recorded with your reason and printed on the declaration; it is void for good as soon as either figure changes.</source>
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
    <message>
        <source>No contest selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a contest to see its result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result cannot be shown: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DECLARED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INCOMPLETE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROVISIONAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result has been declared: the contest is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete: papers are not yet accounted for, so nobody is elected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisional: these figures are not yet declared and may change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided by lot: {0} were tied; the lot fell on {1}. Drawn by {2} on {3}, witnessed by {4}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid first preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers with a valid vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot papers verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification not complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot papers counted (first round)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot papers counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-transferable papers (second round)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electorate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turnout (papers verified ÷ electorate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected in part (valid votes counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultWords</name>
    <message>
        <source>Second preferences transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for the highest total of preference votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for the most votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for the last seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} and {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tied: lot needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for the last {0} seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} are tied {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} are tied on {1} votes {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncontested: {0} returned without a poll; {1} seat(s) left unfilled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncontested: {0} returned without a poll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: this local count is complete. Its figures go to the collating officer, who declares; nobody is elected at a local count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided: {0} has more than half of the valid votes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Equal: the two answers have the same number of votes, so neither is carried (never by lot).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lot is needed: {0}. The returning officer draws by hand, then records the lot here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The finalists are {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Elected so far: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete: no first-round count sheets have been entered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> No candidate has more than half of the valid first preferences. Waiting for round-2 sheets: the finalists are {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Nobody is elected until every paper is accounted for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete: no candidate has more than half of the valid first preferences. Waiting for round-2 sheets: the finalists are {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete: the count is not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (decided by lot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elected to the {0} seats{1}: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elected{0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {0} votes in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elected after second preferences{0}: {1}{2}. No candidate had more than half of the valid first preferences; the finalists were {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elected by simple majority (two candidates){0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elected on first preferences: {0}, with more than half of the valid first preferences. No second round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First
preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First preferences as a share of all valid first preferences, to 2 decimal places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes as a share of the ballot papers with a valid vote (each paper carries up to {0} votes, so the shares add up to more than 100 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes as a share of all valid votes, to 2 decimal places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate</source>
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
        <source>Party or description on the ballot paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-preference votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes for the candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of
valid votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second preferences
transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second preferences for a finalist on the papers of the excluded candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First preferences plus second preferences transferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elected, finalist, or tied and waiting for a lot</source>
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
    <name>ServerConnection</name>
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
    <name>SetupListEditor</name>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import {0} {1} from {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} imported from {2}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message>
        <source>Save electio&amp;n details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the election details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Election</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save contest &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the contest details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add another contest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add another contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove contest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-up message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the candidate {0}, not added yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the box {0}, not added yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>being typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Election details saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contest details saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contest {0} added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {0}? It holds verified boxes or count sheets: they are kept in the audit log. Say why it is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {0}? Say why it is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contest {0} removed.</source>
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
    <name>SheetLimits</name>
    <message>
        <source>Votes + rejected: {0} of the {1} papers on this sheet ({2} to go).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes + rejected: {0} of the {1} papers on this sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification is not complete: this sheet cannot be checked against the verified papers yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} verified papers not yet on a sheet; {1} after this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} papers of the eliminated candidates not yet on a sheet; {1} after this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sheet cannot be checked: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetTotalsModel</name>
    <message>
        <source>Round {0} total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetTotalsRow</name>
    <message>
        <source>Totals of the sheets entered, by round</source>
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
    <name>SheetsView</name>
    <message>
        <source>Round &amp;1: first preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter round 1 sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round &amp;2: second preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter round 2 sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count sheets entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;rrect sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the selected sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheets entere&amp;d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round 2 cannot be entered: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round 2 opens once round 1 is complete, or the returning officer has accepted its difference: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No candidate has more than half of the valid first preferences so far. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No candidate has more than half of the valid first preferences: the second round is between {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the second-round sheets: the second round is between {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A candidate has more than half of the valid first preferences: no second round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round 2 opens once round 1 is complete and no candidate has more than half of the valid first preferences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>without a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the correction of sheet {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the figures typed on sheet {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is sheet {0} being corrected? The reason is kept in the audit log with the old and new figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correcting sheet {0}: change the figures, then Ctrl+Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete a sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is sheet {0} being deleted? Its figures are kept in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} was not deleted: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>countdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The count centre, offline: verification, count sheets, SV and FPTP results, declarations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new count: the election and its first contest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a count file (.countdesk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a count file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new count from a count file (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a count &amp;server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a count kept on the venue&apos;s count server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo count: Mayor of Liverpool 2021</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Mayor of Liverpool 2021, as published: a supplementary-vote count that needed a second round. A fresh copy each time; the original is never changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No counts opened on this computer yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerificationModel</name>
    <message>
        <source>A figure cannot be negative</source>
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
    <name>VerificationView</name>
    <message>
        <source>Type the papers counted from each box and press Enter to go to the next box. A difference with the ballot paper account needs a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ballot boxes: account and verified papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boxes verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contest selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the verified figure typed for box {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct a verified figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0} already has {1} papers verified. Why is it being changed to {2}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0}: not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0}: not saved. A difference with the account needs a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0}: {1} verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A difference needs a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box {0} ({1}): {2} papers verified, the ballot paper account says {3} (difference {4}). Say what was checked and why the figures differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept with this note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({0} boxes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({0} box)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkClaim</name>
    <message>
        <source>Box {0} is being verified by {1} at {2} (since {3} UTC): choose another box, or wait until they finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet {0} is being keyed by {1} at {2} (since {3} UTC): take another sheet, or wait until they finish.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>countdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
