package dev.landmarks.cli.train;

import dev.landmarks.cli.Main;
import dev.landmarks.cli.SampleData;
import dev.landmarks.common.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {
    @Test
    void trainsOnTheSampleAndExportsASavedModelWithItsLabels(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("model");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Settings quick = Settings.of(Map.of("train.max-epochs", "2", "train.input-size", "32",
                "train.conv-channels", "4,8", "train.hidden-units", "16", "train.augmented-views", "1"));

        int code = Main.run(quick, new PrintWriter(out), new PrintWriter(err), "train",
                SampleData.dir().resolve("train.csv").toString(), "--out", model.toString());

        assertEquals(0, code, err.toString());
        assertTrue(Files.isRegularFile(model.resolve("saved_model.pb")), "a SavedModel is exported");
        List<String> labels = Files.readAllLines(model.resolve("labels.txt"));
        assertEquals(List.of("opencv_aero", "opencv_box", "opencv_graf", "opencv_leuven", "sacre_coeur"),
                labels.stream().sorted().toList());
        assertTrue(out.toString().contains("5 landmarks"), out.toString());
        assertTrue(err.toString().toLowerCase().contains("epoch"), "per-epoch progress on stderr: " + err);
    }
}
