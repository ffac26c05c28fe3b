package io.vigie.stream.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's logger. Its lines carry alert ids, topic coordinates and counts: never message text, chat user ids,
 * reviewer names or anything typed into a form (the audit topic is where who-did-what goes).
 */
final class ConsoleLog {

    static final Logger LOG = LoggerFactory.getLogger("io.vigie.stream.console");

    private ConsoleLog() {
    }
}
