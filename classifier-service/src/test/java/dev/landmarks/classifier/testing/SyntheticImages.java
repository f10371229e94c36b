package dev.landmarks.classifier.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated photos of three made-up landmarks that a tiny CNN can tell apart: colour and stripe direction differ. */
public final class SyntheticImages {
    public static final List<String> LANDMARKS = List.of("blue_vertical", "green_checker", "red_horizontal");

    private SyntheticImages() {
    }

    public static BufferedImage solid(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** One photo of landmark {@code index} (into {@link #LANDMARKS}), with random offset, stripe width and noise. */
    public static BufferedImage of(int index, int size, Random random) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int stripe = 4 + random.nextInt(4);
        int offset = random.nextInt(stripe * 2);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean on = switch (index) {
                    case 0 -> ((x + offset) / stripe) % 2 == 0;
                    case 1 -> (((x + offset) / stripe) + ((y + offset) / stripe)) % 2 == 0;
                    default -> ((y + offset) / stripe) % 2 == 0;
                };
                int base = on ? 200 : 60;
                int r = index == 2 ? base : 60;
                int g = index == 1 ? base : 60;
                int b = index == 0 ? base : 60;
                int n = random.nextInt(41) - 20;
                image.setRGB(x, y, (clamp(r + n) << 16) | (clamp(g + n) << 8) | clamp(b + n));
            }
        }
        return image;
    }

    /** {@code perClass} photos of each landmark, interleaved. */
    public static List<Labelled> dataset(int perClass, int size, long seed) {
        Random random = new Random(seed);
        List<Labelled> out = new ArrayList<>();
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < LANDMARKS.size(); c++) {
                out.add(new Labelled(of(c, size, random), LANDMARKS.get(c)));
            }
        }
        return out;
    }

    /** A generated photo and its landmark. */
    public record Labelled(BufferedImage image, String landmarkId) {
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
