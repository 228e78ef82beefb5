package org.shahid.evidence;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The check by difference, independent of the scrubbers: lists every metadata value of the original with
 * {@link InventoryMetadata} and searches the copy for each identifying one, in the copy's own listing and in its raw
 * and inflated bytes (UTF-8, UTF-16 either way, XML-escaped). Returns the names of the fields whose values
 * survived; a copy with any is withheld by the worker (flag {@code scrub-incomplete}). Values a copy carries by
 * design (the standard colour profiles Shahid writes, rendering fields such as width or orientation) are not
 * identifying. Runs in the extraction child. Not thread-safe (the worker is single-threaded).
 */
final class CheckScrubbedCopy {

    /** Tags that describe how to render the image or page, kept in copies on purpose. */
    private static final Set<String> RENDERING_TAGS = Set.of("ImageWidth", "ImageHeight", "BitsPerSample",
            "ColorComponents", "YCbCrSubSampling", "YCbCrPositioning", "Orientation", "XResolution", "YResolution",
            "ResolutionUnit", "JFIFVersion", "ColorSpace", "ColorType", "Compression", "Filter", "Interlace",
            "PixelsPerUnitX", "PixelsPerUnitY", "PixelUnits", "SRGBRendering", "Gamma", "ColorTransform",
            "DCTEncodeVersion", "APP14Flags0", "APP14Flags1", "BackgroundColor", "AnimationIterations", "FrameCount",
            "Duration", "ComponentsConfiguration", "ExifVersion", "FlashpixVersion", "GPSVersionID", "PDFVersion",
            "Linearized", "PageCount", "TitlesOfParts", "TitleOfParts", "HeadingPairs", "Pages", "Words", "Characters", "Lines",
            "Paragraphs", "CharactersWithSpaces", "DocSecurity", "ScaleCrop", "LinksUpToDate", "SharedDoc",
            "HyperlinksChanged", "WebP_Flags", "VP8Version", "HorizontalScale", "VerticalScale", "AlphaPreprocessing",
            "AlphaFiltering", "AlphaCompression", "GIFVersion", "HasColorMap", "ColorResolutionDepth", "BitsPerPixel",
            "Transparent", "MIMEType", "ExifByteOrder", "XMPToolkit", "CurrentIPTCDigest", "HandlerType",
            "MajorBrand", "MinorVersion", "CompatibleBrands",
            // HEIF/HEVC coding parameters: how the image is decoded, the same in every phone of a model.
            "ConstraintIndicatorFlags", "GenProfileCompatibilityFlags", "GeneralLevelIDC", "GeneralProfileIDC",
            "GeneralProfileSpace", "GeneralTierFlag", "ImageSpatialExtent", "MetaImageSize", "HEVCConfigurationVersion",
            "ChromaFormat", "BitDepthLuma", "BitDepthChroma", "AverageFrameRate", "ConstantFrameRate",
            "NumTemporalLayers", "TemporalIDNested", "MinSpatialSegmentationIDC", "ParallelismType",
            "PrimaryItemReference", "ImagePixelDepth", "Rotation", "ColorProfiles", "ColorPrimaries",
            "TransferCharacteristics", "MatrixCoefficients", "VideoFullRangeFlag", "ImageSize", "ExifImageWidth",
            "ExifImageHeight",
            // JPEG 2000 header: how the codestream's components are read and coloured.
            "BitsPerComponent", "ColorSpecApproximation", "ColorSpecMethod", "ColorSpecPrecedence",
            "NumberOfComponents",
            // A legacy Word file's header and class stream: its format, flags and language, no one's name.
            "CompObjUserType", "CompObjUserTypeLen", "DocFlags", "Identification", "LanguageCode", "System",
            "Word97", "CodePage");
    private static final Pattern NUMBERISH = Pattern.compile("[0-9 .:+/,-]*");
    private static final int MIN_TEXT_LENGTH = 5;
    private static final int MIN_NUMBER_DIGITS = 6;

    private final InventoryMetadata inventory;
    private Set<String> byDesign;

    CheckScrubbedCopy(ExiftoolSession exiftool) {
        this.inventory = new InventoryMetadata(exiftool);
    }

    /**
     * The outcome: the original's fields whose identifying values are still found in the copy (empty: clean), and
     * the original's fields the copy no longer has at all (the record of what was removed).
     */
    record Verdict(List<String> survivors, List<String> removed) {
    }

    Verdict check(Path original, Path copy, Path workDir) throws IOException, InterruptedException {
        Set<String> benign = byDesign(workDir);
        List<InventoryMetadata.Inventory> both = inventory.of(List.of(original, copy), workDir);
        InventoryMetadata.Inventory before = both.get(0);
        InventoryMetadata.Inventory after = both.get(1);
        Set<String> copyValues = new HashSet<>();
        after.fields().values().forEach(values -> values.forEach(value -> copyValues.add(normal(value))));
        List<String> haystacks = after.pieces().stream()
                .map(piece -> new String(piece.bytes(), StandardCharsets.ISO_8859_1)).toList();
        Set<String> survivors = new TreeSet<>();
        if (!before.complete() || !after.complete()) {
            // What could not be laid open could not be compared: no copy rather than an unchecked one.
            survivors.add("Check:too-big-to-compare");
        }
        for (Map.Entry<String, Set<String>> field : before.fields().entrySet()) {
            for (String value : field.getValue()) {
                if (identifying(field.getKey(), value) && !benign.contains(normal(value))
                        && (copyValues.contains(normal(value)) || foundIn(haystacks, value))) {
                    survivors.add(field.getKey());
                    break;
                }
            }
        }
        List<String> removed = new ArrayList<>(before.fields().keySet());
        removed.removeAll(after.fields().keySet());
        removed.removeIf(name -> name.startsWith("Package:") || name.startsWith("PDF:"));
        return new Verdict(new ArrayList<>(survivors), removed);
    }

    static boolean identifying(String field, String value) {
        String tag = field.substring(field.indexOf(':') + 1);
        if (RENDERING_TAGS.contains(tag) || tag.endsWith("Ref") || tag.startsWith("EmbeddedImage")
                || value.startsWith("(Binary data")) {
            return false;
        }
        String trimmed = value.strip();
        if (NUMBERISH.matcher(trimmed).matches()) {
            long digits = trimmed.chars().filter(Character::isDigit).count();
            if (trimmed.chars().filter(Character::isDigit).allMatch(digit -> digit == '0')) {
                return false; // a zero or an empty date ("0000:00:00 00:00:00") names nothing
            }
            return digits >= MIN_NUMBER_DIGITS || (tag.contains("GPS") && digits > 0);
        }
        return trimmed.length() >= MIN_TEXT_LENGTH || tag.contains("GPS");
    }

    private static boolean foundIn(List<String> haystacks, String value) {
        for (String needle : needles(value)) {
            for (String haystack : haystacks) {
                if (haystack.contains(needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The value as its bytes would appear in a file, read as ISO-8859-1 like the haystacks. */
    private static Set<String> needles(String value) {
        Set<String> needles = new HashSet<>();
        String escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        for (String form : List.of(value.strip(), escaped.strip())) {
            if (form.length() < 3) {
                continue;
            }
            for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                    StandardCharsets.UTF_16BE)) {
                needles.add(new String(form.getBytes(charset), StandardCharsets.ISO_8859_1));
            }
        }
        return needles;
    }

    private static String normal(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** Values of the standard colour profiles copies carry: present in copies by design, never from the file. */
    private Set<String> byDesign(Path workDir) throws IOException, InterruptedException {
        if (byDesign == null) {
            Set<String> values = new HashSet<>();
            Path srgb = Files.createTempFile(workDir, "standard-", ".icc");
            Path grey = Files.createTempFile(workDir, "standard-", ".icc");
            try {
                Files.write(srgb, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
                Files.write(grey, ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData());
                for (InventoryMetadata.Inventory profile : inventory.of(List.of(srgb, grey), workDir)) {
                    profile.fields().values().forEach(set -> set.forEach(value -> values.add(normal(value))));
                }
            } finally {
                Files.deleteIfExists(srgb);
                Files.deleteIfExists(grey);
            }
            byDesign = values;
        }
        return byDesign;
    }
}
