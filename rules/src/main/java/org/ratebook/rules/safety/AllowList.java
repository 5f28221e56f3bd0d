package org.ratebook.rules.safety;

import org.ratebook.rules.decision.Decisions;
import org.ratebook.rules.decision.Outputs;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.fact.AccountStanding;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.BillingDate;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.Cadence;
import org.ratebook.rules.fact.BundleDiscount;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ChangeKind;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.rules.fact.ProrationBehaviour;
import org.ratebook.rules.fact.OneOffCharge;
import org.ratebook.rules.fact.PlanChange;
import org.ratebook.rules.fact.Charge;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.fact.DunningThreshold;
import org.ratebook.rules.fact.Coupon;
import org.ratebook.rules.fact.CouponDuration;
import org.ratebook.rules.fact.DiscountKind;
import org.ratebook.rules.fact.Promotion;
import org.ratebook.rules.fact.RedeemedCoupon;
import org.ratebook.rules.fact.Seller;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.fact.TaxRate;
import org.ratebook.rules.fact.VolumeDiscount;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsagePeriod;
import org.ratebook.rules.fact.UsageTier;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Map.entry;

/**
 * Everything DRL may name. The validator rejects whatever is not listed here, so a Java class, method or
 * keyword stays forbidden until someone adds it on purpose.
 *
 * <p>Methods are derived by reflection from the allowed types, keeping only those whose result is itself a
 * harmless value, so no call chain leads to {@code Class}, class loaders, streams or threads. A method name
 * after a dot is checked without knowing the receiver's type (a lexer cannot know it), so a name that is
 * dangerous on any type a rule can reach is denied outright: Java lets {@code "%09999999999d".format(1)} call
 * the static {@code String.format} through any string.
 */
final class AllowList {

    static final String FACT_PACKAGE = "org.ratebook.rules.fact";

    /** The facts rules may match; keep in step with {@code org.ratebook.rules.fact}. */
    static final List<Class<?>> FACT_TYPES = List.of(BillingAccount.class, BillingDate.class, BillingMode.class,
            BillingPeriod.class, CatalogPlan.class, Charge.class, SubscriptionPeriod.class, PlanChange.class,
            ChangeKind.class, ChangeTiming.class, OneOffCharge.class, AccountStanding.class, DunningState.class,
            DunningAction.class, Seller.class, TaxRate.class, Coupon.class, CouponDuration.class, DiscountKind.class,
            RedeemedCoupon.class, VolumeDiscount.class, BundleDiscount.class, Promotion.class, ChargeModel.class,
            UsageCharge.class, UsagePeriod.class, UsageTier.class, Cadence.class, DunningThreshold.class,
            ProrationBehaviour.class);

    /** Immutable values rules may compute with. */
    static final List<Class<?>> VALUE_TYPES = List.of(BigDecimal.class, RoundingMode.class, LocalDate.class,
            YearMonth.class, DayOfWeek.class, Month.class, Period.class);

    static final Set<String> IMPORTS = Stream.of(
                    FACT_TYPES.stream().map(Class::getName),
                    Stream.of(FACT_PACKAGE + ".*", Decisions.class.getName()),
                    Outputs.all().stream().map(o -> o.type().getName()),
                    VALUE_TYPES.stream().map(Class::getName))
            .flatMap(s -> s).collect(Collectors.toUnmodifiableSet());

    /** The global of pack format 1, allowed in front of each category's own output (see {@link Outputs}). */
    static final String LEGACY_GLOBAL = Outputs.LEGACY_GLOBAL;
    static final Set<String> LEGACY_GLOBAL_TYPES = Set.of(Decisions.class.getSimpleName(), Decisions.class.getName());

    /** Where rules record results, for messages. */
    static final String OUTPUTS = "their category's output (pricing, change, rating, discount, tax or standing)";

    /** The names of every output global, and the legacy one. */
    static final Set<String> GLOBAL_NAMES = Stream.concat(Outputs.all().stream().map(Outputs.Output::global),
            Stream.of(LEGACY_GLOBAL)).collect(Collectors.toUnmodifiableSet());

    /** Both compile the same allow-listed code: constraints are MVEL in the classic compiler anyway. */
    static final Set<String> DIALECTS = Set.of("java", "mvel");

    static final Set<String> ACCUMULATE_FUNCTIONS =
            Set.of("sum", "count", "min", "max", "average", "collectList", "collectSet");

    /** Types a pattern may have when it receives an accumulate result instead of matching facts. */
    static final Set<String> ACCUMULATE_RESULT_TYPES =
            Set.of("Object", "Number", "BigDecimal", "Long", "Integer", "Double");

    /** Words a condition may use besides bindings, classes and the matched fact's fields. */
    static final Set<String> CONDITION_WORDS = Set.of("true", "false", "null", "instanceof", "this",
            "matches", "contains", "memberOf", "soundslike", "excludes", "in", "not");

    /** Words the actions after {@code then} may use besides bindings, locals, classes and decisions. */
    static final Set<String> ACTION_WORDS = Set.of("true", "false", "null", "instanceof", "if", "else", "return",
            "final", "int", "long", "boolean", "double");

    static final Set<String> PRIMITIVE_TYPES = Set.of("int", "long", "boolean", "double");

    static final Set<String> CONDITION_SYMBOLS = Set.of("(", ")", ",", ".", "+", "-", "*", "/", "%",
            "==", "!=", "<", ">", "<=", ">=", "&&", "||", "!", "?", ":");

    static final Set<String> ACTION_SYMBOLS = Stream.concat(CONDITION_SYMBOLS.stream(),
            Stream.of("{", "}", ";", "=", "+=", "-=", "*=", "/=", "++", "--")).collect(Collectors.toUnmodifiableSet());

    /** Only {@code new BigDecimal("…")} with a plain decimal: an exponent such as 1E999999999 is a memory bomb. */
    static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");

    /** Words that analysts may reach for, with what to do instead. Any other unknown word gets a general hint. */
    static final Map<String, String> FORBIDDEN_WORDS = forbiddenWords();

    private static final String HUGE_NUMBERS = "it can build enormous numbers; multiply by an exact factor instead";
    private static final String HUGE_TEXTS = "it can build enormous texts";

    /** Methods denied on every type, with why. */
    private static final Map<String, String> DENIED_MEMBERS = Map.ofEntries(
            entry("getClass", "rules may not inspect Java classes"),
            entry("wait", "rules may not work with threads"),
            entry("notify", "rules may not work with threads"),
            entry("notifyAll", "rules may not work with threads"),
            entry("pow", HUGE_NUMBERS),
            entry("scaleByPowerOfTen", HUGE_NUMBERS),
            entry("movePointLeft", HUGE_NUMBERS),
            entry("movePointRight", HUGE_NUMBERS),
            entry("setScale", "rounding belongs to the pack's money policy, which rounds every amount to its "
                    + "currency once; pass the exact value"),
            entry("repeat", HUGE_TEXTS),
            entry("format", HUGE_TEXTS),
            entry("now", "rules read the billing date from the BillingDate fact, never the clock"),
            entry("getLong", "through a number, Java would read it as Long.getLong, which reads server settings"));

    /** Calls whose extra arguments are dangerous (a scale of 999999999 digits), with what to write instead. */
    record ArgumentLimit(int max, String instead) {
    }

    static final Map<String, ArgumentLimit> ARGUMENT_LIMITS = Map.of(
            "divide", new ArgumentLimit(2, "a scale is rounding, which belongs to the pack's money policy; "
                    + "write divide(x) or divide(x, RoundingMode.HALF_UP)"),
            "valueOf", new ArgumentLimit(1, "a scale can build enormous numbers; write new BigDecimal(\"19.5\")"));

    private static final Set<Class<?>> BOXES = Set.of(Boolean.class, Character.class, Byte.class, Short.class,
            Integer.class, Long.class, Float.class, Double.class);

    /** String is reachable through every text field, so its methods are listed by hand, not reflected. */
    private static final Set<String> STRING_METHODS = Set.of("equals", "equalsIgnoreCase", "startsWith",
            "endsWith", "contains", "isEmpty", "isBlank", "length", "toUpperCase", "toLowerCase", "trim", "strip",
            "substring", "indexOf", "compareTo", "compareToIgnoreCase", "charAt", "toString", "hashCode");

    private static final Map<String, Set<String>> STATIC_MEMBERS = staticMembers();
    private static final Set<String> INSTANCE_MEMBERS = instanceMembers();

    /** The hint after "X is not allowed:" for a word that is none of the allowed names. */
    static final String NAMES_HINT = "rules may only use their bound facts ($names), their own local variables, "
            + OUTPUTS + " and " + VALUE_TYPES.stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
            + ", String and Math.min/max/abs";

    /** The hint after ".x is not allowed:" for a method that is none of the allowed ones. */
    static final String MEMBERS_HINT = "after a dot, rules may only call reading methods of their facts and values "
            + "(such as amount(), compareTo(...), plusDays(...)) and the methods of " + OUTPUTS;

    private AllowList() {
    }

    static Optional<Class<?>> factType(String name) {
        return FACT_TYPES.stream().filter(t -> t.getSimpleName().equals(name) || t.getName().equals(name)).findFirst();
    }

    /** Every simple class name rules may write, including the global's type. */
    static Set<String> classNames() {
        return Stream.of(STATIC_MEMBERS.keySet().stream(), Stream.of(Decisions.class.getSimpleName()),
                Outputs.all().stream().map(o -> o.type().getSimpleName())).flatMap(x -> x)
                .collect(Collectors.toUnmodifiableSet());
    }

    static boolean isClassName(String word) {
        return STATIC_MEMBERS.containsKey(word);
    }

    /** What may follow {@code ClassName.}; empty for String, which may only be a local variable's type. */
    static Set<String> staticMembers(String className) {
        return STATIC_MEMBERS.getOrDefault(className, Set.of());
    }

    static boolean isInstanceMember(String name) {
        return INSTANCE_MEMBERS.contains(name);
    }

    /** The global a file of {@code category} writes to, and the simple and full names of its type. */
    static Outputs.Output output(RuleCategory category) {
        return Outputs.of(category);
    }

    static Set<String> globalTypes(RuleCategory category) {
        Class<?> type = Outputs.of(category).type();
        return Set.of(type.getSimpleName(), type.getName());
    }

    static Optional<String> deniedMember(String name) {
        return Optional.ofNullable(DENIED_MEMBERS.get(name));
    }

    private static Map<String, Set<String>> staticMembers() {
        Map<String, Set<String>> members = new HashMap<>();
        for (Class<?> type : allowedTypes()) {
            Set<String> names = new TreeSet<>();
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && isPermitted(m)) {
                    names.add(m.getName());
                }
            }
            for (Field f : type.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && isHarmless(f.getType())) {
                    names.add(f.getName());
                }
            }
            members.put(type.getSimpleName(), Set.copyOf(names));
        }
        members.put("Math", Set.of("min", "max", "abs"));
        members.put("String", Set.of());
        return Map.copyOf(members);
    }

    private static Set<String> instanceMembers() {
        Set<String> names = new TreeSet<>(STRING_METHODS);
        for (Class<?> type : allowedTypes()) {
            for (Method m : type.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && isPermitted(m)) {
                    names.add(m.getName());
                    beanProperty(m).ifPresent(names::add);
                }
            }
        }
        return Set.copyOf(names);
    }

    private static List<Class<?>> allowedTypes() {
        return Stream.concat(FACT_TYPES.stream(), VALUE_TYPES.stream()).toList();
    }

    private static boolean isPermitted(Method method) {
        return deniedMember(method.getName()).isEmpty() && isHarmless(method.getReturnType());
    }

    private static boolean isHarmless(Class<?> type) {
        return type.isPrimitive() || type == String.class || BOXES.contains(type)
                || FACT_TYPES.contains(type) || VALUE_TYPES.contains(type);
    }

    /** MVEL reads {@code date.dayOfWeek} as {@code getDayOfWeek()}, so getters count under their property name. */
    private static Optional<String> beanProperty(Method method) {
        if (method.getParameterCount() != 0) {
            return Optional.empty();
        }
        String name = method.getName();
        int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
        if (prefix == 0 || name.length() == prefix || !Character.isUpperCase(name.charAt(prefix))) {
            return Optional.empty();
        }
        return Optional.of(Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1));
    }

    private static Map<String, String> forbiddenWords() {
        Map<String, String> words = new HashMap<>();
        String workingMemory = "rules must not change the facts the engine matches; record results through "
                + OUTPUTS + ", e.g. tax.rate($charge, rate, label)";
        for (String w : List.of("insert", "insertLogical", "update", "modify", "delete", "retract")) {
            words.put(w, workingMemory);
        }
        for (String w : List.of("drools", "kcontext")) {
            words.put(w, "rules may not reach into the rule engine; record results through " + OUTPUTS);
        }
        for (String w : List.of("for", "while", "do")) {
            words.put(w, "loops are not allowed in rules; write one rule per case and let the engine match "
                    + "every fact");
        }
        for (String w : List.of("try", "catch", "finally", "throw", "throws")) {
            words.put(w, "rules may not throw or catch exceptions; describe each case with conditions instead");
        }
        return Map.copyOf(words);
    }
}
