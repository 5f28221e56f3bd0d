package org.ratebook.console.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Starting points for common policies, each a whole DRL file. They live in one resource file,
 * {@code drl-templates.drl}, each introduced by {@code ### title | file}, so that a change of the rules' API (the
 * {@code decisions} global) is one edit.
 */
final class DrlTemplates {

    record Template(String title, String file, String text) {
    }

    private DrlTemplates() {
    }

    static List<Template> all() {
        try (InputStream in = DrlTemplates.class.getResourceAsStream("drl-templates.drl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Template> templates = new ArrayList<>();
            for (String part : text.split("(?m)^### ")) {
                if (part.isBlank()) {
                    continue;
                }
                int eol = part.indexOf('\n');
                String[] head = part.substring(0, eol).split("\\|");
                templates.add(new Template(head[0].strip(), head[1].strip(), part.substring(eol + 1)));
            }
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
