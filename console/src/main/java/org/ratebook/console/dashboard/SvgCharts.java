package org.ratebook.console.dashboard;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.awt.Color;
import java.awt.Font;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Charts drawn on the server with JFreeChart into SVG with Apache Batik's SVG generator (decision 023; Apache-2.0, where
 * JFreeSVG, used before, is GPLv3): no browser add-on, no npm, the
 * same markup in every browser, and the numbers stay in the table beside each chart.
 */
final class SvgCharts {

    private static final java.util.concurrent.atomic.AtomicLong CHARTS = new java.util.concurrent.atomic.AtomicLong();
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private static final Color[] PALETTE = {new Color(0x1676f3), new Color(0x2bb673), new Color(0xf5a623),
            new Color(0xe5484d), new Color(0x8e4ec6), new Color(0x12a594)};

    private SvgCharts() {
    }

    /** A bar chart: one bar group per category, one series per key of {@code series} (in its order). */
    static String bars(String valueAxis, List<String> categories, Map<String, List<BigDecimal>> series,
                       boolean horizontal, boolean stacked, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, values) -> {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(values.get(i), name, categories.get(i));
            }
        });
        PlotOrientation orientation = horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
        JFreeChart chart = stacked
                ? ChartFactory.createStackedBarChart(null, null, valueAxis, data, orientation, series.size() > 1,
                false, false)
                : ChartFactory.createBarChart(null, null, valueAxis, data, orientation, series.size() > 1, false,
                false);
        style(chart);
        return svg(chart, width, height);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlineVisible(false);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        plot.getDomainAxis().setTickLabelFont(font);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.5f);
        plot.getRangeAxis().setTickLabelFont(font);
        plot.getRangeAxis().setLabelFont(font);
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setMaximumBarWidth(0.08);
            for (int i = 0; i < PALETTE.length; i++) {
                bars.setSeriesPaint(i, PALETTE[i]);
            }
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(font);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }

    private static String svg(JFreeChart chart, int width, int height) {
        try {
            Document document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .getDOMImplementation().createDocument(SVG_NS, "svg", null);
            // ids of clip paths and the like unique per chart: the page holds several charts, and a second chart's
            // url(#clipPath1) would otherwise clip it to the first chart's plot area (its bars vanished)
            org.apache.batik.svggen.SVGGeneratorContext context =
                    org.apache.batik.svggen.SVGGeneratorContext.createDefault(document);
            String chartId = "c" + CHARTS.incrementAndGet() + "-";
            context.setIDGenerator(new org.apache.batik.svggen.SVGIDGenerator() {
                @Override
                public String generateID(String prefix) {
                    return super.generateID(chartId + prefix);
                }
            });
            SVGGraphics2D g = new SVGGraphics2D(context, false);
            g.setSVGCanvasSize(new Dimension(width, height));
            chart.draw(g, new Rectangle(0, 0, width, height));
            Element root = g.getRoot();
            // Batik names its group of shared definitions with a fixed id; make it the chart's own too
            org.w3c.dom.NodeList all = root.getElementsByTagName("*");
            for (int i = 0; i < all.getLength(); i++) {
                if (all.item(i) instanceof Element e && e.getAttribute("id").equals("genericDefs")) {
                    e.setAttribute("id", chartId + "genericDefs");
                }
            }
            root.setAttribute("viewBox", "0 0 " + width + " " + height);
            root.setAttribute("role", "img");
            // the element alone, without an XML declaration: it goes into the page's markup as it is
            javax.xml.transform.Transformer out = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            out.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter markup = new StringWriter();
            out.transform(new javax.xml.transform.dom.DOMSource(root), new javax.xml.transform.stream.StreamResult(markup));
            return markup.toString();
        } catch (javax.xml.parsers.ParserConfigurationException | javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("the chart could not be written as SVG", e);
        }
    }
}
