package org.shahid.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * Rewrites the XML parts of an office document so that they name nobody: every person (comment and tracked-change
 * authors, people and persons lists, annotation creators, author fields) becomes "Author 1", "Author 2"... in the
 * order first met, consistently across the parts of one document, and their names are replaced wherever else they
 * appear (Excel's "Name:" note prefix, mentions); user and provider ids and initials are blanked; values that are
 * local paths (templates, absolute paths, linked files) are emptied. Collect all parts first ({@link #learn}),
 * then {@link #rewrite} each. One instance per document; not thread-safe.
 */
final class PseudonymiseXml {

    /** Attributes naming a person, by local name. */
    static final Set<String> PERSON_ATTRIBUTES = Set.of("author", "displayName", "creator", "lastModifiedBy",
            "refreshedBy", "userName", "cmAuthor");
    /** Attributes identifying a person's account, blanked. */
    static final Set<String> ACCOUNT_ATTRIBUTES = Set.of("userId", "providerId", "initials", "uid");
    /** Elements whose text names a person, by local name. */
    static final Set<String> PERSON_ELEMENTS = Set.of("creator", "initial-creator", "author-name", "author-initials",
            "author", "lastModifiedBy");
    private static final Pattern LOCAL_PATH = Pattern.compile("(?i)^(file:|[a-z]:[\\\\/]|\\\\\\\\|/Users/|/home/).*");
    private static final int MIN_NAME_LENGTH = 3;

    private final Map<String, String> pseudonyms = new LinkedHashMap<>();
    private final XMLInputFactory inputs = XMLInputFactory.newFactory();
    private final XMLOutputFactory outputs = XMLOutputFactory.newFactory();
    private final XMLEventFactory events = XMLEventFactory.newFactory();

    PseudonymiseXml() {
        inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputs.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        inputs.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** Reads the person names of one part ({@code personPart}: its every {@code name} attribute names a person). */
    void learn(byte[] xml, boolean personPart) throws XMLStreamException {
        XMLEventReader reader = inputs.createXMLEventReader(new ByteArrayInputStream(xml));
        String element = "";
        while (reader.hasNext()) {
            XMLEvent event = reader.nextEvent();
            if (event.isStartElement()) {
                StartElement start = event.asStartElement();
                element = start.getName().getLocalPart();
                for (Iterator<Attribute> it = start.getAttributes(); it.hasNext(); ) {
                    Attribute attribute = it.next();
                    if (namesPerson(attribute.getName().getLocalPart(), personPart)) {
                        pseudonymOf(attribute.getValue());
                    }
                }
            } else if (event.isEndElement()) {
                element = "";
            } else if (event.isCharacters() && PERSON_ELEMENTS.contains(element)) {
                pseudonymOf(event.asCharacters().getData());
            }
        }
    }

    /**
     * The part with every person replaced by a pseudonym; {@code text} may further transform an element's text
     * (given the element's local name and the text; flat ODF's embedded images).
     */
    byte[] rewrite(byte[] xml, boolean personPart, BiFunction<String, String, String> text)
            throws XMLStreamException {
        return rewrite(xml, personPart, Set.of(), text);
    }

    /** As above, and the content of each element named in {@code emptied} (by local name) is left out. */
    byte[] rewrite(byte[] xml, boolean personPart, Set<String> emptied, BiFunction<String, String, String> text)
            throws XMLStreamException {
        XMLEventReader reader = inputs.createXMLEventReader(new ByteArrayInputStream(xml));
        ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length + 256);
        XMLEventWriter writer = outputs.createXMLEventWriter(out, "UTF-8");
        String element = "";
        while (reader.hasNext()) {
            XMLEvent event = reader.nextEvent();
            if (event.isStartDocument()) {
                writer.add(events.createStartDocument("UTF-8", "1.0",
                        event.toString().contains("standalone") && event.toString().contains("yes")));
                continue;
            }
            if (event.isStartElement()) {
                StartElement start = event.asStartElement();
                element = start.getName().getLocalPart();
                List<Attribute> attributes = new ArrayList<>();
                for (Iterator<Attribute> it = start.getAttributes(); it.hasNext(); ) {
                    Attribute attribute = it.next();
                    attributes.add(events.createAttribute(attribute.getName(),
                            attributeValue(attribute.getName(), attribute.getValue(), personPart)));
                }
                writer.add(events.createStartElement(start.getName(), attributes.iterator(), start.getNamespaces()));
                if (emptied.contains(element)) {
                    skipContent(reader);
                }
                continue;
            }
            if (event.isEndElement()) {
                element = "";
            } else if (event.isCharacters() && !event.asCharacters().isWhiteSpace()) {
                String data = event.asCharacters().getData();
                String replaced = PERSON_ELEMENTS.contains(element) ? pseudonymOf(data)
                        : LOCAL_PATH.matcher(data.strip()).matches() ? "" : replaceNames(data);
                writer.add(events.createCharacters(text.apply(element, replaced)));
                continue;
            }
            writer.add(event);
        }
        writer.flush();
        writer.close();
        return out.toByteArray();
    }

    /** Reads up to (not including) the end of the element just started. */
    private static void skipContent(XMLEventReader reader) throws XMLStreamException {
        int depth = 0;
        while (reader.hasNext()) {
            XMLEvent next = reader.peek();
            if (next.isEndElement() && depth == 0) {
                return;
            }
            reader.nextEvent();
            if (next.isStartElement()) {
                depth++;
            } else if (next.isEndElement()) {
                depth--;
            }
        }
    }

    /** Whether anybody was named (the record says "people pseudonymised"). */
    int people() {
        return pseudonyms.size();
    }

    private String attributeValue(QName name, String value, boolean personPart) {
        String local = name.getLocalPart();
        if (namesPerson(local, personPart)) {
            return pseudonymOf(value);
        }
        if (ACCOUNT_ATTRIBUTES.contains(local)) {
            return "";
        }
        if (LOCAL_PATH.matcher(value).matches()) {
            return local.equals("Target") ? "file:///removed" : "";
        }
        return replaceNames(value);
    }

    private static boolean namesPerson(String attribute, boolean personPart) {
        return PERSON_ATTRIBUTES.contains(attribute) || (personPart && attribute.equals("name"));
    }

    private String pseudonymOf(String name) {
        String key = name.strip();
        if (key.isEmpty()) {
            return name;
        }
        return pseudonyms.computeIfAbsent(key, unused -> "Author " + (pseudonyms.size() + 1));
    }

    private String replaceNames(String text) {
        String result = text;
        for (Map.Entry<String, String> person : pseudonyms.entrySet()) {
            if (person.getKey().length() >= MIN_NAME_LENGTH && result.contains(person.getKey())) {
                result = result.replace(person.getKey(), person.getValue());
            }
        }
        return result;
    }
}
