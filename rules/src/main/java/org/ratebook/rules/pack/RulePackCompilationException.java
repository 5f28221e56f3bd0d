package org.ratebook.rules.pack;

import java.util.List;

/**
 * DRL that is not allowed (see {@link org.ratebook.rules.safety.DrlValidator}) or does not compile; each problem
 * names the file and line, ready to show an analyst.
 */
public class RulePackCompilationException extends RuntimeException {
    private final List<String> problems;

    public RulePackCompilationException(List<String> problems) {
        super("rule pack cannot be compiled: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
