package org.ratebook.console.api.limits;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Every text, date and instant read from a JSON body passes {@link InputLimits} while it is parsed, so no
 * endpoint can forget it: a 1 MB tax id, a NUL in a name or the year 9999 never reach a command. Boot
 * registers this module with the API's JSON mapper.
 */
@Component
public class BoundedJsonModule extends SimpleModule {

    public BoundedJsonModule() {
        super("ratebook-input-limits");
        addDeserializer(String.class, new BoundedText());
        addDeserializer(LocalDate.class, new BoundedDate());
        addDeserializer(Instant.class, new BoundedInstant());
        addDeserializer(BigDecimal.class, new BoundedDecimal());
    }

    private static String field(JsonParser p) {
        String name = p.currentName();
        return name == null ? "a text field" : "'" + name + "'";
    }

    static final class BoundedText extends StdScalarDeserializer<String> {
        BoundedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            return InputLimits.text(field(p), StringDeserializer.instance.deserialize(p, ctxt));
        }
    }

    static final class BoundedDate extends StdScalarDeserializer<LocalDate> {
        BoundedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            return InputLimits.date(field(p), LocalDateDeserializer.INSTANCE.deserialize(p, ctxt));
        }
    }

    static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            return InputLimits.decimal(field(p), NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt));
        }
    }

    static final class BoundedInstant extends StdScalarDeserializer<Instant> {
        BoundedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            return InputLimits.instant(field(p), InstantDeserializer.INSTANT.deserialize(p, ctxt));
        }
    }
}
