package dev.landmarks.ingest.decode;

import dev.landmarks.common.image.ImageDecoder;
import dev.landmarks.common.image.ImageException;
import dev.landmarks.common.image.ImageProblem;
import dev.landmarks.ingest.SampleData;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImagePreparerTest {
    private static ImagePreparer preparer(int maxSide) {
        return new ImagePreparer(new ImageConfig(ImageConfig.DEFAULT_MAX_PIXELS, maxSide, 0.9f, 1));
    }

    @Test
    void shrinksARealPhotoToTheMaximumSideAndReEncodesIt() throws Exception {
        // 780x1063 portrait photo of the Sacre-Coeur
        byte[] data = Files.readAllBytes(SampleData.photo("train/sacre_coeur/1054b7e1d15a7ef7.jpg"));
        PreparedImage p = preparer(256).prepare(data);
        assertEquals(780, p.originalWidth());
        assertEquals(1063, p.originalHeight());
        assertEquals(188, p.resized().getWidth());
        assertEquals(256, p.resized().getHeight());
        BufferedImage back = ImageDecoder.decode(p.jpeg(), 1_000_000);
        assertEquals(188, back.getWidth());
        assertEquals(256, back.getHeight());
    }

    @Test
    void keepsTheSizeOfAPhotoThatFitsButStillReEncodesItAsRgbJpeg() throws Exception {
        // 512x384 greyscale PNG
        byte[] data = Files.readAllBytes(SampleData.photo("test/68b0643b3d26ad2c.png"));
        PreparedImage p = preparer(1024).prepare(data);
        assertEquals(512, p.resized().getWidth());
        assertEquals(384, p.resized().getHeight());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, p.resized().getType());
        assertEquals((byte) 0xFF, p.jpeg()[0]);
        assertEquals((byte) 0xD8, p.jpeg()[1]);
    }

    @Test
    void refusesATruncatedRealPhoto() throws Exception {
        byte[] data = Files.readAllBytes(SampleData.photo("test/02619c77aa772471.jpg"));
        byte[] cut = Arrays.copyOf(data, data.length / 2);
        ImageException e = assertThrows(ImageException.class, () -> preparer(1024).prepare(cut));
        assertEquals(ImageProblem.TRUNCATED, e.problem());
    }

    @Test
    void validatesItsConfig() {
        assertThrows(IllegalArgumentException.class, () -> new ImageConfig(0, 1024, 0.9f, 1));
        assertThrows(IllegalArgumentException.class, () -> new ImageConfig(1, 8, 0.9f, 1));
        assertThrows(IllegalArgumentException.class, () -> new ImageConfig(1, 1024, 1.5f, 1));
        assertThrows(IllegalArgumentException.class, () -> new ImageConfig(1, 1024, 0.9f, 0));
    }
}
