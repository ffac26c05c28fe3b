/**
 * Step 5 of the pipeline: a message's findings, with the stored conversation, sender and device states, become
 * a severity, an action, an alert and the next states. Entry point: {@link io.vigie.core.ModerationSession},
 * configured by {@link io.vigie.core.assess.Policy}; the classes here are stateless helpers it delegates to.
 */
package io.vigie.core.assess;
