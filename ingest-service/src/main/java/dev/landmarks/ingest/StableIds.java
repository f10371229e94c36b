package dev.landmarks.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Image ids for requests that came without one: the first 16 hex characters (64 bits) of the SHA-256 of the URL's
 * UTF-8 bytes, after trimming surrounding whitespace. The same URL always gets the same id, in every service and
 * run, and the ids look like Kaggle's (16 hex characters).
 */
public final class StableIds {
    private StableIds() {
    }

    public static String fromUrl(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.trim().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
