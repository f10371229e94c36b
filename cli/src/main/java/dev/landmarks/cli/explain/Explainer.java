package dev.landmarks.cli.explain;

import dev.landmarks.cli.csv.ImageRow;
import dev.landmarks.cli.run.PipelineRun;
import dev.landmarks.common.config.Settings;
import dev.landmarks.proto.Result;
import dev.landmarks.verifier.match.DescriptorMatcher;
import dev.landmarks.verifier.match.Matches;
import dev.landmarks.verifier.ransac.ModelFit;
import dev.landmarks.verifier.ransac.RobustFitter;
import dev.landmarks.verifier.verify.VerifyConfig;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explanation pictures for answers already made. Input: a query photo, its {@link Answer} (from a pipeline
 * {@link Result} or the explain command's own search) and the train.csv rows by id. The reference named by the answer
 * is fetched again through ingest, both photos are re-extracted, matched and fitted with the verifier's own
 * {@link DescriptorMatcher} and {@link RobustFitter} ({@code match.*}, {@code ransac.*} settings, seeded, so the fit
 * is the one verification made), and {@link MatchPicture} draws the pair. Output: a PNG per query. One thread at a
 * time (it keeps the last references it loaded).
 */
public final class Explainer implements AutoCloseable {
    /** Reference photos kept decoded and extracted (a few MB each), least recently used dropped first. */
    private static final int RECENT_REFERENCES = 8;

    private final PhotoLoader photos;
    private final DescriptorMatcher matcher;
    private final RobustFitter fitter;
    private final MatchPicture picture;
    private final Map<String, Photo> recentReferences = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Photo> eldest) {
            return size() > RECENT_REFERENCES;
        }
    };

    /** @param localRoot local files (relative URLs, query paths) are read only under this folder */
    public Explainer(Settings settings, Path localRoot) throws IOException {
        VerifyConfig verify = VerifyConfig.from(settings);
        this.photos = new PhotoLoader(settings, localRoot.toAbsolutePath().normalize());
        this.matcher = new DescriptorMatcher(verify.match());
        this.fitter = new RobustFitter(verify.ransac());
        this.picture = new MatchPicture(ExplainConfig.from(settings));
    }

    /**
     * Pictures for every query of a run, written as {@code outDir/<query id>.png}. FAILED results and ids absent from
     * test.csv are skipped; a photo that cannot be read again is reported and skipped, so one bad image does not
     * cost the others.
     */
    public static ExplainReport explainAll(Settings settings, List<Result> results, Map<String, ImageRow> trainById,
                                           Map<String, ImageRow> testById, Path trainFolder, Path testFolder,
                                           Path outDir) throws IOException {
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Explainer explainer = new Explainer(settings, PipelineRun.commonRoot(trainFolder, testFolder))) {
            for (Result r : results) {
                ImageRow query = testById.get(r.getImageId());
                if (r.getStatus() == Result.Status.FAILED) {
                    skipped.add(r.getImageId() + ": failed (" + r.getFailureDetail() + ")");
                } else if (query == null) {
                    skipped.add(r.getImageId() + ": not in test.csv");
                } else {
                    try {
                        Photo q = explainer.query(query.id(), query.url(), testFolder);
                        written.add(explainer.write(explainer.draw(q, Answer.of(r), trainById, trainFolder),
                                outDir.resolve(fileName(r.getImageId()))));
                    } catch (RuntimeException e) {
                        skipped.add(r.getImageId() + ": " + e.getMessage());
                    }
                }
            }
        }
        return new ExplainReport(written, skipped);
    }

    /** Fetches and extracts a query photo; a relative URL is resolved against {@code csvFolder}. */
    public Photo query(String id, String url, Path csvFolder) {
        return photos.query(id, url, csvFolder);
    }

    /**
     * Fetches and extracts a reference photo packed as the reference index packs it. The last few are kept: the
     * queries of a run that show one landmark often share its best reference.
     */
    public Photo reference(ImageRow row, Path csvFolder) {
        String key = row.id() + "\n" + row.url() + "\n" + csvFolder.toAbsolutePath().normalize();
        Photo cached = recentReferences.get(key);
        if (cached == null) {
            cached = photos.reference(row.id(), row.url(), csvFolder);
            recentReferences.put(key, cached);
        }
        return cached;
    }

    /** The picture for an answer: the query beside the answer's reference (fetched from train.csv) when it has one. */
    public BufferedImage draw(Photo query, Answer answer, Map<String, ImageRow> trainById, Path trainFolder) {
        if (!answer.hasReference()) {
            return picture.draw(query.image(), null, Correspondences.none(), answer.caption(Correspondences.none()));
        }
        ImageRow row = trainById.get(answer.referenceImageId());
        if (row == null) {
            throw new IllegalArgumentException("reference " + answer.referenceImageId() + " is not in train.csv");
        }
        return draw(query, reference(row, trainFolder), answer);
    }

    /** The picture for a pair already loaded: match, fit, draw. */
    public BufferedImage draw(Photo query, Photo reference, Answer answer) {
        Matches m = matcher.match(query.features(), reference.features());
        ModelFit fit = fitter.fit(query.features(), reference.features(), m);
        Correspondences c = Correspondences.of(query.features(), query.image().getWidth(), query.image().getHeight(),
                reference.features(), reference.image().getWidth(), reference.image().getHeight(), m, fit);
        return picture.draw(query.image(), reference.image(), c, answer.caption(c));
    }

    /** Writes a picture as PNG, creating the folder; returns the file. */
    public Path write(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
        return file;
    }

    /** {@code <id>.png}, with characters that are unsafe in file names replaced. */
    static String fileName(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return (safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe) + ".png";
    }

    /** The deepest folder holding both (local files must lie under one root). */
    @Override
    public void close() {
        photos.close();
    }
}
