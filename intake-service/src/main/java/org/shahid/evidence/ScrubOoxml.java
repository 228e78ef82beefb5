package org.shahid.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;

/**
 * Clears an OOXML file's (docx, xlsx, pptx) core properties (creator, last modified by, dates...), extended
 * properties (company, manager, template path, application) and custom properties with POI. POI's zip-bomb
 * guard (ZipSecureFile) stays on. Comment authors are blanked; tracked-change authors inside the body are not
 * (that would mean rewriting the whole document part). Thread-safe.
 */
final class ScrubOoxml implements MetadataScrubber {

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        Files.copy(input, output, StandardCopyOption.REPLACE_EXISTING);
        List<String> removed = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(output.toString(), PackageAccess.READ_WRITE)) {
            clearCore(pkg.getPackageProperties(), removed);
            POIXMLProperties properties = new POIXMLProperties(pkg);
            XmlObject extended = properties.getExtendedProperties().getUnderlyingProperties();
            for (String name : childNames(extended)) {
                removed.add("App:" + name);
            }
            extended.set(org.openxmlformats.schemas.officeDocument.x2006.extendedProperties.CTProperties.Factory
                    .newInstance());
            XmlObject custom = properties.getCustomProperties().getUnderlyingProperties();
            if (!childNames(custom).isEmpty()) {
                removed.add("Custom");
            }
            custom.set(org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperties.Factory
                    .newInstance());
            properties.commit();
            clearCommentAuthors(pkg, removed);
        }
        return removed;
    }

    private static final java.util.Set<String> AUTHOR_NAMES = java.util.Set.of("author", "initials", "userId",
            "providerId", "name");

    /** Blanks the names on comments (docx, xlsx, pptx) and the people list of Word's modern comments. */
    private static void clearCommentAuthors(OPCPackage pkg, List<String> removed) throws Exception {
        for (org.apache.poi.openxml4j.opc.PackagePart part : pkg.getParts()) {
            String type = part.getContentType();
            if (!(type.contains("comments+xml") || type.contains("people+xml") || type.contains("commentAuthors+xml")
                    || type.contains("authors+xml"))) {
                continue;
            }
            XmlObject xml;
            try (java.io.InputStream in = part.getInputStream()) {
                xml = XmlObject.Factory.parse(in);
            }
            boolean changed = false;
            try (XmlCursor cursor = xml.newCursor()) {
                while (cursor.hasNextToken()) {
                    XmlCursor.TokenType token = cursor.toNextToken();
                    String local = token.isAttr() || token.isStart() ? cursor.getName().getLocalPart() : null;
                    // Attributes (w:author, w15:author, p:cmAuthor/@name) and elements (xlsx <author>) alike.
                    if (local != null && AUTHOR_NAMES.contains(local)
                            && (token.isAttr() || local.equals("author"))
                            && !cursor.getTextValue().isEmpty()) {
                        cursor.setTextValue("");
                        changed = true;
                    }
                }
            }
            if (changed) {
                removed.add("Comments:author");
                try (java.io.OutputStream out = part.getOutputStream()) {
                    xml.save(out);
                }
            }
        }
    }

    private static void clearCore(PackageProperties core, List<String> removed) {
        clear(removed, "creator", core.getCreatorProperty(), () -> core.setCreatorProperty(Optional.empty()));
        clear(removed, "lastModifiedBy", core.getLastModifiedByProperty(),
                () -> core.setLastModifiedByProperty(Optional.empty()));
        clear(removed, "title", core.getTitleProperty(), () -> core.setTitleProperty(Optional.empty()));
        clear(removed, "subject", core.getSubjectProperty(), () -> core.setSubjectProperty(Optional.empty()));
        clear(removed, "description", core.getDescriptionProperty(),
                () -> core.setDescriptionProperty(Optional.empty()));
        clear(removed, "keywords", core.getKeywordsProperty(), () -> core.setKeywordsProperty(Optional.empty()));
        clear(removed, "category", core.getCategoryProperty(), () -> core.setCategoryProperty(Optional.empty()));
        clear(removed, "identifier", core.getIdentifierProperty(),
                () -> core.setIdentifierProperty(Optional.empty()));
        clear(removed, "revision", core.getRevisionProperty(), () -> core.setRevisionProperty(Optional.empty()));
        clear(removed, "version", core.getVersionProperty(), () -> core.setVersionProperty(Optional.empty()));
        clear(removed, "contentStatus", core.getContentStatusProperty(),
                () -> core.setContentStatusProperty(Optional.empty()));
        clear(removed, "language", core.getLanguageProperty(), () -> core.setLanguageProperty(Optional.empty()));
        // Dates tell a time zone and a working rhythm; monitors have the mail's arrival time instead.
        clear(removed, "created", core.getCreatedProperty(), () -> core.setCreatedProperty(Optional.empty()));
        clear(removed, "modified", core.getModifiedProperty(), () -> core.setModifiedProperty(Optional.empty()));
        clear(removed, "lastPrinted", core.getLastPrintedProperty(),
                () -> core.setLastPrintedProperty(Optional.empty()));
    }

    private static void clear(List<String> removed, String name, Optional<?> value, Runnable clearing) {
        if (value.isPresent()) {
            removed.add("Core:" + name);
            clearing.run();
        }
    }

    private static List<String> childNames(XmlObject object) {
        List<String> names = new ArrayList<>();
        try (XmlCursor cursor = object.newCursor()) {
            if (cursor.toFirstChild()) {
                do {
                    names.add(cursor.getName().getLocalPart());
                } while (cursor.toNextSibling());
            }
        }
        return names;
    }
}
