package org.shahid.evidence;

import static org.shahid.evidence.ImageCorpus.EMAIL;
import static org.shahid.evidence.ImageCorpus.HOST;
import static org.shahid.evidence.ImageCorpus.ORGANISATION;
import static org.shahid.evidence.ImageCorpus.OWNER;
import static org.shahid.evidence.ImageCorpus.SERIAL;
import static org.shahid.evidence.ImageCorpus.ascii;
import static org.shahid.evidence.ImageCorpus.concat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A phone's HEIC as phones write it, grown from the libheif-encoded {@code photo-gps.heic} (a grid of one hidden
 * tile, EXIF and XMP items): a thumbnail and an HDR gain map (auxiliary image) beside the primary image, an ICC
 * profile with text, item names, a handler name, an SEI message in the tile's coded data and in its {@code hvcC},
 * and after the media data a C2PA {@code uuid} box and a {@code free} box, each carrying a marker.
 */
final class HeicCorpus {

    static final List<String> MARKERS = List.of(SERIAL, OWNER, ORGANISATION, HOST, EMAIL, EvidenceFixtures.AUTHOR,
            "SN-998877", "LaylaPhone");
    private static final int THUMBNAIL = 20;
    private static final int GAIN_MAP = 21;
    private static final int XMP_ITEM = 22;

    private HeicCorpus() {
    }

    static byte[] phoneHeic() throws Exception {
        return phoneHeic(false);
    }

    /**
     * The same phone HEIC with its ICC profile marked essential (a decoder must apply it), which the allowlist
     * cannot keep (it never keeps a profile) and so cannot rebuild; libheif decodes it all the same.
     */
    static byte[] phoneHeicWithEssentialProfile() throws Exception {
        return phoneHeic(true);
    }

    private static byte[] phoneHeic(boolean essentialProfile) throws Exception {
        HeifItems base = HeifItems.read(EvidenceFixtures.heicWithGps());
        int tile = base.items.values().stream().filter(item -> item.type().equals("hvc1")).findFirst()
                .orElseThrow().id();
        List<byte[]> properties = new ArrayList<>();
        for (HeifItems.Property property : base.properties) {
            properties.add(property.type().equals("hvcC") ? withSeiArray(property.box()) : property.box());
        }
        properties.add(box("colr", concat(ascii("prof"), ImageCorpus.iccWithText())));
        int icc = properties.size();
        properties.add(box("auxC", concat(new byte[4], ascii("urn:com:apple:photo:2020:aux:hdrgainmap\0"),
                ascii("made on " + HOST))));
        int auxC = properties.size();
        int hvcC = indexOf(base, "hvcC");
        int tileSize = base.associations.get(tile).stream().filter(a -> a.propertyIndex() != hvcC).findFirst()
                .orElseThrow().propertyIndex();

        Map<Integer, String> types = new LinkedHashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<Integer, byte[]> data = new LinkedHashMap<>();
        Map<Integer, List<Integer>> associations = new LinkedHashMap<>();
        for (HeifItems.Item item : base.items.values()) {
            types.put(item.id(), item.type());
            names.put(item.id(), item.id() == base.primary ? "Photo by " + OWNER : "");
            byte[] bytes = base.data(item);
            data.put(item.id(), item.id() == tile ? concat(sei(SERIAL + " " + EMAIL), bytes) : bytes);
            List<Integer> list = new ArrayList<>();
            base.associations.getOrDefault(item.id(), List.of())
                    .forEach(a -> list.add(a.propertyIndex() | (a.essential() ? 0x80 : 0)));
            if (item.type().equals("hvc1") || item.type().equals("grid")) {
                list.add(essentialProfile ? icc | 0x80 : icc);
            }
            associations.put(item.id(), list);
        }
        types.put(THUMBNAIL, "hvc1");
        names.put(THUMBNAIL, "thumb " + HOST);
        data.put(THUMBNAIL, base.data(base.items.get(tile)));
        associations.put(THUMBNAIL, List.of(hvcC | 0x80, tileSize));
        types.put(GAIN_MAP, "hvc1");
        names.put(GAIN_MAP, "gain map " + ORGANISATION);
        data.put(GAIN_MAP, base.data(base.items.get(tile)));
        associations.put(GAIN_MAP, List.of(hvcC | 0x80, tileSize, auxC | 0x80));
        types.put(XMP_ITEM, "mime");
        names.put(XMP_ITEM, "");
        data.put(XMP_ITEM, ImageCorpus.xmp());

        List<byte[]> references = new ArrayList<>();
        for (HeifItems.Reference reference : base.references) {
            references.add(reference(reference.type(), reference.from(), reference.to()));
        }
        references.add(reference("thmb", THUMBNAIL, List.of(base.primary)));
        references.add(reference("auxl", GAIN_MAP, List.of(base.primary)));
        references.add(reference("cdsc", XMP_ITEM, List.of(base.primary)));

        byte[] ftyp = box("ftyp", concat(ascii("heic"), new byte[4], ascii("mif1heicmiaf")));
        byte[] meta = meta(types, names, data, properties, associations, references, base.primary, 0);
        meta = meta(types, names, data, properties, associations, references, base.primary,
                ftyp.length + meta.length + 8);
        ByteArrayOutputStream mdat = new ByteArrayOutputStream();
        data.values().forEach(mdat::writeBytes);
        byte[] c2pa = box("uuid", concat(new byte[] {(byte) 0xD8, (byte) 0xFE, (byte) 0xC3, (byte) 0xD6, 0x1B, 0x0E,
            0x48, 0x3C, (byte) 0x92, (byte) 0x97, 0x58, 0x28, (byte) 0x87, 0x7E, (byte) 0xC4, (byte) 0x81},
                ascii("c2pa{\"author\":\"" + OWNER + "\",\"email\":\"" + EMAIL + "\"}")));
        return concat(ftyp, meta, box("mdat", mdat.toByteArray()), c2pa, box("free", ascii("edited on " + HOST)));
    }

    private static int indexOf(HeifItems base, String type) {
        for (int i = 0; i < base.properties.size(); i++) {
            if (base.properties.get(i).type().equals(type)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no " + type);
    }

    /** A prefix SEI NAL unit (type 39), user data unregistered, with a 4-byte length as in HEIC. */
    private static byte[] sei(String text) {
        byte[] payload = concat(new byte[16], ascii(text));
        byte[] nal = concat(new byte[] {0x4E, 0x01, 5, (byte) payload.length}, payload, new byte[] {(byte) 0x80});
        return concat(u32(nal.length), nal);
    }

    /** The hvcC with one more array: a prefix SEI NAL, as some encoders store there. */
    private static byte[] withSeiArray(byte[] hvcc) {
        byte[] nal = concat(new byte[] {0x4E, 0x01, 5, 0}, ascii("encoder of " + ORGANISATION));
        nal[3] = (byte) (nal.length - 4);
        byte[] body = java.util.Arrays.copyOfRange(hvcc, 8, hvcc.length);
        body[22] = (byte) (body[22] + 1);
        return box("hvcC", concat(body, new byte[] {(byte) 0x27, 0, 1}, u16(nal.length), nal));
    }

    private static byte[] meta(Map<Integer, String> types, Map<Integer, String> names, Map<Integer, byte[]> data,
                               List<byte[]> properties, Map<Integer, List<Integer>> associations,
                               List<byte[]> references, int primary, long mdatStart) {
        ByteArrayOutputStream iloc = new ByteArrayOutputStream();
        iloc.writeBytes(new byte[] {1, 0, 0, 0, 0x44, 0x00});
        iloc.writeBytes(u16(data.size()));
        long offset = mdatStart;
        for (Map.Entry<Integer, byte[]> item : data.entrySet()) {
            iloc.writeBytes(concat(u16(item.getKey()), u16(0), u16(0), u16(1), u32(offset),
                    u32(item.getValue().length)));
            offset += item.getValue().length;
        }
        ByteArrayOutputStream iinf = new ByteArrayOutputStream();
        iinf.writeBytes(concat(new byte[4], u16(types.size())));
        for (Map.Entry<Integer, String> item : types.entrySet()) {
            boolean hidden = item.getKey() != primary && !item.getValue().equals("mime")
                    && !item.getValue().equals("Exif");
            byte[] contentType = item.getValue().equals("mime") ? ascii("application/rdf+xml\0") : new byte[0];
            iinf.writeBytes(box("infe", concat(new byte[] {2, 0, 0, (byte) (hidden ? 1 : 0)}, u16(item.getKey()),
                    u16(0), ascii(item.getValue()), ascii(names.get(item.getKey()) + "\0"), contentType)));
        }
        ByteArrayOutputStream ipco = new ByteArrayOutputStream();
        properties.forEach(ipco::writeBytes);
        ByteArrayOutputStream ipma = new ByteArrayOutputStream();
        ipma.writeBytes(concat(new byte[4], u32(associations.size())));
        for (Map.Entry<Integer, List<Integer>> item : associations.entrySet()) {
            ipma.writeBytes(u16(item.getKey()));
            ipma.write(item.getValue().size());
            item.getValue().forEach(ipma::write);
        }
        return box("meta", concat(new byte[4],
                box("hdlr", concat(new byte[8], ascii("pict"), new byte[12], ascii("Camera of " + OWNER + "\0"))),
                box("pitm", concat(new byte[4], u16(primary))),
                box("iloc", iloc.toByteArray()),
                box("iinf", iinf.toByteArray()),
                box("iref", concat(new byte[4], concat(references.toArray(byte[][]::new)))),
                box("iprp", concat(box("ipco", ipco.toByteArray()), box("ipma", ipma.toByteArray())))));
    }

    private static byte[] reference(String type, int from, List<Integer> to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(u16(from));
        out.writeBytes(u16(to.size()));
        to.forEach(id -> out.writeBytes(u16(id)));
        return box(type, out.toByteArray());
    }

    private static byte[] box(String type, byte[] body) {
        return concat(u32(8L + body.length), ascii(type), body);
    }

    private static byte[] u16(int value) {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }

    private static byte[] u32(long value) {
        return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
    }
}
