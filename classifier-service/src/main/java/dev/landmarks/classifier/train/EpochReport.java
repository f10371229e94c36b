package dev.landmarks.classifier.train;

/**
 * Progress of one epoch.
 *
 * @param validationAccuracy NaN when nothing was held out
 * @param validationLoss     NaN when nothing was held out
 */
public record EpochReport(int epoch, double trainLoss, double validationAccuracy, double validationLoss, double seconds) {
    /** The progress line printed on stderr. */
    public String line(int maxEpochs) {
        return String.format(java.util.Locale.ROOT, "epoch %d/%d  loss %.4f  val_acc %.3f  val_loss %.4f  %.1f s",
                epoch, maxEpochs, trainLoss, validationAccuracy, validationLoss, seconds);
    }
}
