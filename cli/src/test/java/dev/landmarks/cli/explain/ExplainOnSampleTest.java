package dev.landmarks.cli.explain;

import dev.landmarks.cli.Main;
import dev.landmarks.cli.SampleData;
import dev.landmarks.cli.csv.ImageListCsv;
import dev.landmarks.cli.csv.ImageRow;
import dev.landmarks.common.config.Settings;
import dev.landmarks.proto.FailureReason;
import dev.landmarks.proto.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Explanations on the bundled sample's photos: the graffiti test photo is opencv_graf in train.csv. */
class ExplainOnSampleTest {
    private static final String GRAF_QUERY = "1b940c2c54944a53";
    private static final String GRAF_REFERENCE = "2b8de19480fdc436";
    /** Far below what verification finds on this pair (hundreds), far above what a wrong pair gives. */
    private static final int MIN_DRAWN_INLIER_PIXELS = 200;

    @Test
    void explainCommandRecognisesTheGraffitiAndDrawsItsInliers(@TempDir Path tmp) throws IOException {
        Path sample = SampleData.dir();
        Path png = tmp.resolve("graf.png");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Settings.of(Map.of()), new PrintWriter(out, true), new PrintWriter(err, true), "explain", sample.resolve("test/" + GRAF_QUERY + ".png").toString(),
                "--train", sample.resolve("train.csv").toString(), "--out", png.toString(), "--top", "2");

        assertEquals(0, code, err.toString());
        String printed = out.toString();
        assertTrue(printed.startsWith(GRAF_QUERY + ": opencv_graf (reference " + GRAF_REFERENCE + ")"), printed);
        assertTrue(printed.contains("wrote " + png), printed);
        BufferedImage picture = ImageIO.read(png.toFile());
        MatchPicture layout = new MatchPicture(ExplainConfig.defaults());
        assertEquals(ExplainConfig.DEFAULT_HEIGHT + layout.captionHeight(2), picture.getHeight());
        assertTrue(picture.getWidth() > ExplainConfig.DEFAULT_HEIGHT, "two photos side by side: " + picture.getWidth());
        assertTrue(inlierPixels(picture) >= MIN_DRAWN_INLIER_PIXELS, "inlier pixels: " + inlierPixels(picture));
    }

    @Test
    void explainAllWritesOnePicturePerAnsweredQueryAndSaysWhyOthersHaveNone(@TempDir Path tmp) throws IOException {
        Path sample = SampleData.dir();
        Map<String, ImageRow> train = byId(ImageListCsv.read(sample.resolve("train.csv")));
        Map<String, ImageRow> test = byId(ImageListCsv.read(sample.resolve("test.csv")));
        String unknown = test.keySet().stream().filter(id -> !id.equals(GRAF_QUERY)).findFirst().orElseThrow();
        List<Result> results = List.of(
                Result.newBuilder().setImageId(GRAF_QUERY).setStatus(Result.Status.RECOGNIZED)
                        .setLandmarkId("opencv_graf").setReferenceImageId(GRAF_REFERENCE).setInliers(100)
                        .setScore(0.9f).build(),
                Result.newBuilder().setImageId(unknown).setStatus(Result.Status.NO_LANDMARK).build(),
                Result.newBuilder().setImageId("gone").setStatus(Result.Status.FAILED)
                        .setFailureReason(FailureReason.NOT_FOUND).setFailureDetail("HTTP 404").build());

        ExplainReport report = Explainer.explainAll(Settings.of(Map.of()), results, train, test, sample, sample,
                tmp.resolve("explain"));

        assertEquals(List.of(tmp.resolve("explain/" + GRAF_QUERY + ".png"), tmp.resolve("explain/" + unknown + ".png")),
                report.written());
        assertEquals(1, report.skipped().size());
        assertTrue(report.skipped().get(0).startsWith("gone: failed"), report.skipped().toString());
        BufferedImage graf = ImageIO.read(report.written().get(0).toFile());
        assertTrue(inlierPixels(graf) >= MIN_DRAWN_INLIER_PIXELS, "inlier pixels: " + inlierPixels(graf));
        BufferedImage none = ImageIO.read(report.written().get(1).toFile());
        assertEquals(0, inlierPixels(none), "no reference, no lines");
        assertEquals(List.of(GRAF_QUERY + ".png", unknown + ".png").stream().sorted().toList(),
                Files.list(tmp.resolve("explain")).map(p -> p.getFileName().toString()).sorted().toList());
    }

    private static Map<String, ImageRow> byId(List<ImageRow> rows) {
        return rows.stream().collect(Collectors.toMap(ImageRow::id, Function.identity()));
    }

    /** Pixels of exactly the inlier colour: photos practically never hold it, lines and dots do. */
    private static int inlierPixels(BufferedImage img) {
        int rgb = MatchPicture.INLIER.getRGB();
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
