package org.ratebook.engine.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** A version's content read back from its stored event hashes as the pack that was decided with. */
class PackHistoryTest {

    @Test
    void contentReadBackFromTheEventJsonHashesAsTheOriginal() throws Exception {
        ObjectMapper mapper = AxonConfiguration.eventMapper();
        for (String folder : new String[] {RulePackLoader.DEFAULT_PACK, "org/ratebook/rules/packs/standard"}) {
            RulePack original = RulePackLoader.fromClasspath(folder, 1);
            String json = mapper.writeValueAsString(RulePackContent.of(original));
            RulePackContent back = mapper.readValue(json, RulePackContent.class);
            assertThat(PackHistory.canonical(back).asVersion(1).contentHash()).as(folder)
                    .isEqualTo(original.contentHash());
        }
    }
}
