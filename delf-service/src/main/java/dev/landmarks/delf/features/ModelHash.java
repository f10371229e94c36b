package dev.landmarks.delf.features;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 over the files that define a model, so a result names the exact model that produced it. Each file
 * contributes its path relative to the root (so a renamed file changes the hash) and its bytes, in sorted order.
 */
final class ModelHash {
    private ModelHash() {
    }

    /** Hex SHA-256 of {@code root/saved_model.pb} and every file under {@code root/variables}. */
    static String ofSavedModel(Path root) throws IOException {
        List<Path> files;
        Path variables = root.resolve("variables");
        try (Stream<Path> walk = Files.isDirectory(variables) ? Files.walk(variables) : Stream.empty()) {
            files = Stream.concat(Stream.of(root.resolve("saved_model.pb")), walk.filter(Files::isRegularFile).sorted())
                    .toList();
        }
        return of(root, files);
    }

    /** Hex SHA-256 of the given files (paths recorded relative to {@code root}). */
    static String of(Path root, List<Path> files) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            digest.update(root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
