-- The VSP-Koppeling references of a message (transport vsp): TraceerId (unique per message), ConversatieId (links a
-- heenbericht and its retour through the chain) and, for an answer, AlsAntwoordOp (the TraceerId it answers); and for
-- a message we sent, the last berichtstatus VECOZO reported and when we last asked.
alter table bericht add traceer_id varchar(36);
alter table bericht add conversatie_id varchar(36);
alter table bericht add als_antwoord_op varchar(36);
alter table bericht add vsp_status varchar(40);
alter table bericht add vsp_status_gevraagd timestamp;
create unique index ix_bericht_traceer on bericht (traceer_id, richting);
