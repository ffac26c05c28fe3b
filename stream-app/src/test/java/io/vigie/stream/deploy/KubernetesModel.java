package io.vigie.stream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Maps manifests onto typed models, strictly. Built-in kinds use the fabric8 Kubernetes model; fabric8 keeps
 * unknown fields in {@code additionalProperties} instead of failing, so {@link #unknownFields} walks the parsed
 * object and reports every one. The custom resources (Strimzi {@code KafkaTopic}, KEDA {@code ScaledObject} and
 * {@code TriggerAuthentication}, the kustomize file) have no model on Maven Central that resolves here (Strimzi's
 * {@code io.strimzi:api} needs an unpublished {@code crd-generator}), so they are records below with the fields
 * of their published schemas that these manifests may use; the strict mapper fails on any other field.
 */
final class KubernetesModel {

    /** One parsed document: where it came from and the typed object. */
    record Manifest(Path file, String apiVersion, String kind, String name, Object object) {
    }

    /** apiVersion/kind to model class; a kind not listed here fails the test. */
    static final Map<String, Class<?>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "keda.sh/v1alpha1/ScaledObject", ScaledObject.class,
            "keda.sh/v1alpha1/TriggerAuthentication", TriggerAuthentication.class,
            "kustomize.config.k8s.io/v1beta1/Kustomization", Kustomization.class);

    private KubernetesModel() {
    }

    static Manifest parse(Path file, JsonNode doc) {
        String apiVersion = doc.path("apiVersion").asText(null);
        String kind = doc.path("kind").asText(null);
        if (apiVersion == null || kind == null) {
            throw new AssertionError(file + ": a document without apiVersion and kind");
        }
        Class<?> type = KINDS.get(apiVersion + "/" + kind);
        if (type == null) {
            throw new AssertionError(file + ": no model for " + apiVersion + " " + kind);
        }
        Object object;
        try {
            object = DeployFiles.YAML.treeToValue(doc, type);
        } catch (Exception e) {
            throw new AssertionError(file + ": " + kind + " does not map onto " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
        String name = doc.path("metadata").path("name").asText(null);
        return new Manifest(file, apiVersion, kind, name, object);
    }

    /**
     * Paths of the fields that the model did not know (fabric8's {@code additionalProperties}), anywhere in the
     * object; empty when every field mapped onto the model.
     */
    static List<String> unknownFields(Object root) {
        List<String> out = new ArrayList<>();
        walk(root, "", out);
        return out;
    }

    private static void walk(Object o, String path, List<String> out) {
        if (o == null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, out));
            return;
        }
        Class<?> type = o.getClass();
        boolean model = type.getName().startsWith("io.fabric8.kubernetes.api.model.");
        boolean ours = type.isRecord() && type.getEnclosingClass() == KubernetesModel.class;
        if (!model && !ours) {
            return;
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            boolean getter = (n.startsWith("get") && n.length() > 3) || (ours && isComponent(type, n));
            if (!getter) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (n.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> out.add(path + "." + k));
                }
                continue;
            }
            String field = ours ? n : Character.toLowerCase(n.charAt(3)) + n.substring(4);
            walk(value, path + "." + field, out);
        }
    }

    private static boolean isComponent(Class<?> record, String name) {
        for (var c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    // ---- custom resources: the fields of their schemas that these manifests may use ----

    /** Strimzi {@code KafkaTopic} (kafka.strimzi.io/v1beta2). */
    record KafkaTopic(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {
        record Spec(String topicName, Integer partitions, Integer replicas, Map<String, String> config) {
        }
    }

    /** KEDA {@code ScaledObject} (keda.sh/v1alpha1). */
    record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {
        record Spec(ScaleTarget scaleTargetRef, Integer pollingInterval, Integer cooldownPeriod,
                    Integer initialCooldownPeriod, Integer idleReplicaCount, Integer minReplicaCount,
                    Integer maxReplicaCount, Advanced advanced, List<Trigger> triggers) {
        }

        record ScaleTarget(String apiVersion, String kind, String name, String envSourceContainerName) {
        }

        record Advanced(Boolean restoreToOriginalReplicaCount, HpaConfig horizontalPodAutoscalerConfig) {
        }

        record HpaConfig(String name, HorizontalPodAutoscalerBehavior behavior) {
        }

        record Trigger(String type, String name, String metricType, Boolean useCachedMetrics,
                       Map<String, String> metadata, AuthRef authenticationRef) {
        }

        record AuthRef(String name, String kind) {
        }
    }

    /** KEDA {@code TriggerAuthentication} (keda.sh/v1alpha1), secret references only. */
    record TriggerAuthentication(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {
        record Spec(List<SecretTarget> secretTargetRef) {
        }

        record SecretTarget(String parameter, String name, String key) {
        }
    }

    /** kustomize {@code Kustomization}. */
    record Kustomization(String apiVersion, String kind, String namespace, List<Label> labels,
                         List<String> resources) {
        record Label(Map<String, String> pairs, Boolean includeSelectors, Boolean includeTemplates) {
        }
    }
}
