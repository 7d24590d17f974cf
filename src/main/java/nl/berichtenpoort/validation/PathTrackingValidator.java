package nl.berichtenpoort.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Streams SAX events into a schema validator while keeping the element path, so that every error says where it is
 * ({@code /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Einddatum}), and collects all errors instead of
 * stopping at the first. Holds no more than the path and the text of the current element: a 25 MB declaratie
 * streams through in constant memory.
 */
final class PathTrackingValidator implements ContentHandler, ErrorHandler {

    /** Enough to show an engineer what is wrong; a badly broken 25 MB file would otherwise fill the heap with errors. */
    static final int MAX_ISSUES = 100;
    private static final int MAX_TEXT = 4096;

    private final ValidatorHandler validator;
    private final ContentListener listener;
    private final Deque<Frame> path = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private final List<ValidationIssue> issues = new ArrayList<>();
    private int suppressed;

    /** @param path the element's path, made once when it starts (a 25 MB declaratie has about a million elements) */
    private record Frame(String name, int index, Map<String, Integer> childCounts, String path) {
    }

    PathTrackingValidator(ValidatorHandler validator, ContentListener listener) {
        this.validator = validator;
        this.listener = listener;
        validator.setErrorHandler(this);
    }

    List<ValidationIssue> issues() {
        List<ValidationIssue> all = new ArrayList<>(issues);
        if (suppressed > 0) {
            all.add(ValidationIssue.of(Problem.XSD_INVALID, "... and " + suppressed + " more errors not listed"));
        }
        return all;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        Frame parent = path.peekLast();
        int index = parent == null ? 1 : parent.childCounts().merge(localName, 1, Integer::sum);
        String elementPath = (parent == null ? "" : parent.path()) + "/" + localName + (index > 1 ? "[" + index + "]" : "");
        path.addLast(new Frame(localName, index, new HashMap<>(), elementPath));
        text.setLength(0);
        validator.startElement(uri, localName, qName, atts);
        listener.start(currentPath(), localName);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        validator.endElement(uri, localName, qName);
        boolean leaf = path.peekLast().childCounts().isEmpty();
        listener.end(currentPath(), localName, leaf ? text.toString().strip() : null);
        path.removeLast();
        text.setLength(0);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (text.length() < MAX_TEXT) {
            text.append(ch, start, Math.min(length, MAX_TEXT - text.length()));
        }
        validator.characters(ch, start, length);
    }

    @Override
    public void error(SAXParseException e) {
        record(e, Problem.XSD_INVALID);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        record(e, XsdMessages.classify(e.getMessage()));
        throw e;
    }

    @Override
    public void warning(SAXParseException e) {
        // schema warnings do not make a message invalid
    }

    private void record(SAXParseException e, Problem problem) {
        String element = path.isEmpty() ? "" : path.peekLast().name();
        String[] translated = problem == Problem.XSD_INVALID
                ? XsdMessages.translate(e.getMessage(), element, text.toString())
                : new String[] {XsdMessages.wellFormedness(e.getMessage()), "xml"};
        ValidationIssue issue = new ValidationIssue(problem, e.getLineNumber(), e.getColumnNumber(), currentPath(),
                translated[0], translated[1]);
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

    private String currentPath() {
        return path.isEmpty() ? "" : path.peekLast().path();
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        validator.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
        validator.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
        validator.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        validator.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        validator.endPrefixMapping(prefix);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        validator.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        validator.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        validator.skippedEntity(name);
    }
}
