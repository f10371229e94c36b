package dev.landmarks.classifier.retrieval.vocabulary;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The codebook file: a small binary format, all numbers big-endian (Java's DataOutput):
 * <pre>
 *   8 bytes   magic "LMVOCAB1" (ASCII)
 *   int32     dim            descriptor dimension
 *   int32     cells          coarse centres
 *   float32[cells * dim]     coarse centres, row-major
 *   per cell, in order:
 *     int32   words          fine centres of the cell
 *     float32[words * dim]   its centres, row-major
 * </pre>
 * The vocabulary id is the SHA-256 of exactly these bytes, so a loaded file has the id of the one saved.
 */
public final class VocabularyFile {
    private static final byte[] MAGIC = "LMVOCAB1".getBytes(StandardCharsets.US_ASCII);
    /** Upper bound on counts read from a file, so a corrupt header fails cleanly instead of exhausting memory. */
    private static final int MAX_COUNT = 1 << 24;

    private VocabularyFile() {
    }

    public static void save(Vocabulary vocabulary, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(vocabulary, out);
        }
    }

    public static Vocabulary load(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in);
        }
    }

    public static void write(Vocabulary vocabulary, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.write(MAGIC);
        out.writeInt(vocabulary.dim());
        out.writeInt(vocabulary.coarse().size());
        writeFloats(out, vocabulary.coarse().centres());
        for (CentreSet cell : vocabulary.fine()) {
            out.writeInt(cell.size());
            writeFloats(out, cell.centres());
        }
        out.flush();
    }

    public static Vocabulary read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a codebook file (expected magic LMVOCAB1)");
        }
        int dim = count(in.readInt(), "dimension");
        int cells = count(in.readInt(), "cells");
        CentreSet coarse = new CentreSet(dim, readFloats(in, (long) cells * dim));
        List<CentreSet> fine = new ArrayList<>(cells);
        for (int c = 0; c < cells; c++) {
            int words = count(in.readInt(), "words of cell " + c);
            fine.add(new CentreSet(dim, readFloats(in, (long) words * dim)));
        }
        if (in.read() != -1) {
            throw new IOException("codebook file has trailing bytes");
        }
        return new Vocabulary(coarse, fine);
    }

    /** Hex SHA-256 of the saved form of {@code vocabulary}. */
    static String sha256(Vocabulary vocabulary) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                write(vocabulary, new BufferedOutputStream(out, 1 << 16));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(int value, String what) throws IOException {
        if (value < 1 || value > MAX_COUNT) {
            throw new IOException("codebook file has an impossible " + what + ": " + value);
        }
        return value;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in, long count) throws IOException {
        if (count > MAX_COUNT * 8L) {
            throw new IOException("codebook file declares " + count + " values");
        }
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
