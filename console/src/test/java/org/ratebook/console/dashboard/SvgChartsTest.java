package org.ratebook.console.dashboard;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's charts are one SVG element each, with their labels as text, safe to put into the page. */
class SvgChartsTest {

    @Test
    void aBarChartIsOneSvgElementWithItsLabelsAsEscapedText() throws Exception {
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        series.put("Revenue", List.of(new BigDecimal("1200.50"), new BigDecimal("80.00")));
        String svg = SvgCharts.bars("Net revenue (EUR)", List.of("Alpha GmbH", "<script>alert(1)</script> & Co"),
                series, true, false, 900, 260);

        assertThat(svg).startsWith("<svg").doesNotContain("<?xml").doesNotContain("<script>");
        Document parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(parsed.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 900 260");
        NodeList texts = parsed.getElementsByTagName("text");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            labels.add(texts.item(i).getTextContent().trim());
        }
        assertThat(labels).contains("Alpha GmbH", "<script>alert(1)</script> & Co", "Net revenue (EUR)");
        // two bars drawn (plus the plot's own shapes)
        assertThat(parsed.getElementsByTagName("rect").getLength() + parsed.getElementsByTagName("path").getLength())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void twoChartsOnOnePageShareNoIds() throws Exception {
        Map<String, List<BigDecimal>> series = Map.of("MRR", List.of(new BigDecimal("10.00"), new BigDecimal("12.00")));
        String first = SvgCharts.bars("MRR (EUR)", List.of("Jan", "Feb"), series, false, false, 900, 260);
        String second = SvgCharts.bars("MRR (EUR)", List.of("Jan", "Feb"), series, true, false, 900, 96);
        java.util.Set<String> firstIds = ids(first);
        assertThat(firstIds).isNotEmpty();
        assertThat(ids(second)).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
    }

    private static java.util.Set<String> ids(String svg) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(svg);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
