package dev.landmarks.cli.explain;

import dev.landmarks.cli.index.IndexConfig;
import dev.landmarks.cli.submit.UrlResolver;
import dev.landmarks.common.config.Settings;
import dev.landmarks.common.features.Features;
import dev.landmarks.common.features.FeaturesCodec;
import dev.landmarks.delf.features.FeaturesConfig;
import dev.landmarks.delf.features.LocalFeatureExtractor;
import dev.landmarks.delf.features.LocalFeatureExtractors;
import dev.landmarks.delf.service.FeatureRecords;
import dev.landmarks.delf.service.FeatureServiceConfig;
import dev.landmarks.ingest.ImageIngestor;
import dev.landmarks.ingest.IngestConfig;
import dev.landmarks.ingest.IngestOutcome;
import dev.landmarks.proto.DescriptorEncoding;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Fetches a photo through ingest (local files allowed under one root) and extracts its local features with the
 * configured extractor. Query features are packed as landmark.features packs them ({@code features.encoding},
 * {@code features.max-record-bytes}), reference features as the reference index packs them ({@code index.encoding},
 * {@code index.max-record-bytes}), then unpacked: matching sees the quantised descriptors the pipeline sees.
 */
final class PhotoLoader implements AutoCloseable {
    private final ImageIngestor ingestor;
    private final LocalFeatureExtractor extractor;
    private final FeatureServiceConfig queryPacking;
    private final IndexConfig referencePacking;

    PhotoLoader(Settings settings, Path localRoot) throws IOException {
        IngestConfig c = IngestConfig.from(settings);
        this.extractor = LocalFeatureExtractors.create(FeaturesConfig.from(settings));
        this.ingestor = new ImageIngestor(new IngestConfig(c.fetch().withLocalRoot(localRoot), c.image()));
        this.queryPacking = FeatureServiceConfig.from(settings);
        this.referencePacking = IndexConfig.from(settings);
    }

    Photo query(String id, String url, Path csvFolder) {
        return load(id, url, csvFolder, queryPacking.encoding(), queryPacking.maxRecordBytes());
    }

    Photo reference(String id, String url, Path csvFolder) {
        return load(id, url, csvFolder, referencePacking.encoding(), referencePacking.maxRecordBytes());
    }

    private Photo load(String id, String url, Path csvFolder, DescriptorEncoding encoding, int maxBytes) {
        IngestOutcome outcome = ingestor.ingest(id, UrlResolver.resolve(url, csvFolder));
        if (outcome instanceof IngestOutcome.Failed failed) {
            throw new IllegalArgumentException("cannot read photo " + id + ": " + failed.detail());
        }
        IngestOutcome.Fetched fetched = (IngestOutcome.Fetched) outcome;
        Features raw = extractor.extract(fetched.resized());
        Features packed = FeaturesCodec.fromProto(FeatureRecords.fitted(raw, encoding, maxBytes, b -> b.setImageId(id)));
        return new Photo(fetched.imageId(), fetched.resized(), packed);
    }

    @Override
    public void close() {
        extractor.close();
        ingestor.close();
    }
}
