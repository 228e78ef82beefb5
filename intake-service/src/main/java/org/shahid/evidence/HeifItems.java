package org.shahid.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The item structure of a HEIF file (ISO/IEC 23008-12) as read from its {@code meta} box: the primary item, each
 * item's type, where its data lies ({@code iloc}), its references ({@code iref}) and properties ({@code ipco},
 * {@code ipma}). Only what {@link ScrubHeic} needs to pick the boxes that decode the primary image; names, content
 * types and everything else are read past. A structure it cannot follow throws, so no copy is made from a guess.
 * Immutable once read.
 */
final class HeifItems {

    /** One stretch of an item's bytes, an absolute file offset or an offset into {@code idat}. */
    record Extent(long offset, long length) {
    }

    record Item(int id, String type, boolean hidden, boolean inIdat, List<Extent> extents) {
    }

    /** A property box (type and whole box bytes) and, per item, which properties apply and whether essentially. */
    record Property(String type, byte[] box) {
    }

    record Association(int propertyIndex, boolean essential) {
    }

    record Reference(String type, int from, List<Integer> to) {
    }

    final byte[] file;
    String majorBrand = "";
    final List<String> compatibleBrands = new ArrayList<>();
    int primary = -1;
    final Map<Integer, Item> items = new LinkedHashMap<>();
    final List<Reference> references = new ArrayList<>();
    final List<Property> properties = new ArrayList<>();
    final Map<Integer, List<Association>> associations = new LinkedHashMap<>();
    final List<String> topLevelBoxes = new ArrayList<>();
    final List<String> metaBoxes = new ArrayList<>();
    private final Map<Integer, String> types = new LinkedHashMap<>();
    private final Map<Integer, Boolean> hiddenItems = new LinkedHashMap<>();
    private final Map<Integer, Location> locations = new LinkedHashMap<>();
    private int idatStart = -1;
    private int idatLength;

    private record Location(int method, List<Extent> extents) {
    }

    private HeifItems(byte[] file) {
        this.file = file;
    }

    static HeifItems read(byte[] file) throws IOException {
        HeifItems heif = new HeifItems(file);
        try {
            heif.readTopLevel();
        } catch (IndexOutOfBoundsException | IllegalArgumentException broken) {
            throw new IOException("HEIF structure broken", broken);
        }
        return heif;
    }

    /** The bytes of an item's data, its extents in order. */
    byte[] data(Item item) throws IOException {
        long total = 0;
        for (Extent extent : item.extents()) {
            total += extent.length();
        }
        if (total > file.length) {
            throw new IOException("HEIF item larger than the file");
        }
        byte[] data = new byte[(int) total];
        int at = 0;
        for (Extent extent : item.extents()) {
            long start = item.inIdat() ? idatStart + extent.offset() : extent.offset();
            long limit = item.inIdat() ? idatStart + (long) idatLength : file.length;
            if (start < 0 || start + extent.length() > limit) {
                throw new IOException("HEIF item data outside its box");
            }
            System.arraycopy(file, (int) start, data, at, (int) extent.length());
            at += (int) extent.length();
        }
        return data;
    }

    private void readTopLevel() throws IOException {
        int position = 0;
        boolean sawMeta = false;
        while (position < file.length) {
            Box box = box(position, file.length);
            topLevelBoxes.add(box.type());
            if (box.type().equals("ftyp")) {
                majorBrand = fourCc(box.body());
                for (int brand = box.body() + 8; brand + 4 <= box.end(); brand += 4) {
                    compatibleBrands.add(fourCc(brand));
                }
            } else if (box.type().equals("meta") && !sawMeta) {
                sawMeta = true;
                readMeta(box.body() + 4, box.end());
            }
            position = box.end();
        }
        if (!sawMeta || primary < 0) {
            throw new IOException("HEIF without a primary item");
        }
        for (Map.Entry<Integer, String> type : types.entrySet()) {
            Location location = locations.get(type.getKey());
            if (location == null) {
                continue; // an item without data (a grid's tiles always have some; checked when used)
            }
            items.put(type.getKey(), new Item(type.getKey(), type.getValue(), hiddenItems.get(type.getKey()),
                    location.method() == 1, location.extents()));
        }
        if (!items.containsKey(primary)) {
            throw new IOException("HEIF primary item has no data");
        }
    }

    private void readMeta(int start, int end) throws IOException {
        int position = start;
        while (position < end) {
            Box box = box(position, end);
            metaBoxes.add(box.type());
            switch (box.type()) {
                case "pitm" -> primary = version(box) == 0 ? u16(box.body() + 4) : (int) u32(box.body() + 4);
                case "iinf" -> readItemInfos(box);
                case "iloc" -> readLocations(box);
                case "iref" -> readReferences(box);
                case "iprp" -> readProperties(box);
                case "idat" -> {
                    idatStart = box.body();
                    idatLength = box.end() - box.body();
                }
                default -> {
                    // hdlr, dinf, grpl and the rest: rebuilt or left out by the scrubber
                }
            }
            position = box.end();
        }
    }

    private void readItemInfos(Box iinf) throws IOException {
        int position = iinf.body() + 4 + (version(iinf) == 0 ? 2 : 4);
        while (position < iinf.end()) {
            Box infe = box(position, iinf.end());
            if (infe.type().equals("infe")) {
                int version = version(infe);
                if (version < 2) {
                    throw new IOException("HEIF item info version " + version);
                }
                int at = infe.body() + 4;
                int id = version == 2 ? u16(at) : (int) u32(at);
                at += version == 2 ? 2 : 4;
                at += 2; // protection index
                types.put(id, fourCc(at));
                hiddenItems.put(id, (file[infe.body() + 3] & 1) != 0);
            }
            position = infe.end();
        }
    }

    private void readLocations(Box iloc) throws IOException {
        int version = version(iloc);
        int at = iloc.body() + 4;
        int offsetSize = (file[at] & 0xFF) >> 4;
        int lengthSize = file[at] & 0x0F;
        int baseOffsetSize = (file[at + 1] & 0xFF) >> 4;
        int indexSize = version == 0 ? 0 : file[at + 1] & 0x0F;
        at += 2;
        long count = version < 2 ? u16(at) : u32(at);
        at += version < 2 ? 2 : 4;
        for (long i = 0; i < count; i++) {
            int id = version < 2 ? u16(at) : (int) u32(at);
            at += version < 2 ? 2 : 4;
            int method = 0;
            if (version > 0) {
                method = u16(at) & 0x0F;
                at += 2;
            }
            int dataReference = u16(at);
            at += 2;
            long base = sized(at, baseOffsetSize);
            at += baseOffsetSize;
            int extentCount = u16(at);
            at += 2;
            List<Extent> extents = new ArrayList<>();
            for (int e = 0; e < extentCount; e++) {
                at += indexSize;
                long offset = sized(at, offsetSize);
                at += offsetSize;
                long length = sized(at, lengthSize);
                at += lengthSize;
                extents.add(new Extent(base + offset, length));
            }
            if (method > 1 || dataReference != 0) {
                throw new IOException("HEIF item data by reference");
            }
            if (extents.stream().anyMatch(extent -> extent.length() == 0)) {
                throw new IOException("HEIF item extent of open length");
            }
            locations.put(id, new Location(method, extents));
            if (at > iloc.end()) {
                throw new IOException("HEIF iloc past its box");
            }
        }
    }

    private void readReferences(Box iref) throws IOException {
        boolean wide = version(iref) == 1;
        int position = iref.body() + 4;
        while (position < iref.end()) {
            Box reference = box(position, iref.end());
            int at = reference.body();
            int from = wide ? (int) u32(at) : u16(at);
            at += wide ? 4 : 2;
            int count = u16(at);
            at += 2;
            List<Integer> to = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                to.add(wide ? (int) u32(at) : u16(at));
                at += wide ? 4 : 2;
            }
            references.add(new Reference(reference.type(), from, List.copyOf(to)));
            position = reference.end();
        }
    }

    private void readProperties(Box iprp) throws IOException {
        int position = iprp.body();
        while (position < iprp.end()) {
            Box child = box(position, iprp.end());
            if (child.type().equals("ipco")) {
                int at = child.body();
                while (at < child.end()) {
                    Box property = box(at, child.end());
                    byte[] bytes = new byte[property.end() - property.start()];
                    System.arraycopy(file, property.start(), bytes, 0, bytes.length);
                    properties.add(new Property(property.type(), bytes));
                    at = property.end();
                }
            } else if (child.type().equals("ipma")) {
                readAssociations(child);
            }
            position = child.end();
        }
    }

    private void readAssociations(Box ipma) {
        int version = version(ipma);
        boolean wideIndex = (file[ipma.body() + 3] & 1) != 0;
        int at = ipma.body() + 4;
        long count = u32(at);
        at += 4;
        for (long i = 0; i < count; i++) {
            int id = version < 1 ? u16(at) : (int) u32(at);
            at += version < 1 ? 2 : 4;
            int associationCount = file[at++] & 0xFF;
            List<Association> list = new ArrayList<>();
            for (int a = 0; a < associationCount; a++) {
                int value = wideIndex ? u16(at) : file[at] & 0xFF;
                at += wideIndex ? 2 : 1;
                int indexMask = wideIndex ? 0x7FFF : 0x7F;
                boolean essential = (value & (wideIndex ? 0x8000 : 0x80)) != 0;
                list.add(new Association(value & indexMask, essential));
            }
            associations.put(id, List.copyOf(list));
        }
    }

    private record Box(String type, int start, int body, int end) {
    }

    private Box box(int position, int limit) throws IOException {
        if (position + 8 > limit) {
            throw new IOException("HEIF box header past its parent");
        }
        long size = u32(position);
        int header = 8;
        if (size == 1) {
            size = (u32(position + 8) << 32) | u32(position + 12);
            header = 16;
        } else if (size == 0) {
            size = limit - position;
        }
        if (size < header || position + size > limit) {
            throw new IOException("HEIF box past its parent");
        }
        return new Box(fourCc(position + 4), position, position + header, (int) (position + size));
    }

    private int version(Box box) {
        return file[box.body()] & 0xFF;
    }

    private long sized(int at, int size) throws IOException {
        return switch (size) {
            case 0 -> 0;
            case 4 -> u32(at);
            case 8 -> (u32(at) << 32) | u32(at + 4);
            default -> throw new IOException("HEIF field size " + size);
        };
    }

    private int u16(int at) {
        return ((file[at] & 0xFF) << 8) | (file[at + 1] & 0xFF);
    }

    private long u32(int at) {
        return ((long) (file[at] & 0xFF) << 24) | ((file[at + 1] & 0xFF) << 16) | ((file[at + 2] & 0xFF) << 8)
                | (file[at + 3] & 0xFF);
    }

    private String fourCc(int at) {
        return new String(file, at, 4, StandardCharsets.ISO_8859_1);
    }
}
