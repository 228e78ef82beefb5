package org.shahid.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds a HEIC/HEIF still image from an allowlist of boxes ({@link HeifItems} reads them): {@code ftyp} with the
 * known brands, a {@code meta} with a nameless {@code hdlr}, {@code pitm}, {@code idat}, {@code iloc}, {@code iinf}
 * (items without names), {@code iref} (the derivation references only) and {@code iprp}, and one {@code mdat}
 * holding the data of the primary image and the tiles it is derived from, nothing else. EXIF, XMP and MIME items,
 * thumbnails, depth and alpha auxiliary images, image sequences ({@code moov}), {@code uuid} and unknown boxes go;
 * an ICC profile goes too (an nclx colour description, numbers only, stays), so the copy renders as sRGB; SEI
 * messages are cut from the coded data and from {@code hvcC}, which keeps only its parameter sets. The coded slices
 * are copied byte for byte, so the copy decodes to the same pixels. A file outside this allowlist (an essential
 * property it does not know, a broken box) that libheif can still decode gets a copy re-encoded from its pixels, a
 * JPEG ({@link ReencodePixels}); one it cannot decode gets none. Thread-safe.
 */
final class ScrubHeic implements MetadataScrubber {

    private final RunImageDecoder decoder;

    ScrubHeic(RunImageDecoder decoder) {
        this.decoder = decoder;
    }

    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    private static final Set<String> IMAGE_ITEMS = Set.of("hvc1", "grid", "iden", "iovl");
    private static final Set<String> DERIVED_ITEMS = Set.of("grid", "iden", "iovl");
    /** Properties that say how to decode and lay out the image: numbers, never text. */
    private static final Set<String> RENDERING_PROPERTIES = Set.of("hvcC", "ispe", "pixi", "irot", "imir", "clap",
            "rloc", "pasp", "lsel");
    private static final Set<String> BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1",
            "miaf", "MiHE", "MiHB", "MiHA", "MiPr");
    /** colr of kind nclx: three 16-bit codes and the range flag, numbers only. */
    private static final int NCLX_BOX_BYTES = 19;
    private static final int VPS = 32;
    private static final int PPS = 34;
    private static final int LAST_SLICE_TYPE = 31;

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        if (Files.size(input) > MAX_FILE_BYTES) {
            throw new IOException("HEIF too big to rebuild");
        }
        try {
            return rebuild(input, output);
        } catch (IOException outsideTheAllowlist) {
            Files.write(output, ReencodePixels.reencode(input, RunImageDecoder.Format.HEIF, decoder,
                    output.toAbsolutePath().getParent()));
            return List.of("HEIF:re-encoded");
        }
    }

    private List<String> rebuild(Path input, Path output) throws IOException {
        HeifItems heif = HeifItems.read(Files.readAllBytes(input));
        Set<String> removed = new LinkedHashSet<>();
        List<Integer> kept = keptItems(heif);
        for (HeifItems.Item item : heif.items.values()) {
            if (!kept.contains(item.id())) {
                removed.add("HEIF:item-" + (item.type().matches("[A-Za-z0-9]{4}") ? item.type() : "other"));
            }
        }
        heif.topLevelBoxes.stream().filter(type -> !Set.of("ftyp", "meta", "mdat").contains(type))
                .forEach(type -> removed.add("HEIF:box-" + (type.matches("[A-Za-z0-9]{4}") ? type : "other")));

        Map<Integer, Integer> newIndex = new LinkedHashMap<>();
        List<byte[]> properties = new ArrayList<>();
        Map<Integer, List<HeifItems.Association>> associations = new LinkedHashMap<>();
        Map<Integer, Integer> lengthSizes = new LinkedHashMap<>();
        for (int id : kept) {
            List<HeifItems.Association> list = new ArrayList<>();
            boolean described = false;
            for (HeifItems.Association association : heif.associations.getOrDefault(id, List.of())) {
                int oldIndex = association.propertyIndex();
                if (oldIndex < 1 || oldIndex > heif.properties.size()) {
                    continue; // index 0 means "no property"
                }
                HeifItems.Property property = heif.properties.get(oldIndex - 1);
                byte[] box = keptProperty(property, removed);
                if (box != null && property.type().equals("colr")) {
                    // One colour description per item.
                    if (described) {
                        continue;
                    }
                    described = true;
                }
                if (box == null) {
                    if (association.essential()) {
                        throw new IOException("HEIF essential property outside the allowlist");
                    }
                    continue;
                }
                if (property.type().equals("hvcC")) {
                    lengthSizes.put(id, (box[8 + 21] & 0x03) + 1);
                }
                int index = newIndex.computeIfAbsent(oldIndex, old -> {
                    properties.add(box);
                    return properties.size();
                });
                list.add(new HeifItems.Association(index, association.essential()));
            }
            associations.put(id, list);
        }

        Map<Integer, byte[]> data = new LinkedHashMap<>();
        for (int id : kept) {
            HeifItems.Item item = heif.items.get(id);
            byte[] bytes = heif.data(item);
            if (item.type().equals("hvc1")) {
                Integer lengthSize = lengthSizes.get(id);
                if (lengthSize == null) {
                    throw new IOException("HEVC item without its configuration");
                }
                bytes = slicesOnly(bytes, lengthSize, removed);
            }
            data.put(id, bytes);
        }
        List<HeifItems.Reference> references = new ArrayList<>();
        for (HeifItems.Reference reference : heif.references) {
            if (reference.type().equals("dimg") && kept.contains(reference.from())) {
                references.add(reference);
            } else {
                removed.add("HEIF:reference-" + (reference.type().matches("[A-Za-z0-9]{4}") ? reference.type()
                        : "other"));
            }
        }

        byte[] ftyp = ftyp(heif);
        byte[] meta = meta(heif, kept, properties, associations, references, data, 0);
        long mdatStart = (long) ftyp.length + meta.length + 8;
        meta = meta(heif, kept, properties, associations, references, data, mdatStart);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ftyp);
        out.writeBytes(meta);
        out.writeBytes(box("mdat", itemBytes(heif, data, false)));
        if (out.size() > 0xFFFF_FFFFL) {
            throw new IOException("HEIF copy too big for 32-bit offsets");
        }
        Files.write(output, out.toByteArray());
        return new ArrayList<>(removed);
    }

    /** The primary item and, for a grid or overlay, the tiles it is built from. */
    private static List<Integer> keptItems(HeifItems heif) throws IOException {
        List<Integer> kept = new ArrayList<>();
        Deque<Integer> pending = new ArrayDeque<>(List.of(heif.primary));
        while (!pending.isEmpty()) {
            int id = pending.pop();
            if (kept.contains(id)) {
                continue;
            }
            HeifItems.Item item = heif.items.get(id);
            if (item == null || !IMAGE_ITEMS.contains(item.type())) {
                throw new IOException("HEIF image item outside the allowlist");
            }
            kept.add(id);
            if (DERIVED_ITEMS.contains(item.type())) {
                for (HeifItems.Reference reference : heif.references) {
                    if (reference.type().equals("dimg") && reference.from() == id) {
                        pending.addAll(reference.to());
                    }
                }
            }
        }
        if (kept.size() > 4096) {
            throw new IOException("HEIF with too many tiles");
        }
        return kept;
    }

    /** The box to keep for a property, {@code null} to leave it out. */
    private static byte[] keptProperty(HeifItems.Property property, Set<String> removed) throws IOException {
        if (property.type().equals("hvcC")) {
            return parameterSetsOnly(property.box(), removed);
        }
        if (RENDERING_PROPERTIES.contains(property.type())) {
            return property.box();
        }
        if (property.type().equals("colr") && property.box().length >= 12) {
            String kind = new String(property.box(), 8, 4, StandardCharsets.ISO_8859_1);
            if (kind.equals("nclx") && property.box().length == NCLX_BOX_BYTES) {
                return property.box();
            }
            // Without a colour box a decoder renders the image as sRGB and the copy decodes as the encoder wrote
            // it; a replacement nclx would assert a colour space the original never declared.
            removed.add("HEIF:ICC-profile");
            return null;
        }
        removed.add("HEIF:property-" + (property.type().matches("[A-Za-z0-9]{4}") ? property.type() : "other"));
        return null;
    }

    /** hvcC keeps its 22 header bytes and the VPS, SPS and PPS arrays; SEI arrays go. */
    private static byte[] parameterSetsOnly(byte[] hvcc, Set<String> removed) throws IOException {
        int header = 8 + 22;
        if (hvcc.length < header + 1) {
            throw new IOException("hvcC too short");
        }
        ByteArrayOutputStream arrays = new ByteArrayOutputStream();
        int count = 0;
        int at = header + 1;
        for (int array = 0; array < (hvcc[header] & 0xFF); array++) {
            int type = hvcc[at] & 0x3F;
            int nalus = u16(hvcc, at + 1);
            int end = at + 3;
            for (int n = 0; n < nalus; n++) {
                end += 2 + u16(hvcc, end);
            }
            if (end > hvcc.length) {
                throw new IOException("hvcC array past its box");
            }
            if (type >= VPS && type <= PPS) {
                arrays.write(hvcc, at, end - at);
                count++;
            } else {
                removed.add("HEIF:SEI");
            }
            at = end;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(hvcc, 8, 22);
        body.write(count);
        arrays.writeTo(body);
        return box("hvcC", body.toByteArray());
    }

    /** The coded data's NAL units without SEI and other non-slice units; parameter sets and slices stay. */
    private static byte[] slicesOnly(byte[] data, int lengthSize, Set<String> removed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        int at = 0;
        while (at < data.length) {
            if (at + lengthSize > data.length) {
                throw new IOException("HEVC NAL length past the data");
            }
            long length = 0;
            for (int i = 0; i < lengthSize; i++) {
                length = (length << 8) | (data[at + i] & 0xFF);
            }
            int start = at + lengthSize;
            if (length < 2 || start + length > data.length) {
                throw new IOException("HEVC NAL past the data");
            }
            int type = (data[start] >> 1) & 0x3F;
            if (type <= LAST_SLICE_TYPE || (type >= VPS && type <= PPS)) {
                out.write(data, at, (int) (lengthSize + length));
            } else {
                removed.add("HEIF:SEI");
            }
            at = (int) (start + length);
        }
        return out.toByteArray();
    }

    private static byte[] ftyp(HeifItems heif) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String major = BRANDS.contains(heif.majorBrand) ? heif.majorBrand : "heic";
        body.writeBytes(major.getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(new byte[4]);
        Set<String> brands = new LinkedHashSet<>(List.of("mif1"));
        heif.compatibleBrands.stream().filter(BRANDS::contains).forEach(brands::add);
        brands.forEach(brand -> body.writeBytes(brand.getBytes(StandardCharsets.ISO_8859_1)));
        return box("ftyp", body.toByteArray());
    }

    private static byte[] meta(HeifItems heif, List<Integer> kept, List<byte[]> properties,
                               Map<Integer, List<HeifItems.Association>> associations,
                               List<HeifItems.Reference> references, Map<Integer, byte[]> data, long mdatStart)
            throws IOException {
        for (int id : kept) {
            if (id > 0xFFFF) {
                throw new IOException("HEIF item id beyond 16 bits");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[4]);
        // hdlr: pre_defined, 'pict', reserved, and an empty name (the name is free text).
        body.writeBytes(box("hdlr", concat(new byte[8], ascii("pict"), new byte[12], new byte[1])));
        body.writeBytes(box("pitm", concat(new byte[4], u16(heif.primary))));
        byte[] idat = itemBytes(heif, data, true);
        if (idat.length > 0) {
            body.writeBytes(box("idat", idat));
        }
        body.writeBytes(box("iloc", iloc(heif, kept, data, mdatStart)));
        ByteArrayOutputStream infos = new ByteArrayOutputStream();
        infos.writeBytes(new byte[4]);
        infos.writeBytes(u16(kept.size()));
        for (int id : kept) {
            HeifItems.Item item = heif.items.get(id);
            byte[] flags = {2, 0, 0, (byte) (item.hidden() ? 1 : 0)};
            infos.writeBytes(box("infe", concat(flags, u16(id), u16(0), ascii(item.type()), new byte[1])));
        }
        body.writeBytes(box("iinf", infos.toByteArray()));
        if (!references.isEmpty()) {
            ByteArrayOutputStream refs = new ByteArrayOutputStream();
            refs.writeBytes(new byte[4]);
            for (HeifItems.Reference reference : references) {
                ByteArrayOutputStream one = new ByteArrayOutputStream();
                one.writeBytes(u16(reference.from()));
                one.writeBytes(u16(reference.to().size()));
                for (int to : reference.to()) {
                    if (!kept.contains(to)) {
                        throw new IOException("HEIF derivation from a missing item");
                    }
                    one.writeBytes(u16(to));
                }
                refs.writeBytes(box(reference.type(), one.toByteArray()));
            }
            body.writeBytes(box("iref", refs.toByteArray()));
        }
        ByteArrayOutputStream ipco = new ByteArrayOutputStream();
        properties.forEach(ipco::writeBytes);
        boolean wide = properties.size() > 0x7F;
        ByteArrayOutputStream ipma = new ByteArrayOutputStream();
        ipma.writeBytes(new byte[] {0, 0, 0, (byte) (wide ? 1 : 0)});
        ipma.writeBytes(u32(kept.size()));
        for (int id : kept) {
            List<HeifItems.Association> list = associations.get(id);
            ipma.writeBytes(u16(id));
            ipma.write(list.size());
            for (HeifItems.Association association : list) {
                int value = association.propertyIndex() | (association.essential() ? (wide ? 0x8000 : 0x80) : 0);
                ipma.writeBytes(wide ? u16(value) : new byte[] {(byte) value});
            }
        }
        body.writeBytes(box("iprp", concat(box("ipco", ipco.toByteArray()), box("ipma", ipma.toByteArray()))));
        return box("meta", body.toByteArray());
    }

    /**
     * iloc version 1: 4-byte offsets and lengths, no base offset, one extent per item; data that lay in the
     * {@code idat} box (a grid's layout) stays there (construction method 1), coded data goes to mdat in order.
     */
    private static byte[] iloc(HeifItems heif, List<Integer> kept, Map<Integer, byte[]> data, long mdatStart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {1, 0, 0, 0});
        out.write(0x44);
        out.write(0x00);
        out.writeBytes(u16(kept.size()));
        long offset = mdatStart;
        long idatOffset = 0;
        for (int id : kept) {
            boolean inIdat = heif.items.get(id).inIdat();
            out.writeBytes(u16(id));
            out.writeBytes(u16(inIdat ? 1 : 0));
            out.writeBytes(u16(0));
            out.writeBytes(u16(1));
            out.writeBytes(u32(inIdat ? idatOffset : offset));
            out.writeBytes(u32(data.get(id).length));
            if (inIdat) {
                idatOffset += data.get(id).length;
            } else {
                offset += data.get(id).length;
            }
        }
        return out.toByteArray();
    }

    /** The bytes of the items of one place: {@code idat} ({@code true}) or mdat, in item order. */
    private static byte[] itemBytes(HeifItems heif, Map<Integer, byte[]> data, boolean inIdat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        data.forEach((id, bytes) -> {
            if (heif.items.get(id).inIdat() == inIdat) {
                out.writeBytes(bytes);
            }
        });
        return out.toByteArray();
    }

    private static byte[] box(String type, byte[] body) {
        return concat(u32(8L + body.length), ascii(type), body);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] u16(int value) {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }

    private static byte[] u32(long value) {
        return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }

    private static int u16(byte[] bytes, int at) throws IOException {
        if (at + 2 > bytes.length) {
            throw new IOException("HEIF field past its box");
        }
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
