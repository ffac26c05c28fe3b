/**
 * The command line: {@link io.vigie.stream.cli.ModerationCli} is the main class of {@code bin/moderation}.
 */
package io.vigie.stream.cli;
