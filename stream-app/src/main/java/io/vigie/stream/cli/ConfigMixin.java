package io.vigie.stream.cli;

import picocli.CommandLine.ArgGroup;

/** Adds {@link ConfigOptions} to a command. */
final class ConfigMixin {
    @ArgGroup(exclusive = false)
    ConfigOptions options = new ConfigOptions();
}
