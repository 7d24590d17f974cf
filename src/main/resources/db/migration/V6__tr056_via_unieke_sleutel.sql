-- The TR056 lookup (richting, berichttype, afzender, identificatie) is the start of the unique key uk_bericht_inhoud,
-- which both databases use for it; the separate index only cost a B-tree write with every message recorded.
drop index ix_bericht_tr056;
