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
 * guard (ZipSecureFile) stays on. Comment authors are not touched yet. Thread-safe.
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
        }
        return removed;
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
