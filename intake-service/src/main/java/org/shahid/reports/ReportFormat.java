package org.shahid.reports;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How {@code report} prints a {@link TransparencyReport}: aligned text for people, CSV or JSON for machines. */
public enum ReportFormat {

    TEXT {
        @Override
        public void write(TransparencyReport report, PrintWriter out) {
            out.println("Shahid transparency report, " + period(report));
            out.println(report.rule());
            report.notes().forEach(out::println);
            for (ReportSection section : report.sections()) {
                out.println();
                out.println(section.title());
                List<List<String>> lines = new ArrayList<>();
                List<String> header = new ArrayList<>(List.of(""));
                section.columns().forEach(column -> header.add(column.replace('_', ' ')));
                lines.add(header);
                for (ReportSection.Row row : section.rows()) {
                    List<String> line = new ArrayList<>(List.of(row.label()));
                    row.cells().forEach(cell -> line.add(cell.text()));
                    lines.add(line);
                }
                if (section.rows().isEmpty()) {
                    out.println("  (no mail in this period)");
                } else {
                    lines.forEach(line -> out.println(aligned(line, widths(lines))));
                }
            }
        }

        private static int[] widths(List<List<String>> lines) {
            int[] widths = new int[lines.get(0).size()];
            lines.forEach(line -> {
                for (int column = 0; column < line.size(); column++) {
                    widths[column] = Math.max(widths[column], line.get(column).length());
                }
            });
            return widths;
        }

        private static String aligned(List<String> line, int[] widths) {
            StringBuilder text = new StringBuilder("  ").append(line.get(0))
                    .append(" ".repeat(widths[0] - line.get(0).length()));
            for (int column = 1; column < line.size(); column++) {
                text.append(" ".repeat(2 + widths[column] - line.get(column).length())).append(line.get(column));
            }
            return text.toString().stripTrailing();
        }
    },

    CSV {
        @Override
        public void write(TransparencyReport report, PrintWriter out) {
            out.println("section,item,column,value");
            out.println(csv("about", "period", "from", report.from().map(LocalDate::toString).orElse("")));
            out.println(csv("about", "period", "to", report.to().map(LocalDate::toString).orElse("")));
            out.println(csv("about", "privacy", "min_count", Integer.toString(report.minCount())));
            out.println(csv("about", "privacy", "rule", report.rule()));
            report.notes().forEach(note -> out.println(csv("about", "note", "text", note)));
            for (ReportSection section : report.sections()) {
                for (ReportSection.Row row : section.rows()) {
                    for (int column = 0; column < section.columns().size(); column++) {
                        ReportSection.Cell cell = row.cells().get(column);
                        if (cell.kind() != ReportSection.Cell.Kind.EMPTY) {
                            out.println(csv(section.key(), row.label(), section.columns().get(column), cell.text()));
                        }
                    }
                }
            }
        }

        private static String csv(String... fields) {
            return java.util.Arrays.stream(fields)
                    .map(field -> field.matches(".*[,\"\r\n].*") ? "\"" + field.replace("\"", "\"\"") + "\"" : field)
                    .collect(Collectors.joining(","));
        }
    },

    JSON {
        @Override
        public void write(TransparencyReport report, PrintWriter out) {
            out.println("{");
            out.println("  \"period\": {\"from\": " + date(report.from()) + ", \"to\": " + date(report.to()) + "},");
            out.println("  \"min_count\": " + report.minCount() + ",");
            out.println("  \"rule\": " + string(report.rule()) + ",");
            out.println("  \"notes\": [" + report.notes().stream().map(ReportFormat::string)
                    .collect(Collectors.joining(", ")) + "],");
            out.println("  \"sections\": {");
            List<String> sections = new ArrayList<>();
            for (ReportSection section : report.sections()) {
                List<String> rows = new ArrayList<>();
                for (ReportSection.Row row : section.rows()) {
                    List<String> cells = new ArrayList<>();
                    for (int column = 0; column < section.columns().size(); column++) {
                        cells.add(string(section.columns().get(column)) + ": " + value(row.cells().get(column)));
                    }
                    rows.add("      " + string(row.label()) + ": {" + String.join(", ", cells) + "}");
                }
                sections.add("    " + string(section.key()) + ": {" + (rows.isEmpty() ? "}"
                        : "\n" + String.join(",\n", rows) + "\n    }"));
            }
            out.println(String.join(",\n", sections));
            out.println("  }");
            out.println("}");
        }

        private static String value(ReportSection.Cell cell) {
            return switch (cell.kind()) {
                case NUMBER -> cell.text();
                case SUPPRESSED, TEXT -> string(cell.text());
                case WITHHELD, EMPTY -> "null";
            };
        }

        private static String date(Optional<LocalDate> day) {
            return day.map(LocalDate::toString).map(ReportFormat::string).orElse("null");
        }
    };

    public abstract void write(TransparencyReport report, PrintWriter out);

    public static ReportFormat named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "'; use text, csv or json");
        }
    }

    private static String period(TransparencyReport report) {
        if (report.from().isEmpty() && report.to().isEmpty()) {
            return "all time";
        }
        return report.from().map(day -> "from " + day).orElse("from the start")
                + report.to().map(day -> " to " + day + " (exclusive)").orElse(" to today");
    }

    private static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char character : text.toCharArray()) {
            switch (character) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> json.append(character < 0x20 ? String.format("\\u%04x", (int) character)
                        : String.valueOf(character));
            }
        }
        return json.append('"').toString();
    }
}
