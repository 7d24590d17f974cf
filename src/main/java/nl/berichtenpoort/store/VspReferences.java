package nl.berichtenpoort.store;

/**
 * The references of a message on the VSP-Koppeling (transport vsp).
 *
 * @param traceerId     unique per message
 * @param conversatieId links a heenbericht and its retour through the chain
 * @param alsAntwoordOp for an answer: the TraceerId of the message it answers
 */
public record VspReferences(String traceerId, String conversatieId, String alsAntwoordOp) {
}
