package dev.landmarks.cli.submit;

import java.util.List;

/**
 * What a submit published.
 *
 * @param published          records the broker acknowledged
 * @param failed             records the broker did not take (firstError says why)
 * @param references         rows with a landmark_id (train.csv)
 * @param localFiles         rows whose URL is a local file
 * @param missingLocalFiles  local files that do not exist (still published: ingest answers FILE_NOT_FOUND)
 * @param withoutId          rows with an empty id (ingest derives an id from the URL)
 */
public record PublishReport(int published, int failed, int references, int localFiles, List<String> missingLocalFiles,
                            int withoutId, String firstError) {
    public PublishReport {
        missingLocalFiles = List.copyOf(missingLocalFiles);
    }
}
