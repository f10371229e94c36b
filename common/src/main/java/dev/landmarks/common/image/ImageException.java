package dev.landmarks.common.image;

/** Bytes that cannot be used as an image, with the {@link ImageProblem} and a message a person understands. */
public final class ImageException extends Exception {
    private final ImageProblem problem;

    public ImageException(ImageProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public ImageException(ImageProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public ImageProblem problem() {
        return problem;
    }
}
