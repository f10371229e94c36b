import dev.landmarks.common.kafka.InProcessKafka;
import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Result;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.nio.file.*;
import java.util.Map;

/**
 * For bench/packaged-app-stop.sh only: an in-process broker with the catalog's topics that writes its bootstrap
 * servers to DIR/bootstrap, publishes three results and a duplicate once DIR/publish exists (then writes
 * DIR/published), and stops once DIR/stop exists. Run as a single-file program on cli's class path.
 */
public class SinkSmokeBroker {
    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        try (InProcessKafka k = InProcessKafka.start()) {
            k.createTopics(Topics.ALL);
            Files.writeString(dir.resolve("bootstrap"), k.bootstrapServers());
            while (!Files.exists(dir.resolve("publish"))) Thread.sleep(100);
            try (var p = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", k.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                p.send(new ProducerRecord<>(Topics.RESULTS.name(), "a", Result.newBuilder().setImageId("a").setStatus(Result.Status.RECOGNIZED).setLandmarkId("123").setScore(0.75f).build().toByteArray()));
                p.send(new ProducerRecord<>(Topics.RESULTS.name(), "b", Result.newBuilder().setImageId("b").setStatus(Result.Status.NO_LANDMARK).setUnverifiedLandmarkId("456").setUnverifiedScore(0.125f).build().toByteArray()));
                p.send(new ProducerRecord<>(Topics.RESULTS.name(), "c", Result.newBuilder().setImageId("c").setStatus(Result.Status.FAILED).setFailureReason(FailureReason.NOT_FOUND).build().toByteArray()));
                p.send(new ProducerRecord<>(Topics.RESULTS.name(), "a", Result.newBuilder().setImageId("a").setStatus(Result.Status.RECOGNIZED).setLandmarkId("999").setScore(0.99f).build().toByteArray()));
            }
            Files.writeString(dir.resolve("published"), "yes");
            while (!Files.exists(dir.resolve("stop"))) Thread.sleep(100);
        }
    }
}
