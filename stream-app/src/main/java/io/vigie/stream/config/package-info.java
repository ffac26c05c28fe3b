/**
 * Settings: {@link io.vigie.stream.config.ModerationConfig} declares every key once; {@link io.vigie.stream.config.ConfigLoader} merges defaults, file, environment and flags.
 */
package io.vigie.stream.config;
