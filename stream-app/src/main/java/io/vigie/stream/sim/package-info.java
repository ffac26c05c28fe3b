/**
 * A deterministic synthetic chat feed for demos, replay checks and load tests: {@link
 * io.vigie.stream.sim.ChatSimulator} turns a seed and a {@link io.vigie.stream.sim.SimConfig} into an endless
 * stream of contract records, with scripted harmful {@link io.vigie.stream.sim.Scenario scenarios} labelled so
 * recall can be measured. Content is synthetic and non-explicit: harmful conversations carry patterns only.
 */
package io.vigie.stream.sim;
