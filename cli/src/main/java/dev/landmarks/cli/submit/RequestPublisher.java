package dev.landmarks.cli.submit;

import dev.landmarks.cli.csv.ImageRow;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes the rows of a Kaggle CSV as image requests: key = image id (null when the row has none), value = the URL
 * as plain text, resolved by {@link UrlResolver} against the CSV's folder. A reference row (train.csv) also carries
 * its landmark id in the {@value #LANDMARK_HEADER} header, which a plain-text value has no room for.
 * Waits until the broker has acknowledged every record.
 */
public final class RequestPublisher {
    /** Record header holding a reference photo's landmark id (UTF-8). */
    public static final String LANDMARK_HEADER = "landmark_id";

    private final Producer<String, String> producer;
    private final String topic;

    public RequestPublisher(Producer<String, String> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public PublishReport publish(List<ImageRow> rows, Path csvFolder) {
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>("");
        int references = 0;
        int localFiles = 0;
        int withoutId = 0;
        List<String> missing = new ArrayList<>();
        for (ImageRow row : rows) {
            String url = UrlResolver.resolve(row.url(), csvFolder);
            Optional<Path> local = UrlResolver.localFile(url);
            if (local.isPresent()) {
                localFiles++;
                if (!Files.isRegularFile(local.get())) {
                    missing.add(local.get().toString());
                }
            }
            RecordHeaders headers = new RecordHeaders();
            if (row.isReference()) {
                references++;
                headers.add(LANDMARK_HEADER, row.landmarkId().getBytes(StandardCharsets.UTF_8));
            }
            String key = row.id().isEmpty() ? null : row.id();
            if (key == null) {
                withoutId++;
            }
            producer.send(new ProducerRecord<>(topic, null, key, url, headers), (metadata, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                    firstError.compareAndSet("", error.toString());
                }
            });
        }
        producer.flush();
        return new PublishReport(rows.size() - failed.get(), failed.get(), references, localFiles, missing, withoutId,
                firstError.get());
    }
}
