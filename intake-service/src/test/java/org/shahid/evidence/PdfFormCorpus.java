package org.shahid.evidence;

import static org.shahid.evidence.ImageCorpus.EMAIL;
import static org.shahid.evidence.ImageCorpus.HOST;
import static org.shahid.evidence.ImageCorpus.ORGANISATION;
import static org.shahid.evidence.ImageCorpus.OWNER;
import static org.shahid.evidence.ImageCorpus.SERIAL;
import static org.shahid.evidence.ImageCorpus.ascii;
import static org.shahid.evidence.ImageCorpus.concat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * A complaint form as PDF programs save it once filled in: text fields holding the filler's name and e-mail (value,
 * default value and the drawn appearance), the XFA copy of the form with its data, a ticked box, and a photo as a
 * JPEG 2000 image whose JP2 file carries an ICC profile with text, XMP, a {@code uuid} box, a {@code uinf} URL and an
 * encoder comment in its codestream, each with a marker.
 */
final class PdfFormCorpus {

    static final String FORM_TEXT = "Complaint form for polling station 12";

    private PdfFormCorpus() {
    }

    static byte[] filledForm() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/Helv 10 Tf 0 g");
            PDTextField name = textField(form, page, "reporter", 600);
            PDTextField contact = textField(form, page, "contact", 560);
            PDCheckBox witnessed = new PDCheckBox(form);
            witnessed.setPartialName("witnessed");
            PDAnnotationWidget box = witnessed.getWidgets().get(0);
            box.setRectangle(new PDRectangle(72, 520, 12, 12));
            box.setPage(page);
            page.getAnnotations().add(box);
            form.getFields().addAll(List.of(name, contact, witnessed));
            name.setValue(OWNER);
            contact.setValue(EMAIL);
            contact.getCOSObject().setString(COSName.DV, "Mkr " + SERIAL);
            COSStream xfa = document.getDocument().createCOSStream();
            try (OutputStream xml = xfa.createOutputStream()) {
                xml.write(ascii("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><xfa:datasets "
                        + "xmlns:xfa=\"http://www.xfa.org/schema/xfa-data/1.0/\"><xfa:data><form><reporter>" + OWNER
                        + "</reporter><contact>" + EMAIL + "</contact></form></xfa:data></xfa:datasets></xdp:xdp>"));
            }
            form.getCOSObject().setItem(COSName.XFA, xfa);

            COSStream jpx = document.getDocument().createCOSStream();
            try (OutputStream raw = jpx.createRawOutputStream()) {
                raw.write(phoneJp2());
            }
            jpx.setItem(COSName.TYPE, COSName.XOBJECT);
            jpx.setItem(COSName.SUBTYPE, COSName.IMAGE);
            jpx.setInt(COSName.WIDTH, 32);
            jpx.setInt(COSName.HEIGHT, 24);
            jpx.setInt(COSName.BITS_PER_COMPONENT, 8);
            jpx.setItem(COSName.FILTER, COSName.JPX_DECODE);
            PDImageXObject photo = new PDImageXObject(new PDStream(jpx), null);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(FORM_TEXT);
                content.endText();
                content.drawImage(photo, 72, 300, 128, 96);
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static PDTextField textField(PDAcroForm form, PDPage page, String fieldName, float y)
            throws java.io.IOException {
        PDTextField field = new PDTextField(form);
        field.setPartialName(fieldName);
        field.setDefaultAppearance("/Helv 10 Tf 0 g");
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(new PDRectangle(72, y, 300, 20));
        widget.setPage(page);
        page.getAnnotations().add(widget);
        return field;
    }

    /** A 32×24 gradient encoded by ImageMagick (OpenJPEG), then given a camera's metadata boxes and comment. */
    static byte[] phoneJp2() throws Exception {
        BufferedImage picture = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                picture.setRGB(x, y, (x * 8) << 16 | (y * 10) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        byte[] encoded = convert(png.toByteArray(), "png:-", "jp2:-");
        List<byte[]> boxes = new ArrayList<>();
        int at = 0;
        while (at < encoded.length) {
            int size = (int) u32(encoded, at);
            String type = new String(encoded, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            byte[] box = java.util.Arrays.copyOfRange(encoded, at, at + size);
            if (type.equals("jp2h")) {
                box = withIccProfile(box);
            } else if (type.equals("jp2c")) {
                box = box("jp2c", withComment(java.util.Arrays.copyOfRange(box, 8, box.length)));
                boxes.add(box("xml ", ImageCorpus.xmp()));
                boxes.add(box("uuid", concat(ascii("JpgTiffExif->JP2"), ascii("serial " + SERIAL + " " + OWNER))));
                boxes.add(box("uinf", concat(box("ulst", concat(new byte[] {0, 1}, new byte[16])),
                        box("url ", concat(new byte[4], ascii("mailto:" + EMAIL + "\0"))))));
            }
            boxes.add(box);
            at += size;
        }
        return concat(boxes.toArray(byte[][]::new));
    }

    /**
     * The camera's JP2 with a second codestream box after the first (as JPX files carrying several codestreams
     * have), which the allowlist does not follow; OpenJPEG decodes the first codestream.
     */
    static byte[] phoneJp2WithTwoCodestreams() throws Exception {
        byte[] jp2 = phoneJp2();
        int at = 0;
        while (at < jp2.length) {
            int size = (int) u32(jp2, at);
            if (new String(jp2, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("jp2c")) {
                return concat(jp2, java.util.Arrays.copyOfRange(jp2, at, at + size));
            }
            at += size;
        }
        throw new AssertionError("no codestream box");
    }

    /** The header box with its colour box replaced by a restricted ICC profile (method 2). */
    private static byte[] withIccProfile(byte[] jp2h) {
        List<byte[]> children = new ArrayList<>();
        int at = 8;
        while (at < jp2h.length) {
            int size = (int) u32(jp2h, at);
            String type = new String(jp2h, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            children.add(type.equals("colr") ? box("colr", concat(new byte[] {2, 0, 0}, ImageCorpus.iccWithText()))
                    : java.util.Arrays.copyOfRange(jp2h, at, at + size));
            at += size;
        }
        return box("jp2h", concat(children.toArray(byte[][]::new)));
    }

    /** A COM marker segment in the main header, right before the first tile-part, as encoders write their name. */
    private static byte[] withComment(byte[] codestream) {
        int sot = 2;
        while (((codestream[sot] & 0xFF) << 8 | (codestream[sot + 1] & 0xFF)) != 0xFF90) {
            sot += 2 + ((codestream[sot + 2] & 0xFF) << 8 | (codestream[sot + 3] & 0xFF));
        }
        byte[] text = ascii("Encoded by " + ORGANISATION + " on " + HOST);
        int length = 4 + text.length;
        byte[] comment = concat(new byte[] {(byte) 0xFF, 0x64, (byte) (length >> 8), (byte) length, 0, 1}, text);
        return concat(java.util.Arrays.copyOfRange(codestream, 0, sot), comment,
                java.util.Arrays.copyOfRange(codestream, sot, codestream.length));
    }

    /** Runs ImageMagick's convert from standard input to standard output. */
    static byte[] convert(byte[] input, String from, String to) throws Exception {
        Process process = new ProcessBuilder("convert", from, "-depth", "8", to)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            } catch (java.io.IOException ignored) {
                // convert stopped reading: its exit code tells
            }
        });
        feeder.start();
        byte[] output;
        try (InputStream out = process.getInputStream()) {
            output = out.readAllBytes();
        }
        feeder.join();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new java.io.IOException("convert " + from + " " + to + " failed");
        }
        return output;
    }

    private static byte[] box(String type, byte[] body) {
        int size = 8 + body.length;
        return concat(new byte[] {(byte) (size >> 24), (byte) (size >> 16), (byte) (size >> 8), (byte) size},
                ascii(type), body);
    }

    private static long u32(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }
}
