package nl.berichtenpoort.validation;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Follows the elements of a message as a validating parser passes them on, so that every schema error says where it
 * is ({@code /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Einddatum}), and collects all errors instead of
 * stopping at the first. Holds no more than the path and the text of the current element: a 25 MB declaratie streams
 * through in constant memory.
 * <p>
 * The validator sits in the parser before this handler and reports an error before it passes on the event the error
 * is about: an element that may not start here is reported before its start arrives. So an error waits for the next
 * event (a start, text or an end) and takes that event's element as its place.
 */
final class PathTracker extends DefaultHandler {

    /** Enough to show an engineer what is wrong; a badly broken 25 MB file would otherwise fill the heap with errors. */
    static final int MAX_ISSUES = 100;
    private static final int MAX_TEXT = 4096;

    private final ContentListener listener;
    private final StringBuilder text = new StringBuilder();
    private final List<ValidationIssue> issues = new ArrayList<>();
    private final List<SAXParseException> unplaced = new ArrayList<>();
    private ElementPath current;
    private int suppressed;

    PathTracker(ContentListener listener) {
        this.listener = listener;
    }

    List<ValidationIssue> issues() {
        place();
        List<ValidationIssue> all = new ArrayList<>(issues);
        if (suppressed > 0) {
            all.add(ValidationIssue.of(Problem.XSD_INVALID, "... and " + suppressed + " more errors not listed"));
        }
        return all;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        current = current == null ? ElementPath.root(localName) : current.child(localName);
        text.setLength(0);
        place();
        listener.start(current);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        place();
        listener.end(current, current.hasChildren() ? null : text.toString().strip());
        current = current.parent();
        text.setLength(0);
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (text.length() < MAX_TEXT) {
            text.append(ch, start, Math.min(length, MAX_TEXT - text.length()));
        }
        place();
    }

    @Override
    public void endDocument() {
        place();
    }

    @Override
    public void error(SAXParseException e) {
        unplaced.add(e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
        place();
        record(e, XsdMessages.classify(e.getMessage()));
        throw e;
    }

    @Override
    public void warning(SAXParseException e) {
        // schema warnings do not make a message invalid
    }

    /** The errors reported since the last event belong to the element of this event. */
    private void place() {
        if (!unplaced.isEmpty()) {
            for (SAXParseException e : unplaced) {
                record(e, Problem.XSD_INVALID);
            }
            unplaced.clear();
        }
    }

    private void record(SAXParseException e, Problem problem) {
        String element = current == null ? "" : current.name();
        String[] translated = problem == Problem.XSD_INVALID
                ? XsdMessages.translate(e.getMessage(), element, text.toString())
                : new String[] {XsdMessages.wellFormedness(e.getMessage()), "xml"};
        ValidationIssue issue = new ValidationIssue(problem, e.getLineNumber(), e.getColumnNumber(),
                current == null ? "" : current.toString(), translated[0], translated[1]);
        if (repeatsPrevious(issue)) {
            return;
        }
        if (issues.size() >= MAX_ISSUES) {
            suppressed++;
            return;
        }
        issues.add(issue);
    }

    /** cvc-type.3.1.3 only restates the facet error reported just before it at the same place. */
    private boolean repeatsPrevious(ValidationIssue issue) {
        if (!"cvc-type.3.1.3".equals(issue.constraint()) && !"cvc-attribute.3".equals(issue.constraint())) {
            return false;
        }
        ValidationIssue last = issues.isEmpty() ? null : issues.get(issues.size() - 1);
        return last != null && last.line() == issue.line() && last.column() == issue.column();
    }
}
