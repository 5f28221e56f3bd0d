package org.ratebook.rules.safety;

import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.ratebook.rules.decision.Outputs;
import org.ratebook.rules.pack.DrlSource;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether a DRL file may be compiled. Drools has no sandbox: compiled DRL runs with the server's
 * rights, and restricting imports does not help because code can name any class in full. So every file
 * is checked against an allow-list before Drools' compiler sees it: the file is parsed with the parser the
 * compiler uses (same language level), its structure may only contain what {@link AllowList} lists, and
 * every word of its code is checked by {@link CodeChecker}. Rules can then only read their facts and
 * record results through their category's own output ({@link Outputs}): a tax rule cannot create a charge.
 */
public final class DrlValidator {

    /** The language level Drools' compiler parses with, so both read the same rules from the same text. */
    private static final LanguageLevelOption LANGUAGE_LEVEL =
            KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration().getOption(LanguageLevelOption.KEY);

    /** A plain relative path ending in .drl: the compiler picks the resource type (DRL, DSLR, …) by suffix. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.drl");
    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Pattern PARSER_PREFIX = Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+ ");

    public List<Violation> validate(DrlSource source) {
        DrlFile file = new DrlFile(source.name(), source.text(), source.category());
        if (!FILE_NAME.matcher(source.name()).matches()) {
            file.reject(1, "the file name " + source.name() + " is not allowed: use letters, digits, - and _ "
                    + "and end it with .drl, e.g. rules/tax-eu.drl");
        }
        parse(file).ifPresent(pkg -> {
            checkPackage(file, pkg);
            Set<String> imports = pkg.getImports().stream().map(ImportDescr::getTarget).collect(Collectors.toSet());
            pkg.getRules().forEach(rule -> new RuleChecker(file, imports, rule).check());
        });
        return file.violations();
    }

    private static Optional<PackageDescr> parse(DrlFile file) {
        DrlParser parser = new DrlParser(LANGUAGE_LEVEL);
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, file.text());
        } catch (DroolsParserException e) {
            file.reject(1, "the rules cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        for (DroolsError error : parser.getErrors()) {
            int[] lines = error.getLines();
            file.reject(lines.length > 0 ? lines[0] : 1,
                    "the rules cannot be read: " + PARSER_PREFIX.matcher(error.getMessage()).replaceFirst(""));
        }
        if (pkg == null && !parser.hasErrors()) {
            file.reject(1, "the rules cannot be read");
        }
        return parser.hasErrors() ? Optional.empty() : Optional.ofNullable(pkg);
    }

    private static void checkPackage(DrlFile file, PackageDescr pkg) {
        packageName(file, pkg);
        pkg.getAttributes().stream()
                .filter(a -> !a.getName().equals("dialect") || !AllowList.DIALECTS.contains(a.getValue()))
                .forEach(a -> file.reject(a.getLine(), a.getName() + " " + a.getValue() + " is not allowed here: "
                        + "a file may only set dialect \"java\" or \"mvel\""));
        for (ImportDescr i : pkg.getImports()) {
            if (!AllowList.IMPORTS.contains(i.getTarget())) {
                file.reject(i.getLine(), "import " + i.getTarget() + " is not allowed: rules may only import the "
                        + "facts (" + AllowList.FACT_PACKAGE + ".*), the outputs of org.ratebook.rules.decision, "
                        + "java.math.BigDecimal and RoundingMode, and java.time.LocalDate, YearMonth, DayOfWeek, "
                        + "Month and Period");
            }
        }
        rejectAll(file, pkg.getFunctionImports(), i -> "import function " + i.getTarget() + " is not allowed: "
                + "rules may not call Java methods as functions");
        rejectAll(file, pkg.getAccumulateImports(), i -> "import accumulate " + i.getTarget() + " is not allowed: "
                + "use the built-in " + String.join(", ", AllowList.ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
        Outputs.Output own = AllowList.output(file.category());
        String ownGlobal = "global " + own.type().getSimpleName() + " " + own.global() + ";";
        for (GlobalDescr g : pkg.getGlobals()) {
            boolean isOwn = g.getIdentifier().equals(own.global())
                    && AllowList.globalTypes(file.category()).contains(g.getType());
            boolean isLegacy = g.getIdentifier().equals(AllowList.LEGACY_GLOBAL)
                    && AllowList.LEGACY_GLOBAL_TYPES.contains(g.getType());
            if (isOwn || isLegacy) {
                continue;
            }
            String why = Outputs.byGlobal(g.getIdentifier())
                    .filter(other -> other.category() != file.category())
                    .map(other -> file.category().aRule() + " cannot write to the " + other.category().word()
                            + " output; ")
                    .orElse("");
            file.reject(g.getLine(), "global " + g.getType() + " " + g.getIdentifier() + " is not allowed: " + why
                    + "the rules of a " + file.category().word() + " file record their results through '"
                    + ownGlobal + "'");
        }
        rejectAll(file, pkg.getFunctions(), f -> "function " + f.getName() + " is not allowed: put the logic in "
                + "the rule's conditions and actions");
        rejectAll(file, pkg.getClassAndEnumDeclarationDescrs(), t -> "declare " + t.getTypeName()
                + " is not allowed: rules may not declare types; they work with the facts they are given");
        rejectAll(file, pkg.getEntryPointDeclarations(), e -> "declare entry-point " + e.getEntryPointId()
                + " is not allowed: all facts are in the rule's session already");
        rejectAll(file, pkg.getWindowDeclarations(), w -> "declare window " + w.getName() + " is not allowed");
        if (pkg.getUnit() != null) {
            file.reject(pkg.getLine(), "rule units are not allowed");
        }
    }

    /**
     * Java resolves a simple name in the file's own package before java.lang and wildcard imports, so a
     * package that holds a class named like an allowed one (java.lang, java.math, …) would change what
     * {@code String} or {@code BigDecimal} means.
     */
    private static void packageName(DrlFile file, PackageDescr pkg) {
        String name = pkg.getName();
        if (name == null || name.isEmpty()) {
            return;
        }
        if (!PACKAGE_NAME.matcher(name).matches()) {
            file.reject(pkg.getLine(), "package " + name + " is not allowed: use lower-case words separated by "
                    + "dots, e.g. ratebook.tax");
            return;
        }
        String folder = name.replace('.', '/') + "/";
        ClassLoader loader = DrlValidator.class.getClassLoader();
        AllowList.classNames().stream()
                .filter(simpleName -> loader.getResource(folder + simpleName + ".class") != null)
                .findFirst()
                .ifPresent(clash -> file.reject(pkg.getLine(), "package " + name + " is not allowed: it is a Java "
                        + "package (it holds " + clash + "); name it after the pack, e.g. ratebook.tax"));
    }

    private static <D extends BaseDescr> void rejectAll(DrlFile file, Collection<D> declarations,
                                                        Function<D, String> message) {
        declarations.forEach(d -> file.reject(d.getLine(), message.apply(d)));
    }
}
