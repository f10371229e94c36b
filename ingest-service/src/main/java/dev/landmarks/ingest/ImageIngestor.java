package dev.landmarks.ingest;

import com.google.protobuf.ByteString;
import dev.landmarks.common.image.ImageException;
import dev.landmarks.ingest.decode.ImagePreparer;
import dev.landmarks.ingest.decode.PreparedImage;
import dev.landmarks.ingest.fetch.FetchException;
import dev.landmarks.ingest.fetch.Source;
import dev.landmarks.ingest.fetch.SourceFetcher;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Image;
import dev.landmarks.proto.ImageEncoding;
import dev.landmarks.proto.ImageRequest;
import dev.landmarks.proto.StageTiming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ingest stage as a library: a request (image id + URL) in, an {@link IngestOutcome} out, never an exception.
 * Fetches under the {@code fetch.*} limits, validates, decodes, resizes and re-encodes under the {@code ingest.*}
 * limits. The Kafka processor, the reference-index builder and the one-JVM mode all call this. Thread-safe;
 * {@link #ingestAll} runs up to {@code fetch.concurrency} requests at once and keeps their order.
 */
public final class ImageIngestor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImageIngestor.class);

    private final SourceFetcher fetcher;
    private final ImagePreparer preparer;
    private final ExecutorService workers;

    public ImageIngestor(IngestConfig config) {
        this.fetcher = new SourceFetcher(config.fetch());
        this.preparer = new ImagePreparer(config.image());
        this.workers = Executors.newFixedThreadPool(config.fetch().concurrency(), daemonThreads());
    }

    /** Ingests one photo; an empty {@code imageId} gets {@link StableIds#fromUrl}. */
    public IngestOutcome ingest(String imageId, String url) {
        return ingest(ImageRequest.newBuilder().setImageId(imageId == null ? "" : imageId).setUrl(url == null ? "" : url)
                .setRequestedAtMs(System.currentTimeMillis()).build());
    }

    /** Ingests one photo; the request's landmark id (reference photos) is carried into the Image. */
    public IngestOutcome ingest(ImageRequest request) {
        String url = request.getUrl().trim();
        String imageId = request.getImageId().isEmpty() ? StableIds.fromUrl(url) : request.getImageId();
        List<StageTiming> timings = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            Source source = fetcher.parse(url);
            byte[] data = fetcher.fetch(source);
            timings.add(timing("fetch", (System.nanoTime() - t0) / 1e6));
            PreparedImage prepared = preparer.prepare(data);
            timings.add(timing("decode", prepared.decodeMillis()));
            timings.add(timing("resize", prepared.resizeMillis()));
            timings.add(timing("encode", prepared.encodeMillis()));
            Image image = Image.newBuilder()
                    .setImageId(imageId)
                    .setSourceUrl(url)
                    .setData(ByteString.copyFrom(prepared.jpeg()))
                    .setEncoding(ImageEncoding.JPEG)
                    .setWidth(prepared.resized().getWidth())
                    .setHeight(prepared.resized().getHeight())
                    .setOriginalWidth(prepared.originalWidth())
                    .setOriginalHeight(prepared.originalHeight())
                    .setOriginalBytes(data.length)
                    .setLandmarkId(request.getLandmarkId())
                    .addAllTimings(timings)
                    .setRequestedAtMs(request.getRequestedAtMs())
                    .build();
            return new IngestOutcome.Fetched(image, prepared.resized());
        } catch (FetchException e) {
            return failed(request, imageId, url, e.reason(), e.getMessage(), timings);
        } catch (ImageException e) {
            return failed(request, imageId, url, e.problem().failureReason(), e.getMessage(), timings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(request, imageId, url, FailureReason.PROCESSING_ERROR, "interrupted (ingest shutting down)",
                    timings);
        } catch (RuntimeException e) {
            // A reader bug or an unforeseen input: still exactly one outcome for this request.
            LOG.warn("unexpected error ingesting {} from {}", imageId, url, e);
            return failed(request, imageId, url, FailureReason.PROCESSING_ERROR, "unexpected error: " + e, timings);
        }
    }

    /** Ingests all requests, up to {@code fetch.concurrency} at a time; outcome i belongs to request i. */
    public List<IngestOutcome> ingestAll(List<ImageRequest> requests) throws InterruptedException {
        List<Future<IngestOutcome>> pending = new ArrayList<>(requests.size());
        for (ImageRequest request : requests) {
            pending.add(workers.submit(() -> ingest(request)));
        }
        List<IngestOutcome> outcomes = new ArrayList<>(requests.size());
        try {
            for (Future<IngestOutcome> future : pending) {
                outcomes.add(future.get());
            }
        } catch (ExecutionException e) {
            // ingest() catches everything it can; an Error (e.g. OutOfMemoryError) ends up here.
            pending.forEach(f -> f.cancel(true));
            throw new IllegalStateException("ingest worker failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            pending.forEach(f -> f.cancel(true));
            throw e;
        }
        return outcomes;
    }

    private static IngestOutcome.Failed failed(ImageRequest request, String imageId, String url, FailureReason reason,
                                               String detail, List<StageTiming> timings) {
        return new IngestOutcome.Failed(imageId, url, reason, detail, timings, request.getRequestedAtMs());
    }

    private static StageTiming timing(String stage, double millis) {
        return StageTiming.newBuilder().setStage(stage).setMillis(millis).build();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ingest-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops the worker threads; fetches in flight are interrupted. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}
