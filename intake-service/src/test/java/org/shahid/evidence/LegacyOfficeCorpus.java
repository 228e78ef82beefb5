package org.shahid.evidence;

import static org.shahid.evidence.ImageCorpus.EMAIL;
import static org.shahid.evidence.ImageCorpus.HOST;
import static org.shahid.evidence.ImageCorpus.ORGANISATION;
import static org.shahid.evidence.ImageCorpus.OWNER;
import static org.shahid.evidence.ImageCorpus.SERIAL;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.hpsf.CustomProperties;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hslf.usermodel.HSLFSlide;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;

/**
 * Legacy office files as Excel and PowerPoint save them (OLE compound files written by POI): summary information
 * with author and last author, document summary information with company, manager and custom properties, the
 * workbook's WRITEACCESS user name and the presentation's {@code Current User}, each carrying a marker; and a Word
 * package with such a workbook embedded as an OLE object.
 */
final class LegacyOfficeCorpus {

    static final String SHEET_TEXT = ContainerCorpus.XLSX_TEXT;
    static final String SLIDE_TEXT = ContainerCorpus.DOCX_TEXT;

    private LegacyOfficeCorpus() {
    }

    static byte[] xls() throws Exception {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Tally").createRow(0).createCell(0).setCellValue(SHEET_TEXT);
            workbook.createInformationProperties();
            describe(workbook.getSummaryInformation(), workbook.getDocumentSummaryInformation());
            workbook.getInternalWorkbook().getWriteAccess().setUsername(OWNER);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A reviewer's name as Excel records a cell note's author (the NOTE record). */
    static final String REVIEWER = "Samir Mkr-Reviewer";
    static final String NOTE_TEXT = "Counted twice at the second table";

    /** The workbook with a cell note by {@link #REVIEWER}. */
    static byte[] xlsWithNote() throws Exception {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.hssf.usermodel.HSSFSheet sheet = workbook.createSheet("Tally");
            org.apache.poi.hssf.usermodel.HSSFCell cell = sheet.createRow(0).createCell(0);
            cell.setCellValue(SHEET_TEXT);
            org.apache.poi.hssf.usermodel.HSSFComment note = sheet.createDrawingPatriarch().createCellComment(
                    new org.apache.poi.hssf.usermodel.HSSFClientAnchor(0, 0, 0, 0, (short) 1, 0, (short) 3, 3));
            note.setAuthor(REVIEWER);
            note.setString(new org.apache.poi.hssf.usermodel.HSSFRichTextString(NOTE_TEXT));
            cell.setCellComment(note);
            workbook.createInformationProperties();
            describe(workbook.getSummaryInformation(), workbook.getDocumentSummaryInformation());
            workbook.getInternalWorkbook().getWriteAccess().setUsername(OWNER);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static byte[] ppt() throws Exception {
        try (HSLFSlideShow slides = new HSLFSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            HSLFSlide slide = slides.createSlide();
            HSLFTextBox text = slide.createTextBox();
            text.setText(SLIDE_TEXT);
            text.setAnchor(new java.awt.Rectangle(50, 50, 400, 60));
            slides.getSlideShowImpl().createInformationProperties();
            describe(slides.getSlideShowImpl().getSummaryInformation(),
                    slides.getSlideShowImpl().getDocumentSummaryInformation());
            slides.getSlideShowImpl().getCurrentUserAtom().setLastEditUsername(OWNER);
            slides.write(out);
            return out.toByteArray();
        }
    }

    /** A Word package whose workbook object is an embedded legacy workbook, as "Insert object" stores it. */
    static byte[] docxWithEmbeddedWorkbook() throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>(ContainerCorpus.unzip(ContainerCorpus.docx()));
        parts.put("word/embeddings/Microsoft_Excel_97-2003_Worksheet.xls", xls());
        return ContainerCorpus.zip(parts);
    }

    private static void describe(SummaryInformation summary, DocumentSummaryInformation documentSummary) {
        summary.setAuthor(OWNER);
        summary.setLastAuthor(EMAIL);
        summary.setApplicationName("Office on " + HOST);
        documentSummary.setCompany(ORGANISATION);
        documentSummary.setManager("Manager " + HOST);
        CustomProperties custom = new CustomProperties();
        custom.put("Badge", SERIAL);
        documentSummary.setCustomProperties(custom);
    }
}
