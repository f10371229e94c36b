package dev.landmarks.verifier.streams;

import com.google.protobuf.Parser;
import dev.landmarks.common.kafka.ProtoSerdes;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Candidates;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.ReferenceFeatures;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The verifier as a Kafka Streams topology. Inputs: {@code landmark.features} (LocalFeatures) and
 * {@code landmark.predictions} (Candidates), key = image id, co-partitioned; {@code landmark.references}
 * (ReferenceFeatures, key {@code "<landmark>/<image id>"}, partitioned with {@link LandmarkPartitioner}).
 * Output: exactly one Result per image on {@code landmark.results}; unreadable input records go to
 * {@code landmark.dlq}. Features and predictions are paired per image, fanned out per candidate to the instance
 * owning the landmark's references, verified there, gathered back per image and decided. Verification and decision
 * are functions the caller plugs in. See docs/verifier-topology.md.
 */
public final class VerifierTopology {
    /** References per landmark: key "landmark/image id", raw ReferenceFeatures bytes; changelog = the input topic. */
    public static final String REFERENCES_STORE = "verifier-references";
    /** Features waiting for their predictions, by image id. */
    public static final String PENDING_FEATURES_STORE = "verifier-pending-features";
    /** Predictions waiting for their features, by image id. */
    public static final String PENDING_PREDICTIONS_STORE = "verifier-pending-predictions";
    /** Verdicts received so far, by image id. */
    public static final String GATHER_STORE = "verifier-gathered-verdicts";
    /** Repartition topic {@code <application id>-verify-tasks-repartition}: tasks keyed by landmark id. */
    public static final String TASKS_TOPIC = "verify-tasks";
    /** Repartition topic {@code <application id>-verdicts-repartition}: verdicts keyed by image id. */
    public static final String VERDICTS_TOPIC = "verdicts";

    private VerifierTopology() {
    }

    /** The topology, built with the optimisation that makes {@code landmark.references} its store's changelog. */
    public static Topology topology(VerifierTopologyConfig config, VerifyFunction verify, DecideFunction decide) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, config, verify, decide);
        Properties optimisation = new Properties();
        optimisation.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        return builder.build(optimisation);
    }

    /** Adds the verifier to {@code builder}; build it with {@link #streamsConfig}'s optimisation setting. */
    public static void build(StreamsBuilder builder, VerifierTopologyConfig config, VerifyFunction verify,
                             DecideFunction decide) {
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(PENDING_FEATURES_STORE), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(PENDING_PREDICTIONS_STORE), Serdes.String(),
                Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(GATHER_STORE), Serdes.String(), Serdes.ByteArray()));

        // Caching off: every reference update reaches the readability check below, none is merged away.
        KTable<String, byte[]> references = builder.table(Topics.REFERENCES.name(), raw("references-source"),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(REFERENCES_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()).withCachingDisabled());
        // Unreadable references stay in the store (the verify step skips them) but are reported once here.
        deadLetterUnreadable(references.toStream(Named.as("reference-updates"))
                .filter((key, value) -> value != null, Named.as("reference-upserts")),
                ReferenceFeatures.parser(), "references", config);

        KStream<String, QueryHalf> features = decodeOrDeadLetter(
                builder.stream(Topics.FEATURES.name(), raw("features-source")), LocalFeatures.parser(), "features",
                config)
                .mapValues(f -> (QueryHalf) new QueryHalf.FeaturesHalf(f), Named.as("features-half"));
        KStream<String, QueryHalf> predictions = decodeOrDeadLetter(
                builder.stream(Topics.PREDICTIONS.name(), raw("predictions-source")), Candidates.parser(),
                "predictions", config)
                .mapValues(c -> (QueryHalf) new QueryHalf.PredictionsHalf(c), Named.as("predictions-half"));

        features.merge(predictions, Named.as("query-halves"))
                .process(() -> new PairingProcessor(config.pendingTtl(), config.pendingSweepInterval(),
                        config.candidateSources()),
                        Named.as("pair"), PENDING_FEATURES_STORE, PENDING_PREDICTIONS_STORE)
                .split(Named.as("paired-"))
                .branch((imageId, outcome) -> outcome instanceof PairingOutcome.Answered,
                        Branched.withConsumer(answered -> answered
                                .mapValues(outcome -> ((PairingOutcome.Answered) outcome).result(),
                                        Named.as("no-candidates"))
                                .to(Topics.RESULTS.name(), results("no-candidate-results"))))
                .defaultBranch(Branched.withConsumer(fanout -> verifyAndGather(
                        fanout.mapValues(outcome -> ((PairingOutcome.Fanout) outcome).task(), Named.as("tasks")),
                        config, verify, decide)));
    }

    /**
     * Tasks go to the partition of their landmark (the same function as {@link LandmarkPartitioner}, and as many
     * partitions as the references topic), which puts them in the task that holds the landmark's references.
     */
    private static void verifyAndGather(KStream<String, VerificationTask> tasks, VerifierTopologyConfig config,
                                        VerifyFunction verify, DecideFunction decide) {
        tasks.repartition(Repartitioned.<String, VerificationTask>as(TASKS_TOPIC)
                        .withKeySerde(Serdes.String()).withValueSerde(InternalWire.TASKS)
                        .withNumberOfPartitions(config.referencePartitions())
                        .withStreamPartitioner((topic, landmarkId, task, partitions) ->
                                Optional.of(Set.of(LandmarkPartitioning.partition(landmarkId, partitions)))))
                .process(() -> new VerifyProcessor(verify), Named.as("verify"), REFERENCES_STORE)
                .repartition(Repartitioned.<String, CandidateVerdict>as(VERDICTS_TOPIC)
                        .withKeySerde(Serdes.String()).withValueSerde(InternalWire.VERDICTS))
                .process(() -> new GatherProcessor(decide), Named.as("gather"), GATHER_STORE)
                .to(Topics.RESULTS.name(), results("verified-results"));
    }

    /** Readable values continue as messages; unreadable ones go to the dead-letter topic with error headers. */
    private static <V> KStream<String, V> decodeOrDeadLetter(KStream<String, byte[]> raw, Parser<V> parser,
                                                             String name, VerifierTopologyConfig config) {
        return deadLetterUnreadable(raw, parser, name, config)
                .filter((key, value) -> value.readable(), Named.as(name + "-readable"))
                .mapValues(Decoded::message, Named.as(name + "-messages"));
    }

    private static <V> KStream<String, Decoded<V>> deadLetterUnreadable(KStream<String, byte[]> raw,
                                                                        Parser<V> parser, String name,
                                                                        VerifierTopologyConfig config) {
        KStream<String, Decoded<V>> decoded = raw.process(
                () -> new DecodeProcessor<>(parser, config.deadLetterMaxBytes()), Named.as(name + "-decode"));
        decoded.filterNot((key, value) -> value.readable(), Named.as(name + "-unreadable"))
                .mapValues(Decoded::raw, Named.as(name + "-raw"))
                .to(Topics.DEAD_LETTERS.name(),
                        Produced.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-dead-letters"));
        return decoded;
    }

    private static Consumed<String, byte[]> raw(String name) {
        return Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name);
    }

    private static Produced<String, dev.landmarks.proto.Result> results(String name) {
        return Produced.with(Serdes.String(), ProtoSerdes.RESULTS).withName(name);
    }

    /**
     * Streams settings for one verifier instance: exactly_once_v2, the references topic reused as its store's
     * changelog, and record size limits large enough for a verification task that carries a query's features.
     */
    public static Properties streamsConfig(String bootstrapServers, String applicationId,
                                           VerifierTopologyConfig config) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                (int) config.transactionTimeout().toMillis());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        // Every operator names its serdes; these defaults only matter if one is forgotten.
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), config.maxRecordBytes());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), config.maxRecordBytes());
        p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), config.maxRecordBytes());
        return p;
    }
}
