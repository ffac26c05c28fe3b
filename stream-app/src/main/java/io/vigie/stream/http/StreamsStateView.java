package io.vigie.stream.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.SenderState;
import io.vigie.core.state.UserState;
import io.vigie.stream.serde.Json;
import io.vigie.stream.topology.Stores;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Interactive queries on a running {@link KafkaStreams}: finds the instance holding a key with
 * {@link KafkaStreams#queryMetadataForKey}, reads the local store when it is this one, and otherwise fetches the
 * answer from that instance's HTTP API ({@code application.server}), once (a forwarded request is never
 * forwarded again). User facts are in a global store and always read locally.
 */
public final class StreamsStateView implements StateView {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaStreams streams;
    private final HostInfo self;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param self this instance's {@code application.server}; null when unset (single instance)
     * @param token bearer token sent to other instances; may be null
     */
    public StreamsStateView(KafkaStreams streams, HostInfo self, String token) {
        this.streams = streams;
        this.self = self;
        this.token = token;
    }

    @Override
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public Optional<Object> conversation(String id, boolean forwarded) throws StateUnavailableException {
        Optional<HostInfo> remote = remoteHolder(Stores.CONVERSATIONS, id, forwarded);
        if (remote.isPresent()) {
            return fetch(remote.get(), "/conversations/", id);
        }
        ConversationState s = local(Stores.CONVERSATIONS, id);
        return Optional.ofNullable(s);
    }

    @Override
    public Optional<Object> user(String id, boolean forwarded) throws StateUnavailableException {
        Optional<HostInfo> remote = remoteHolder(Stores.SENDERS, id, forwarded);
        if (remote.isPresent()) {
            return fetch(remote.get(), "/users/", id);
        }
        UserState profile = local(Stores.PROFILES, id);
        UserState learned = local(Stores.USER_FACTS, id);
        SenderState sender = local(Stores.SENDERS, id);
        if (profile == null && learned == null && sender == null) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        // what the scoring sees: the profile (read from the profiles topic) with what was learned over it
        out.put("user", profile == null && learned == null ? null
                : io.vigie.core.assess.UserFacts.merge(id, profile, learned));
        out.put("sender", sender);
        return Optional.of(out);
    }

    private Optional<HostInfo> remoteHolder(String store, String key, boolean forwarded)
            throws StateUnavailableException {
        if (self == null || forwarded) {
            return Optional.empty();
        }
        KeyQueryMetadata meta = streams.queryMetadataForKey(store, key, KEYS);
        if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new StateUnavailableException("no instance holds " + store + " yet (rebalancing)", null);
        }
        return meta.activeHost().equals(self) ? Optional.empty() : Optional.of(meta.activeHost());
    }

    private <V> V local(String store, String key) throws StateUnavailableException {
        try {
            ReadOnlyKeyValueStore<String, V> s = streams.store(StoreQueryParameters.fromNameAndType(store,
                    QueryableStoreTypes.<String, V>keyValueStore()));
            return s.get(key);
        } catch (InvalidStateStoreException e) {
            throw new StateUnavailableException(store + " is not queryable now: " + e.getMessage(), e);
        }
    }

    private Optional<Object> fetch(HostInfo host, String path, String id) throws StateUnavailableException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port()
                + path + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(Duration.ofSeconds(5)).GET();
        HttpApi.forwardHeaders(token).forEach(req::header);
        try {
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return Optional.empty();
            }
            if (r.statusCode() != 200) {
                throw new StateUnavailableException("instance " + host + " answered " + r.statusCode(), null);
            }
            return Optional.of(Json.MAPPER.readValue(r.body(), JsonNode.class));
        } catch (IOException e) {
            throw new StateUnavailableException("instance " + host + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateUnavailableException("interrupted", e);
        }
    }
}
