package dev.landmarks.ingest.fetch;

import dev.landmarks.proto.FailureReason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a file of the local mode. {@link Source#parse} has already kept the path lexically inside the root; this
 * also resolves symbolic links, so a link pointing out of the root is refused, and enforces the byte limit.
 */
final class LocalFileReader {
    private final Path root;
    private final long maxBytes;

    LocalFileReader(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    byte[] read(Source.LocalFile source) throws FetchException {
        Path real;
        try {
            real = source.path().toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw new FetchException(FailureReason.REFUSED_ADDRESS,
                        "path '" + source.requested() + "' leads outside the local root " + root + " (to " + real + ")");
            }
        } catch (NoSuchFileException e) {
            throw new FetchException(FailureReason.FILE_NOT_FOUND, "no file " + source.path(), e);
        } catch (IOException e) {
            throw new FetchException(FailureReason.FILE_NOT_FOUND, "cannot open " + source.path() + ": " + e, e);
        }
        if (!Files.isRegularFile(real)) {
            throw new FetchException(FailureReason.FILE_NOT_FOUND, source.path() + " is not a regular file");
        }
        try (InputStream in = Files.newInputStream(real)) {
            // Read one byte past the limit rather than trusting the size, which may change while we read.
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (data.length > maxBytes) {
                throw new FetchException(FailureReason.TOO_LARGE, "file " + source.path() + " is larger than the "
                        + ByteSizes.describe(maxBytes) + " limit");
            }
            return data;
        } catch (IOException e) {
            throw new FetchException(FailureReason.FILE_NOT_FOUND, "cannot read " + source.path() + ": " + e, e);
        }
    }
}
