package org.shahid.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shahid.language.Language;

/**
 * Writes a published report (the findings, the transparency report) to a folder a person opens and a machine
 * reads: {@code index.html} (printable, right-to-left for Arabic and Sorani), one SVG chart per charted table and
 * one CSV file per table, with the same cells as the HTML. Stateless and thread-safe.
 *
 * @param charts per table key, the columns drawn as bars (several: stacked); a table not listed gets no chart
 * @param horizontal per table key, false for upright bars (days); horizontal by default
 * @param rowHeaders per table key, the header of the row labels' column
 */
public record HtmlReport(Language language, String title, String subtitle, List<String> notes, List<ReportSection> sections,
                  Map<String, List<Integer>> charts, Map<String, Boolean> horizontal, Map<String, String> rowHeaders) {

    public void writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
            StringBuilder html = new StringBuilder();
            html.append("<!DOCTYPE html>\n<html lang=\"").append(language.code()).append("\" dir=\"")
                    .append(language.direction()).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                    .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n")
                    .append("<body>\n<h1>").append(escape(title)).append("</h1>\n<p class=\"period\">")
                    .append(escape(subtitle)).append("</p>\n");
            for (String note : notes) {
                html.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
            }
            for (ReportSection section : sections) {
                html.append("<section id=\"").append(section.key()).append("\">\n<h2>").append(escape(section.title()))
                        .append("</h2>\n");
                List<Integer> charted = charts.get(section.key());
                String svg = charted == null ? null
                        : ReportChart.svg(section, charted, horizontal.getOrDefault(section.key(), true));
                if (svg != null) {
                    Files.writeString(folder.resolve(section.key() + ".svg"), svg, StandardCharsets.UTF_8);
                    html.append("<img class=\"chart\" src=\"").append(section.key()).append(".svg\" alt=\"")
                            .append(escape(section.title())).append("\">\n");
                }
                html.append(table(section));
                html.append("<p class=\"csv\"><a href=\"").append(section.key()).append(".csv\">")
                        .append(section.key()).append(".csv</a></p>\n</section>\n");
                Files.writeString(folder.resolve(section.key() + ".csv"), csv(section), StandardCharsets.UTF_8);
            }
            html.append("</body>\n</html>\n");
            Files.writeString(folder.resolve("index.html"), html.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + folder, e);
        }
    }

    private String table(ReportSection section) {
        StringBuilder html = new StringBuilder("<table>\n<thead><tr><th>")
                .append(escape(rowHeaders.getOrDefault(section.key(), ""))).append("</th>");
        section.columns().forEach(column -> html.append("<th>").append(escape(column)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (ReportSection.Row row : section.rows()) {
            html.append("<tr><th scope=\"row\">").append(escape(row.label())).append("</th>");
            for (ReportSection.Cell cell : row.cells()) {
                html.append("<td class=\"").append(cell.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\">")
                        .append(escape(cell.text())).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    /** The table as CSV: a header of the column titles, then the row label and the cells as printed. */
    public String csv(ReportSection section) {
        List<String> header = new java.util.ArrayList<>(List.of(rowHeaders.getOrDefault(section.key(), "")));
        header.addAll(section.columns());
        StringBuilder csv = new StringBuilder(line(header));
        for (ReportSection.Row row : section.rows()) {
            List<String> fields = new java.util.ArrayList<>(List.of(row.label()));
            row.cells().forEach(cell -> fields.add(cell.text()));
            csv.append(line(fields));
        }
        return csv.toString();
    }

    private static String line(List<String> fields) {
        return fields.stream().map(field -> field.matches("(?s).*[,\"\r\n].*")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", "Noto Naskh Arabic", Arial, sans-serif; margin: 2em; color: #222; }
            h1 { font-size: 1.6em; margin: 0 0 .3em; }
            h2 { font-size: 1.2em; margin: 1.6em 0 .5em; border-bottom: 2px solid #B22234; padding-bottom: .2em; }
            p.period { font-size: 1.05em; }
            p.note { font-size: .85em; color: #555; max-width: 60em; }
            table { border-collapse: collapse; margin: .5em 0; font-size: .9em; }
            th, td { border: 1px solid #bbb; padding: .25em .6em; text-align: start; vertical-align: top; }
            thead th { background: #f0f0f0; }
            td.number, td.suppressed, td.withheld { text-align: end; font-variant-numeric: tabular-nums; }
            td.suppressed, td.withheld { color: #777; }
            img.chart { display: block; max-width: 100%; margin: .5em 0; }
            p.csv { font-size: .8em; }
            @media print { body { margin: 1cm; } section { break-inside: avoid; } p.csv { display: none; } }
            """;
}
