package org.ratebook.rules.safety;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.ratebook.rules.safety.CodeChecker.Mode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one rule: its name and attributes, the shape of its conditions (only patterns on facts, the
 * logical elements and built-in accumulate functions), then all of its code once every binding is known.
 */
final class RuleChecker {

    /** Rule names end up in generated Java; no quotes, backslashes or comment markers can reach it. */
    private static final Pattern RULE_NAME = Pattern.compile("[\\p{L}\\p{N} %.,:;()&'+_\\-#!?]{1,200}");
    private static final Pattern BINDING = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SALIENCE = Pattern.compile("-?\\d{1,6}");
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9 _-]{1,100}");

    /** The logical elements a condition may be built from, by exact class (a subclass is something else). */
    private static final Set<Class<?>> LOGICAL_ELEMENTS =
            Set.of(AndDescr.class, OrDescr.class, NotDescr.class, ExistsDescr.class, ForallDescr.class);

    /** A piece of code found while walking the rule, checked once all bindings are collected. */
    private record Code(String text, int line, Mode mode) {
    }

    private final DrlFile file;
    private final Set<String> imports;
    private final RuleDescr rule;
    private final Set<String> bindings = new HashSet<>();
    private final List<Code> code = new ArrayList<>();

    RuleChecker(DrlFile file, Set<String> imports, RuleDescr rule) {
        this.file = file;
        this.imports = imports;
        this.rule = rule;
    }

    void check() {
        int line = rule.getLine();
        if (rule.isQuery()) {
            file.reject(line, "query " + rule.getName() + " is not allowed: a pack contains rules only");
            return;
        }
        if (!RULE_NAME.matcher(rule.getName()).matches()) {
            file.reject(line, "the rule name may only contain letters, digits, spaces and "
                    + ". , : ; ( ) & ' + _ - # ! ? %");
        }
        if (!rule.getAnnotationNames().isEmpty()) {
            file.reject(line, "annotations such as @" + rule.getAnnotationNames().iterator().next()
                    + " are not allowed on rules");
        }
        if (rule.getUnit() != null) {
            file.reject(line, "rule units are not allowed");
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            file.reject(line, "extra action blocks (then[...]) are not allowed: write one rule per outcome");
        }
        rule.getAttributes().values().forEach(this::attribute);
        element(rule.getLhs());
        actions();
        CodeChecker checker = new CodeChecker(file, bindings);
        code.forEach(c -> checker.check(c.text(), c.line(), c.mode()));
    }

    private void attribute(AttributeDescr attribute) {
        int line = attribute.getLine() > 0 ? attribute.getLine() : rule.getLine();
        String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
        switch (attribute.getName()) {
            case "salience" -> {
                if (!SALIENCE.matcher(value).matches()) {
                    file.reject(line, "salience must be a whole number such as 10, not a calculation");
                }
            }
            case "no-loop" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    file.reject(line, "no-loop must be true or false");
                }
            }
            case "activation-group" -> {
                if (!GROUP_NAME.matcher(value).matches()) {
                    file.reject(line, "an activation-group name may only contain letters, digits, spaces, _ and -");
                }
            }
            case "dialect" -> {
                if (!AllowList.DIALECTS.contains(value)) {
                    file.reject(line, "dialect \"" + value + "\" is not allowed: use \"java\" or \"mvel\"");
                }
            }
            default -> file.reject(line, "the attribute " + attribute.getName() + " is not allowed: rules may "
                    + "only use salience, no-loop, activation-group and dialect");
        }
    }

    private void element(BaseDescr element) {
        if (element.getClass() == PatternDescr.class) {
            pattern((PatternDescr) element);
        } else if (element.getClass() == EvalDescr.class) {
            eval((EvalDescr) element);
        } else if (LOGICAL_ELEMENTS.contains(element.getClass())) {
            for (Object child : ((ConditionalElementDescr) element).getDescrs()) {
                element((BaseDescr) child);
            }
        } else {
            file.reject(lineOf(element), describe(element) + " is not allowed in conditions: use patterns on facts "
                    + "with and, or, not, exists, forall, accumulate and eval");
        }
    }

    private void pattern(PatternDescr pattern) {
        int line = lineOf(pattern);
        bind(pattern.getIdentifier(), line);
        if (pattern.isQuery()) {
            file.reject(line, "calling the query " + pattern.getObjectType() + " is not allowed");
            return;
        }
        if (!pattern.getAnnotationNames().isEmpty() || !pattern.getBehaviors().isEmpty()) {
            file.reject(line, "annotations and windows (@..., over window:...) are not allowed on patterns");
        }
        PatternSourceDescr source = pattern.getSource();
        if (source == null) {
            factType(pattern.getObjectType(), line);
        } else if (source.getClass() == AccumulateDescr.class) {
            accumulate(pattern, (AccumulateDescr) source, line);
        } else {
            file.reject(line, sourceMessage(source));
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint.getClass() == ExprConstraintDescr.class) {
                String expression = ((ExprConstraintDescr) constraint).getExpression();
                bindings.addAll(CodeChecker.bindingsIn(expression));
                code.add(new Code(expression, file.lineOf(expression, constraint.getStartCharacter(),
                        lineOf(constraint)), Mode.CONDITION));
            } else {
                file.reject(lineOf(constraint), "this kind of constraint is not allowed: write a comparison such "
                        + "as amount > 100");
            }
        }
    }

    private void factType(String type, int line) {
        Optional<Class<?>> fact = AllowList.factType(type);
        if (fact.isEmpty()) {
            file.reject(line, "a pattern on " + type + " is not allowed: rules may only match the facts "
                    + AllowList.FACT_TYPES.stream().map(Class::getSimpleName).collect(Collectors.joining(", ")));
        } else if (type.equals(fact.get().getSimpleName()) && !imports.contains(fact.get().getName())
                && !imports.contains(AllowList.FACT_PACKAGE + ".*")) {
            file.reject(line, type + " is not imported: add import " + fact.get().getName() + ";");
        }
    }

    private void accumulate(PatternDescr result, AccumulateDescr accumulate, int line) {
        if (!AllowList.ACCUMULATE_RESULT_TYPES.contains(result.getObjectType())) {
            file.reject(line, "an accumulate result may only be matched as Number, BigDecimal, Long, Integer or Double "
                    + "(or without a type), "
                    + "not as " + result.getObjectType());
        }
        if (accumulate.getInitCode() != null || accumulate.getActionCode() != null
                || accumulate.getReverseCode() != null || accumulate.getResultCode() != null) {
            file.reject(line, "accumulate with its own code (init, action, reverse, result) is not allowed: use "
                    + String.join(", ", AllowList.ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            if (!AllowList.ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                file.reject(line, "the accumulate function " + function.getFunction() + " is not allowed: use "
                        + String.join(", ", AllowList.ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
            }
            bind(function.getBind(), line);
            for (String parameter : function.getParams()) {
                code.add(new Code(parameter, line, Mode.CONDITION));
            }
        }
        if (accumulate.getInput() != null) {
            element(accumulate.getInput());
        }
    }

    private void eval(EvalDescr eval) {
        if (eval.getContent() instanceof String expression) {
            code.add(new Code(expression, file.lineOf(expression, eval.getStartCharacter(), lineOf(eval)),
                    Mode.CONDITION));
        } else {
            file.reject(lineOf(eval), "this eval cannot be read");
        }
    }

    private void actions() {
        Object consequence = rule.getConsequence();
        if (!(consequence instanceof String actions)) {
            file.reject(rule.getLine(), "the actions after then cannot be read");
            return;
        }
        int then = rule.getConsequenceLine() > 0 ? rule.getConsequenceLine() : rule.getLine();
        code.add(new Code(actions, file.lineOf(actions, file.offsetOfLine(then), then), Mode.ACTION));
    }

    private void bind(String name, int line) {
        if (name == null) {
            return;
        }
        if (BINDING.matcher(name).matches()) {
            bindings.add(name);
        } else {
            file.reject(line, "name bindings with a leading $, e.g. $" + name + " instead of " + name);
        }
    }

    private int lineOf(BaseDescr descr) {
        return descr.getLine() > 0 ? descr.getLine() : rule.getLine();
    }

    private static String sourceMessage(PatternSourceDescr source) {
        if (source instanceof FromDescr) {
            return "from is not allowed: match facts directly, e.g. $charge : Charge(), and add them up with "
                    + "accumulate";
        }
        if (source instanceof EntryPointDescr) {
            return "entry points are not allowed: all facts are in the rule's session already";
        }
        if (source instanceof CollectDescr) {
            return "collect is not allowed: use accumulate with count(), sum() or collectList()";
        }
        return describe(source) + " is not allowed as a source of facts";
    }

    private static String describe(BaseDescr descr) {
        if (descr instanceof ConditionalBranchDescr) {
            return "if (...) do[...]";
        }
        if (descr instanceof NamedConsequenceDescr) {
            return "do[...]";
        }
        return descr.getClass().getSimpleName().replace("Descr", "").toLowerCase(Locale.ROOT);
    }
}
