package io.vigie.stream.app;

import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExceptionPolicyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T20:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldReplaceThreadOnTransientError() {
        ExceptionPolicy p = new ExceptionPolicy(clock);
        assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD,
                p.handle(new StreamsException(new TimeoutException("broker slow"))));
    }

    @Test
    void shouldShutDownClientOnFatalErrors() {
        ExceptionPolicy p = new ExceptionPolicy(clock);
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT,
                p.handle(new StreamsException(new SaslAuthenticationException("bad password"))));
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT,
                p.handle(new StreamsException(new TopicAuthorizationException(Set.of("chat.messages")))));
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, p.handle(new OutOfMemoryError("heap")));
    }

    @Test
    void shouldStopReplacingThreadsThatKeepFailing() {
        ExceptionPolicy p = new ExceptionPolicy(clock);
        for (int i = 0; i < ExceptionPolicy.MAX_REPLACEMENTS; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, p.handle(new IllegalStateException("bug")));
        }
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, p.handle(new IllegalStateException("bug")));
    }
}
