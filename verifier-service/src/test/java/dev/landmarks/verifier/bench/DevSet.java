package dev.landmarks.verifier.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kaggle-layout data folder (train.csv id,url,landmark_id; test.csv id,url; solution.csv id,landmarks, where an
 * empty landmarks field means "no landmark"). Line endings may be CRLF.
 */
record DevSet(Path root, List<Photo> references, List<Photo> queries) {
    /** A photo with its path and its landmark ("" for a distractor). */
    record Photo(String id, Path path, String landmark) {
        boolean distractor() {
            return landmark.isEmpty();
        }
    }

    static DevSet read(Path root) throws IOException {
        List<Photo> refs = new ArrayList<>();
        for (String[] r : rows(root.resolve("train.csv"))) {
            refs.add(new Photo(r[0], root.resolve(r[1]), r[2]));
        }
        Map<String, String> truth = new LinkedHashMap<>();
        for (String[] r : rows(root.resolve("solution.csv"))) {
            truth.put(r[0], r.length > 1 ? r[1].trim() : "");
        }
        List<Photo> queries = new ArrayList<>();
        for (String[] r : rows(root.resolve("test.csv"))) {
            queries.add(new Photo(r[0], root.resolve(r[1]), truth.getOrDefault(r[0], "")));
        }
        return new DevSet(root, refs, queries);
    }

    long queriesWithLandmark() {
        return queries.stream().filter(q -> !q.distractor()).count();
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String l = line.strip();
            if (!l.isEmpty()) {
                out.add(l.split(",", -1));
            }
        }
        return out;
    }
}
