package dev.landmarks.cli.csv;

/**
 * One row of a Kaggle train.csv ({@code id,url,landmark_id}) or test.csv ({@code id,url}).
 *
 * @param id         the photo's id as written (may be empty: ingest then derives one from the URL)
 * @param url        the URL exactly as written in the file (possibly relative)
 * @param landmarkId the landmark of a reference photo; empty for queries
 */
public record ImageRow(String id, String url, String landmarkId) {
    public ImageRow {
        id = id == null ? "" : id;
        url = url == null ? "" : url;
        landmarkId = landmarkId == null ? "" : landmarkId;
    }

    public boolean isReference() {
        return !landmarkId.isEmpty();
    }
}
