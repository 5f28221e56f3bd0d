package org.ratebook.engine.subscription.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What a subscription change command does, returned by its handler: the day it takes effect and the timeline
 * afterwards. Sent with the {@value #DRY_RUN} meta-data flag, the handler decides and returns this without
 * recording anything, so a planned change can be previewed.
 */
public record ChangeOutcome(LocalDate effectiveOn, List<PhaseStart> timeline) {

    public static final String DRY_RUN = "dryRun";

    public ChangeOutcome {
        timeline = List.copyOf(timeline);
    }
}
