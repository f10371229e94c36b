package dev.landmarks.cli.deploy;

import dev.landmarks.common.kafka.Topic;
import dev.landmarks.common.kafka.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Docker engine runs here, so docker-compose.yml is checked as data: the structural promises of docs/deploy.md
 * (every pipeline service finds the broker through the environment, no scalable service binds a host port, services
 * wait for a healthy broker and for the topics, the topics match the catalog, main classes and Dockerfiles exist,
 * models are mounted read-only, the GPU override reserves a GPU, the Quarkus overrides check readiness). Docker
 * Compose's own parser was run by hand (docs/deploy.md gives the command).
 */
class ComposeFileTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> PIPELINE = Set.of("ingest-service", "delf-service", "classifier-service",
            "verifier-service", "sink");
    private static final Set<String> SCALABLE = Set.of("ingest-service", "delf-service", "classifier-service",
            "verifier-service");
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void parse() throws IOException {
        services = services(load("docker-compose.yml"));
    }

    @Test
    void everyPipelineServiceIsThereAndFindsTheBrokerThroughTheEnvironment() {
        assertTrue(services.keySet().containsAll(PIPELINE), "services: " + services.keySet());
        for (String name : PIPELINE) {
            assertEquals("kafka:9092", environment(name).get("LANDMARKS_KAFKA_BOOTSTRAP_SERVERS"), name);
        }
    }

    @Test
    void onlyTheBrokerPublishesAHostPort() {
        for (String name : services.keySet()) {
            if (!name.equals("kafka")) {
                assertFalse(services.get(name).containsKey("ports"), name + " binds a host port");
            }
        }
        // scaled services must not pin a container name either (two replicas cannot share one)
        for (String name : SCALABLE) {
            assertFalse(services.get(name).containsKey("container_name"), name);
        }
    }

    @Test
    void servicesWaitForAHealthyBrokerAndTheTopics() {
        assertNotNull(services.get("kafka").get("healthcheck"), "the broker needs a healthcheck to wait on");
        assertEquals("service_healthy", condition("topics", "kafka"));
        for (String name : PIPELINE) {
            assertEquals("service_healthy", condition(name, "kafka"), name);
            assertEquals("service_completed_successfully", condition(name, "topics"), name);
            assertEquals("on-failure", services.get(name).get("restart"), name + ": a failed loop exits 1 to be restarted");
        }
    }

    @Test
    void theTopicsStepCreatesTheCatalogWithItsPartitionsAndCompaction() {
        String script = String.join("\n", strings(services.get("topics").get("command")));
        Map<String, String> created = new HashMap<>();
        Matcher m = Pattern.compile("--topic (\\S+)([^\\n]*)").matcher(script);
        while (m.find()) {
            if (m.group(2).contains("--partitions")) {
                created.put(m.group(1), m.group(2));
            }
        }
        assertEquals(Topics.ALL.size(), created.size(), "created: " + created.keySet());
        for (Topic<?, ?> topic : Topics.ALL) {
            String options = created.get(topic.name());
            assertNotNull(options, topic.name() + " is not created");
            assertTrue(options.contains("--partitions " + topic.partitions() + " ") || options.endsWith(
                    "--partitions " + topic.partitions()), topic.name() + ": " + options);
            assertEquals(topic.compacted(), options.contains("--config cleanup.policy=compact"), topic.name());
        }
        assertEquals(6, Topics.DEFAULT_PARTITIONS, "docs/deploy.md documents scaling to 6 replicas");
        assertTrue(created.get(Topics.REFERENCES.name()).contains("cleanup.policy=compact"));
    }

    @Test
    void everyImageRunsAMainClassThatExistsFromADockerfileThatExists() throws Exception {
        for (String name : PIPELINE) {
            Map<String, Object> build = map(services.get(name).get("build"));
            assertTrue(Files.isRegularFile(ROOT.resolve((String) build.get("dockerfile"))), name);
            Map<String, Object> args = map(build.get("args"));
            assertTrue(Files.isRegularFile(ROOT.resolve((String) args.get("MODULE")).resolve("pom.xml")), name);
            Method main = Class.forName((String) args.get("MAIN_CLASS")).getMethod("main", String[].class);
            assertTrue(Modifier.isStatic(main.getModifiers()), name);
        }
    }

    @Test
    void modelsAreMountedReadOnlyAndTheSinkWritesIntoAMountedFolder() {
        for (String name : List.of("delf-service", "classifier-service")) {
            assertTrue(strings(services.get(name).get("volumes")).stream()
                    .anyMatch(v -> v.endsWith(":/models:ro")), name);
        }
        String out = environment("sink").get("LANDMARKS_SINK_OUT");
        assertTrue(strings(services.get("sink").get("volumes")).stream()
                .anyMatch(v -> out.startsWith(v.substring(v.lastIndexOf(':') + 1) + "/")), out);
    }

    @Test
    void theGpuOverrideReservesAGpuForTheClassifierOnly() throws IOException {
        Map<String, Map<String, Object>> gpu = services(load("docker-compose.gpu.yml"));
        assertEquals(Set.of("classifier-service"), gpu.keySet());
        Map<String, Object> classifier = gpu.get("classifier-service");
        Map<String, Object> reservations = map(map(map(classifier.get("deploy")).get("resources")).get("reservations"));
        Map<String, Object> device = map(((List<?>) reservations.get("devices")).get(0));
        assertEquals("nvidia", device.get("driver"));
        assertEquals(List.of("gpu"), device.get("capabilities"));
        assertTrue(Files.isRegularFile(ROOT.resolve((String) map(classifier.get("build")).get("dockerfile"))));
    }

    @Test
    void theQuarkusOverrideRunsTheVerifierWithAReadinessHealthcheckAndNoHostPort() throws IOException {
        Map<String, Map<String, Object>> quarkus = services(load("docker-compose.quarkus.yml"));
        assertEquals(Set.of("verifier-service"), quarkus.keySet());
        Map<String, Object> verifier = quarkus.get("verifier-service");
        assertFalse(verifier.containsKey("ports"), "replicas would clash on a host port");
        assertTrue(String.join(" ", strings(map(verifier.get("healthcheck")).get("test"))).contains("/q/health/ready"));
        assertTrue(Files.isRegularFile(ROOT.resolve((String) map(verifier.get("build")).get("dockerfile"))));
    }

    @Test
    void theBatchQuarkusOverrideRunsIngestDelfTheClassifierAndTheSinkWithReadinessHealthchecksAndNoHostPort()
            throws IOException {
        Map<String, Map<String, Object>> batch = services(load("docker-compose.quarkus-batch.yml"));
        assertEquals(Set.of("ingest-service", "delf-service", "classifier-service", "sink"), batch.keySet());
        for (Map.Entry<String, Map<String, Object>> service : batch.entrySet()) {
            String name = service.getKey();
            Map<String, Object> definition = service.getValue();
            assertFalse(definition.containsKey("ports"), name + ": replicas would clash on a host port");
            // the healthcheck comes through a YAML anchor and merge key (<<: *quarkus-health)
            assertTrue(String.join(" ", strings(map(definition.get("healthcheck")).get("test")))
                    .contains("/q/health/ready"), name);
            Map<String, Object> build = map(definition.get("build"));
            assertTrue(Files.isRegularFile(ROOT.resolve((String) build.get("dockerfile"))), name);
            String module = (String) map(build.get("args")).get("MODULE");
            assertTrue(Files.isRegularFile(ROOT.resolve(module).resolve("pom.xml")), name + ": MODULE " + module);
        }
    }

    private static Map<String, Object> load(String file) throws IOException {
        try (Reader r = Files.newBufferedReader(ROOT.resolve(file))) {
            // merge keys (<<: *pipeline-service) are resolved by SnakeYAML as Compose does
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) compose.get("services");
    }

    private static String condition(String service, String dependency) {
        Map<String, Object> dependsOn = map(services.get(service).get("depends_on"));
        return (String) map(dependsOn.get(dependency)).get("condition");
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new HashMap<>();
        map(services.get(service).get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertTrue(o instanceof Map, "expected a mapping, got " + o);
        return (Map<String, Object>) o;
    }

    private static List<String> strings(Object o) {
        assertTrue(o instanceof List, "expected a list, got " + o);
        return ((List<?>) o).stream().map(String::valueOf).toList();
    }
}
