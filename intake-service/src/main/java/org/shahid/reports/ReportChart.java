package org.shahid.reports;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a table of a published report as a bar chart in SVG (JFreeChart on JFreeSVG): one bar per row, stacked
 * when several columns are charted. Suppressed cells are left out, never drawn as zero. Stateless; thread-safe.
 */
public final class ReportChart {

    /** The colours of the series, first the one a reader's eye goes to. */
    public static final List<Color> SERIES = List.of(new Color(0xB2, 0x22, 0x34), new Color(0x1F, 0x5F, 0x8B),
            new Color(0xE0, 0x8E, 0x0B), new Color(0x3C, 0x8D, 0x2F), new Color(0x6B, 0x4C, 0x9A),
            new Color(0x80, 0x80, 0x80));
    private static final int WIDTH = 760;

    private ReportChart() {
    }

    /** The chart as an SVG document, or null when no charted cell has a published number. */
    public static String svg(ReportSection section, List<Integer> columns, boolean horizontal) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        boolean anything = false;
        for (ReportSection.Row row : section.rows()) {
            for (int column : columns) {
                ReportSection.Cell cell = row.cells().get(column);
                if (cell.kind() == ReportSection.Cell.Kind.NUMBER) {
                    double value = Double.parseDouble(cell.text());
                    dataset.addValue(value, section.columns().get(column), row.label());
                    anything |= value > 0;
                }
            }
        }
        if (!anything) {
            return null;
        }
        PlotOrientation orientation = horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
        JFreeChart chart = columns.size() > 1
                ? ChartFactory.createStackedBarChart(null, null, null, dataset, orientation, true, false, false)
                : ChartFactory.createBarChart(null, null, null, dataset, orientation, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
        Font font = new Font("SansSerif", Font.PLAIN, 12);
        plot.getDomainAxis().setTickLabelFont(font);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        plot.getRangeAxis().setTickLabelFont(font);
        plot.getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        for (int series = 0; series < columns.size(); series++) {
            renderer.setSeriesPaint(series, SERIES.get(series % SERIES.size()));
        }
        int height = horizontal ? Math.max(160, 60 + 26 * section.rows().size()) : 320;
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, height);
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, height));
        return graphics.getSVGDocument();
    }
}
