package dev.landmarks.classifier.serve;

/**
 * Reads one raw record value of a generator's input topic: images for the CNN generators ({@link ImageInputReader}),
 * local features for retrieval ({@link FeaturesInputReader}). Throws when the bytes are not a readable message at
 * all; such records go to the dead-letter topic.
 */
public interface InputReader<I> {
    /** The topic this reader understands. */
    String inputTopic();

    Envelope<I> read(byte[] value) throws Exception;
}
