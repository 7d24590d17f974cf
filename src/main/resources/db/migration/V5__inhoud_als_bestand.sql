-- The bytes of a new message are kept as a file named by its SHA-256 (berichtenpoort.folders.inhoud), not in the row;
-- messages recorded before keep theirs in the column.
alter table bericht alter column inhoud drop not null;
