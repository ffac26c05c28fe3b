package io.vigie.stream.console;

import io.vigie.core.contract.Category;
import io.vigie.core.contract.Decision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A reviewer's decision as the console writes it on the decisions topic (key alertId): the contract's
 * {@code Decision} fields ({@code alertId, reviewer, verdict, ban, decidedAt, note}), which the engine reads, and
 * fields the engine ignores: the {@code action} chosen, the {@code categories} the reviewer found (a correction when
 * they differ from the alert's), the user and device concerned, whether the reviewer overrode another's claim or
 * an earlier decision, and the {@code source}. Decisions of other tools (contract fields only) read as well: their
 * action follows from {@code ban}, their categories are the alert's.
 *
 * @param ban        true when the sender is banned (the contract field the engine acts on); true exactly when
 *                   {@code action} is a ban and the verdict CONFIRMED
 * @param action     never null after construction
 * @param categories the reviewer's categories; empty means "as the engine said" (or none, when dismissed)
 * @param userId     the alert's sender; may be null
 * @param deviceId   the sender's device, set with BAN_DEVICE; may be null
 */
public record ReviewDecision(String alertId, String reviewer, Decision.Verdict verdict, boolean ban,
                             Instant decidedAt, String note, Action action, List<Category> categories,
                             String userId, String deviceId, boolean override, String source) {

    /** Source of decisions written by the console. */
    public static final String SOURCE = "vigie-console";

    public ReviewDecision {
        Objects.requireNonNull(alertId, "alertId must not be null");
        Objects.requireNonNull(verdict, "verdict must not be null");
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (action == null) {
            action = ban ? Action.BAN_USER : Action.NONE;
        }
    }

    /** What the reviewer did about the sender. */
    public enum Action {
        /** No measure beyond the verdict. */
        NONE,
        /** Ban the sender's account (the engine then blocks their next message). */
        BAN_USER,
        /** Ban the account and its device (the engine flags new accounts on that device as ban evasion). */
        BAN_DEVICE
    }

    /** True when the reviewer's categories differ from the engine's. */
    public boolean recategorized(List<Category> engine) {
        return verdict == Decision.Verdict.CONFIRMED && !categories.isEmpty()
                && !new java.util.HashSet<>(categories).equals(new java.util.HashSet<>(engine));
    }

    /** The categories this decision stands for: none when dismissed, else the correction or the engine's. */
    public List<Category> effectiveCategories(List<Category> engine) {
        if (verdict == Decision.Verdict.DISMISSED) {
            return List.of();
        }
        return categories.isEmpty() ? engine : categories;
    }
}
