package dev.landmarks.classifier.serve;

import dev.landmarks.common.kafka.Topics;
import dev.landmarks.proto.Image;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Reads {@code landmark.images}: an {@link Image} message whose pixels decode (ImageIO) to the CNN's input. */
public final class ImageInputReader implements InputReader<BufferedImage> {
    @Override
    public String inputTopic() {
        return Topics.IMAGES.name();
    }

    @Override
    public Envelope<BufferedImage> read(byte[] value) {
        Image image = Topics.IMAGES.valueSerde().deserializer().deserialize(Topics.IMAGES.name(), value);
        return new Envelope<>(image.getImageId(), image.getSourceUrl(), image.getRequestedAtMs(), image.getLandmarkId(),
                image.getTimingsList(), () -> decode(image));
    }

    static BufferedImage decode(Image image) throws IOException {
        if (image.getData().isEmpty()) {
            throw new IOException("image " + image.getImageId() + " carries no pixels");
        }
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.getData().toByteArray()));
        if (decoded == null) {
            throw new IOException("image " + image.getImageId() + " is not in a format ImageIO can read ("
                    + image.getEncoding() + ", " + image.getData().size() + " bytes)");
        }
        return decoded;
    }
}
