package org.ratebook.rules.pack;

import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class CompiledPackLookupTest {

    @Test
    void aPackInstanceIsHashedOnceAndFindsItsCompiledForm() {
        RulePackCompiler compiler = new RulePackCompiler(Clock.systemUTC());
        RulePack pack = RulePackLoader.defaultPack();

        assertThat(compiler.isCompiled(pack)).isFalse();
        CompiledPack first = compiler.compiled(pack);

        assertThat(compiler.isCompiled(pack)).isTrue();
        assertThat(compiler.compiled(pack)).isSameAs(first);
        assertThat(first.contentHash()).isEqualTo(pack.contentHash());
        assertThat(compiler.compiled(RulePackLoader.defaultPack()))
                .as("another instance with the same content shares the compiled form").isSameAs(first);
    }

    @Test
    void theHashIsRememberedPerInstanceAndEqualToTheComputedOne() {
        ContentHashes hashes = new ContentHashes();
        RulePack pack = RulePackLoader.defaultPack();
        RulePack renamed = pack.withVersion(7);

        assertThat(hashes.of(pack)).isEqualTo(pack.contentHash());
        assertThat(hashes.of(pack)).isEqualTo(pack.contentHash());
        assertThat(hashes.of(renamed)).isEqualTo(pack.contentHash());
        assertThat(hashes.size()).isEqualTo(2);
    }

    @Test
    void theWarmUpPackPassesTheValidatorAndCompiles() {
        RulePack pack = CompilerWarmUp.pack();
        assertThat(pack.sources()).hasSize(2);
        assertThat(RulePackCompiler.compile(pack).kieBase(RuleCategory.PRICING)).isPresent();
        assertThat(RulePackCompiler.compile(pack).kieBase(RuleCategory.TAX)).isPresent();
    }
}
