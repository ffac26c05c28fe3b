package io.vigie.stream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.vigie.stream.deploy.KubernetesModel.KafkaTopic;
import io.vigie.stream.deploy.KubernetesModel.Kustomization;
import io.vigie.stream.deploy.KubernetesModel.Manifest;
import io.vigie.stream.deploy.KubernetesModel.ScaledObject;
import io.vigie.stream.deploy.KubernetesModel.TriggerAuthentication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** deploy/k8s: every manifest maps onto the Kubernetes object model, and the pieces fit together. */
class KubernetesManifestsTest {

    /**
     * Topics the deployment provisions, from the application's topic registry with its default names: every
     * operator topic, and the two tables of its own that existed before it created its own topics at startup
     * (it creates the rest, and these too when missing).
     */
    static final Set<String> APP_TOPICS;
    static final Set<String> COMPACTED;

    static {
        io.vigie.stream.topology.Topics t = io.vigie.stream.topology.Topics.of(
                new io.vigie.stream.config.ModerationConfig(Map.of()));
        Set<String> names = new java.util.TreeSet<>();
        Set<String> compacted = new java.util.TreeSet<>();
        for (io.vigie.stream.topology.Topics.Topic<?, ?> topic : t.all()) {
            if (topic.owner() != io.vigie.stream.topology.Topics.Owner.APPLICATION || topic == t.facts()
                    || topic == t.dismissals()) {
                names.add(topic.name());
                if (topic.compacted()) {
                    compacted.add(topic.name());
                }
            }
        }
        APP_TOPICS = Set.copyOf(names);
        COMPACTED = Set.copyOf(compacted);
    }

    /** Parameters of KEDA's kafka scaler (keda.sh/docs/2.x/scalers/apache-kafka). */
    static final Set<String> KAFKA_SCALER_METADATA = Set.of("bootstrapServers", "consumerGroup", "topic",
            "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
            "scaleToZeroOnInvalidOffset", "excludePersistentLag", "version", "partitionLimitation",
            "limitToPartitionsWithLag", "ensureEvenDistributionOfPartitions", "sasl", "tls", "unsafeSsl");
    static final Set<String> KAFKA_SCALER_AUTH = Set.of("sasl", "username", "password", "tls", "ca", "cert",
            "key", "keyPassword", "oauthTokenEndpointUri", "scopes", "extensions");

    static List<Manifest> manifests;

    @BeforeAll
    static void parseAll() {
        manifests = new ArrayList<>();
        for (Path file : DeployFiles.files(DeployFiles.deploy("k8s"), ".yaml", ".yml")) {
            for (JsonNode doc : DeployFiles.yamlDocuments(file)) {
                manifests.add(KubernetesModel.parse(file, doc));
            }
        }
    }

    @Test
    void shouldMapEveryManifestOntoTheModelWithoutUnknownFields() {
        assertTrue(manifests.size() >= 10, "manifests found: " + manifests.size());
        for (Manifest m : manifests) {
            if (!m.kind().equals("Kustomization")) {
                assertNotNull(m.name(), m.file() + ": " + m.kind() + " without metadata.name");
            }
            List<String> unknown = KubernetesModel.unknownFields(m.object());
            assertEquals(List.of(), unknown, m.file() + ": " + m.kind() + " " + m.name()
                    + " has fields the Kubernetes model does not know");
        }
    }

    @Test
    void shouldFailOnAnUnknownFieldOfABuiltInOrCustomKind() throws Exception {
        // given the real StatefulSet with a misspelt field deep inside, and a KafkaTopic with an unknown one
        JsonNode sts = DeployFiles.yamlDocuments(DeployFiles.deploy("k8s/statefulset.yaml")).get(0).deepCopy();
        ((ObjectNode) sts.path("spec").path("template").path("spec").path("containers").get(0))
                .put("livenesProbe", "typo");
        JsonNode topic = DeployFiles.yamlDocuments(DeployFiles.deploy("k8s/kafka/kafka-topics.yaml")).get(0)
                .deepCopy();
        ((ObjectNode) topic.path("spec")).put("replica", 3);

        // when parsed, then both are caught
        Manifest parsed = KubernetesModel.parse(Path.of("statefulset.yaml"), sts);
        assertEquals(List.of(".spec.template.spec.containers[0].livenesProbe"),
                KubernetesModel.unknownFields(parsed.object()));
        assertThrows(AssertionError.class, () -> KubernetesModel.parse(Path.of("kafka-topics.yaml"), topic));
    }

    @Test
    void shouldListEveryManifestOfAFolderInItsKustomization() throws Exception {
        List<Manifest> kustomizations = all("Kustomization");
        assertEquals(2, kustomizations.size(), "deploy/k8s and deploy/k8s/kafka");
        for (Manifest m : kustomizations) {
            Kustomization k = (Kustomization) m.object();
            Path dir = m.file().getParent();
            Set<String> listed = new TreeSet<>(k.resources());
            Set<String> present;
            try (var s = Files.list(dir)) {
                present = s.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            assertEquals(present, listed, dir + ": kustomization.yaml resources vs files");
            assertNotNull(k.namespace(), dir + ": kustomization without namespace");
        }
    }

    @Test
    void shouldProbeHealthAndReadinessOnTheContainerPort() {
        Container c = container();
        ContainerPort port = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named http"));
        assertEquals(Integer.valueOf(env(c, "MODERATION_HTTP_PORT")), port.getContainerPort());

        assertProbe(c.getLivenessProbe(), "/health", port, "liveness");
        assertProbe(c.getReadinessProbe(), "/ready", port, "readiness");
        assertProbe(c.getStartupProbe(), "/health", port, "startup");
        // liveness must not kill an instance that is merely restoring: the startup probe covers that time
        assertTrue(c.getStartupProbe().getFailureThreshold() * c.getStartupProbe().getPeriodSeconds() >= 300,
                "a startup window of at least 5 minutes for state restoration");
    }

    @Test
    void shouldKeepStateOnPersistentVolumesWithOneStandbyReplica() {
        StatefulSet sts = statefulSet();
        Container c = container();
        assertEquals("1", env(c, "KAFKA_NUM_STANDBY_REPLICAS"));
        String stateDir = env(c, "KAFKA_STATE_DIR");
        VolumeMount mount = mountAt(c, stateDir);
        assertTrue(sts.getSpec().getVolumeClaimTemplates().stream()
                        .anyMatch(t -> t.getMetadata().getName().equals(mount.getName())),
                "the state dir is on a volumeClaimTemplate, not an emptyDir");
        var claim = sts.getSpec().getVolumeClaimTemplates().get(0);
        assertEquals(List.of("ReadWriteOnce"), claim.getSpec().getAccessModes());
        assertNotNull(claim.getSpec().getResources().getRequests().get("storage"));
        assertTrue(sts.getSpec().getReplicas() >= 2, "a standby needs another instance");
    }

    @Test
    void shouldAdvertiseThePodsStableNameForInteractiveQueries() {
        StatefulSet sts = statefulSet();
        Container c = container();
        Service headless = service(sts.getSpec().getServiceName());
        assertEquals("None", headless.getSpec().getClusterIP(), "the StatefulSet's service must be headless");
        assertTrue(headless.getSpec().getPublishNotReadyAddresses(), "instances must find each other while restoring");
        assertEquals("$(POD_NAME)." + headless.getMetadata().getName() + ".$(POD_NAMESPACE).svc.cluster.local:"
                + env(c, "MODERATION_HTTP_PORT"), env(c, "KAFKA_APPLICATION_SERVER"));
        assertEquals("metadata.name", envVar(c, "POD_NAME").getValueFrom().getFieldRef().getFieldPath());
        assertEquals("metadata.namespace", envVar(c, "POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath());
        // Kubernetes only expands $(VAR) of variables defined earlier in the list
        List<String> names = c.getEnv().stream().map(EnvVar::getName).toList();
        assertTrue(names.indexOf("POD_NAME") < names.indexOf("KAFKA_APPLICATION_SERVER"));
        assertTrue(names.indexOf("POD_NAMESPACE") < names.indexOf("KAFKA_APPLICATION_SERVER"));
    }

    @Test
    void shouldServeThePodsThroughAHeadlessAndARegularService() {
        Map<String, String> podLabels = statefulSet().getSpec().getTemplate().getMetadata().getLabels();
        List<Manifest> services = all("Service");
        assertEquals(2, services.size());
        for (Manifest m : services) {
            Service s = (Service) m.object();
            assertTrue(podLabels.entrySet().containsAll(s.getSpec().getSelector().entrySet()),
                    m.name() + " selects the app's pods");
            assertEquals("http", s.getSpec().getPorts().get(0).getTargetPort().getStrVal());
        }
        assertTrue(services.stream().anyMatch(m -> !"None".equals(((Service) m.object()).getSpec().getClusterIP())));
        assertTrue(podLabels.entrySet().containsAll(
                statefulSet().getSpec().getSelector().getMatchLabels().entrySet()));
    }

    @Test
    void shouldMountTheRulePackConfigMapReadOnlyAtTheRulesDir() {
        Container c = container();
        VolumeMount mount = mountAt(c, env(c, "MODERATION_RULES_DIR"));
        assertTrue(mount.getReadOnly());
        assertTrue(mount.getSubPath() == null, "a subPath mount never sees ConfigMap updates");
        Volume v = volume(mount.getName());
        String name = v.getConfigMap().getName();
        ConfigMap cm = (ConfigMap) one("ConfigMap", name).object();
        assertFalse(cm.getData().isEmpty());
        assertTrue(cm.getData().keySet().stream().allMatch(k -> k.endsWith(".yaml")), cm.getData().keySet().toString());
    }

    @Test
    void shouldTakeKafkaCredentialsFromSecretsThatExist() {
        Container c = container();
        assertEquals("SASL_SSL", env(c, "KAFKA_SECURITY_PROTOCOL"));
        assertNotNull(env(c, "KAFKA_SASL_MECHANISM"));
        EnvVar jaas = envVar(c, "KAFKA_SASL_JAAS_CONFIG");
        assertTrue(jaas.getValue() == null, "the JAAS config (a password) must come from a Secret");
        Set<String> external = externalSecrets();
        for (EnvVar e : c.getEnv()) {
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                assertSecretKey(e.getValueFrom().getSecretKeyRef().getName(),
                        e.getValueFrom().getSecretKeyRef().getKey(), external);
            }
        }
        for (Volume v : pod().getVolumes()) {
            if (v.getSecret() != null) {
                assertSecretKey(v.getSecret().getSecretName(), null, external);
            }
        }
        VolumeMount ca = mountAt(c, Path.of(env(c, "KAFKA_SSL_TRUSTSTORE_LOCATION")).getParent().toString());
        assertNotNull(volume(ca.getName()).getSecret(), "the truststore comes from a Secret");
    }

    @Test
    void shouldRunAsNonRootWithRequestsAndLimits() {
        PodSpec pod = pod();
        Container c = container();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertTrue(pod.getSecurityContext().getRunAsUser() > 0);
        assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation());
        assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
        mountAt(c, "/tmp"); // RocksDB unpacks its JNI library there
        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        for (String r : List.of("cpu", "memory")) {
            assertNotNull(requests.get(r), "request " + r);
            assertNotNull(limits.get(r), "limit " + r);
        }
        assertEquals(Quantity.getAmountInBytes(requests.get("memory")),
                Quantity.getAmountInBytes(limits.get("memory")), "memory request = limit: no overcommit");
        assertTrue(env(c, "JAVA_TOOL_OPTIONS").contains("-XX:MaxRAMPercentage="));
    }

    @Test
    void shouldBudgetAtMostOneInstanceDown() {
        PodDisruptionBudget pdb = (PodDisruptionBudget) all("PodDisruptionBudget").get(0).object();
        assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal());
        assertTrue(statefulSet().getSpec().getTemplate().getMetadata().getLabels().entrySet()
                .containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()));
    }

    @Test
    void shouldScaleOnTheApplicationsConsumerLagUpToThePartitionCount() {
        ScaledObject so = (ScaledObject) all("ScaledObject").get(0).object();
        StatefulSet sts = statefulSet();
        Container c = container();
        assertEquals("StatefulSet", so.spec().scaleTargetRef().kind());
        assertEquals(sts.getMetadata().getName(), so.spec().scaleTargetRef().name());
        assertEquals(1, so.spec().triggers().size());
        ScaledObject.Trigger t = so.spec().triggers().get(0);
        assertEquals("kafka", t.type());
        assertTrue(KAFKA_SCALER_METADATA.containsAll(t.metadata().keySet()), t.metadata().keySet().toString());
        assertEquals(env(c, "KAFKA_APPLICATION_ID"), t.metadata().get("consumerGroup"),
                "the consumer group of a Streams app is its application.id");
        assertEquals(env(c, "KAFKA_BOOTSTRAP_SERVERS"), t.metadata().get("bootstrapServers"));
        assertEquals("chat.messages", t.metadata().get("topic"));
        assertTrue(Integer.parseInt(t.metadata().get("lagThreshold")) > 0);
        int partitions = topics().get("chat.messages").spec().partitions();
        assertTrue(so.spec().maxReplicaCount() <= partitions, "more instances than partitions sit idle");
        assertTrue(so.spec().minReplicaCount() >= 2, "a standby needs another instance");
        assertTrue(so.spec().minReplicaCount() <= sts.getSpec().getReplicas());
        assertNotNull(so.spec().advanced().horizontalPodAutoscalerConfig().behavior().getScaleDown()
                .getStabilizationWindowSeconds(), "scale down slowly: each change moves state");

        TriggerAuthentication auth = (TriggerAuthentication) one("TriggerAuthentication",
                t.authenticationRef().name()).object();
        Set<String> external = externalSecrets();
        for (TriggerAuthentication.SecretTarget ref : auth.spec().secretTargetRef()) {
            assertTrue(KAFKA_SCALER_AUTH.contains(ref.parameter()), ref.parameter());
            assertSecretKey(ref.name(), ref.key(), external);
        }
    }

    @Test
    void shouldDefineEveryTopicWithReplicationRetentionAndCompaction() {
        Map<String, KafkaTopic> topics = topics();
        assertEquals(APP_TOPICS, topics.keySet());
        for (KafkaTopic t : topics.values()) {
            String name = t.spec().topicName();
            assertNotNull(t.metadata().getLabels().get("strimzi.io/cluster"), name);
            assertTrue(t.spec().replicas() >= 3, name);
            int minIsr = Integer.parseInt(t.spec().config().get("min.insync.replicas"));
            assertTrue(minIsr >= 2 && minIsr < t.spec().replicas(), name + ": one broker may be down");
            String policy = t.spec().config().get("cleanup.policy");
            assertEquals(COMPACTED.contains(name) ? "compact" : "delete", policy, name);
            if (!COMPACTED.contains(name)) {
                assertTrue(Long.parseLong(t.spec().config().get("retention.ms")) > 0, name + " retention");
            }
        }
        assertEquals(topics.get("chat.messages").spec().partitions(),
                topics.get("moderation.alerts").spec().partitions(),
                "each input partition's alert chain lands on the alerts partition of the same number");
    }

    // ---- helpers ----

    static Map<String, KafkaTopic> topics() {
        Map<String, KafkaTopic> out = new HashMap<>();
        for (Manifest m : all("KafkaTopic")) {
            KafkaTopic t = (KafkaTopic) m.object();
            assertTrue(out.put(t.spec().topicName(), t) == null, "duplicate topic " + t.spec().topicName());
        }
        return out;
    }

    /** Secrets the manifests use but do not define: each must be explained in docs/deploy.md. */
    private static Set<String> externalSecrets() {
        String docs = DeployFiles.read(DeployFiles.root().resolve("docs/deploy.md"));
        Set<String> out = new HashSet<>();
        for (Volume v : pod().getVolumes()) {
            if (v.getSecret() != null && find("Secret", v.getSecret().getSecretName()) == null) {
                assertTrue(docs.contains(v.getSecret().getSecretName()),
                        "secret " + v.getSecret().getSecretName() + " is neither defined nor explained in docs/deploy.md");
                out.add(v.getSecret().getSecretName());
            }
        }
        return out;
    }

    private static void assertSecretKey(String secret, String key, Set<String> external) {
        if (external.contains(secret)) {
            return;
        }
        Manifest m = find("Secret", secret);
        assertNotNull(m, "secret " + secret + " is not defined");
        if (key != null) {
            Secret s = (Secret) m.object();
            Set<String> keys = new HashSet<>();
            if (s.getStringData() != null) {
                keys.addAll(s.getStringData().keySet());
            }
            if (s.getData() != null) {
                keys.addAll(s.getData().keySet());
            }
            assertTrue(keys.contains(key), "secret " + secret + " has no key " + key);
        }
    }

    private static void assertProbe(Probe probe, String path, ContainerPort port, String what) {
        assertNotNull(probe, what + " probe");
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, what + " probe is an HTTP GET");
        assertEquals(path, get.getPath(), what + " path");
        String p = get.getPort().getStrVal();
        if (p != null) {
            assertEquals(port.getName(), p, what + " port name");
        } else {
            assertEquals(port.getContainerPort(), get.getPort().getIntVal(), what + " port");
        }
    }

    static List<Manifest> all(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private static Manifest find(String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && name.equals(m.name())).findFirst()
                .orElse(null);
    }

    private static Manifest one(String kind, String name) {
        Manifest m = find(kind, name);
        if (m == null) {
            fail("no " + kind + " named " + name);
        }
        return m;
    }

    static StatefulSet statefulSet() {
        List<Manifest> s = all("StatefulSet");
        assertEquals(1, s.size());
        return (StatefulSet) s.get(0).object();
    }

    static PodSpec pod() {
        return statefulSet().getSpec().getTemplate().getSpec();
    }

    static Container container() {
        List<Container> cs = pod().getContainers();
        assertEquals(1, cs.size());
        return cs.get(0);
    }

    private static Service service(String name) {
        return (Service) one("Service", name).object();
    }

    static EnvVar envVar(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    static String env(Container c, String name) {
        String v = envVar(c, name).getValue();
        assertNotNull(v, "env " + name + " has no literal value");
        return v;
    }

    private static VolumeMount mountAt(Container c, String path) {
        return c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    private static Volume volume(String name) {
        return pod().getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }
}
