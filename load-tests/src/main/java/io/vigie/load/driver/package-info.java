/**
 * The open-loop load driver: {@link io.vigie.load.driver.LoadDriver} produces simulated chat to a broker at a
 * scheduled rate (latency measured from the intended send time, so a slow system cannot hide its backlog),
 * reads the actions and alerts back, and compares the moderation pipeline with pass-through baselines on the
 * same broker. {@link io.vigie.load.driver.HtmlReport} renders the result as one self-contained page.
 */
package io.vigie.load.driver;
