package io.esteira.validation;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The anchors GitHub gives a Markdown file's headings ("## A batch is in the DLQ" → a-batch-is-in-the-dlq). */
final class Anchors {

    private Anchors() {}

    static Set<String> of(String markdown) {
        Set<String> anchors = new TreeSet<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").strip();
                anchors.add(title.toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        }
        return anchors;
    }
}
