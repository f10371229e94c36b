package dev.landmarks.classifier.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The on-disk layout of a model: a SavedModel ({@code saved_model.pb}, {@code variables/}) plus the project's side
 * files: {@link LabelMap#FILE_NAME} for softmax models and the optional {@value #PROPERTIES_FILE}, which records how
 * the model expects its inputs ({@code normalization}) so that serving cannot silently disagree with training.
 * Its content hash versions every prediction the model makes.
 */
public record ModelDirectory(Path path) {
    public static final String PROPERTIES_FILE = "model.properties";
    public static final String NORMALIZATION_KEY = "normalization";
    /** Hex digits of the SHA-256 kept in model ids: enough to tell models apart, short enough to read. */
    static final int ID_HEX_DIGITS = 12;

    public ModelDirectory {
        if (!Files.isRegularFile(path.resolve("saved_model.pb"))) {
            throw new IllegalArgumentException(path + " is not a SavedModel directory (no saved_model.pb)");
        }
    }

    /**
     * SHA-256 over every regular file under the directory, in sorted relative-path order, hashing each path and its
     * bytes, so renaming or editing any file changes the id. Returns the first {@value #ID_HEX_DIGITS} hex digits.
     */
    public String contentHash() throws IOException {
        MessageDigest digest = sha256();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = path.relativize(file).toString().replace('\\', '/');
            digest.update(relative.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, ID_HEX_DIGITS);
    }

    public Optional<LabelMap> labels() throws IOException {
        Path file = path.resolve(LabelMap.FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(LabelMap.read(file)) : Optional.empty();
    }

    /** The normalisation recorded at training time, if the directory says. */
    public Optional<Normalization> recordedNormalization() throws IOException {
        Path file = path.resolve(PROPERTIES_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return Optional.ofNullable(p.getProperty(NORMALIZATION_KEY)).map(Normalization::parse);
    }

    /** Writes {@value #PROPERTIES_FILE} into a directory being exported. */
    public static void writeProperties(Path dir, Properties properties) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve(PROPERTIES_FILE), StandardCharsets.UTF_8)) {
            properties.store(w, "written by the landmarks trainer");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
