package dev.landmarks.delf.features;

import dev.landmarks.common.features.Features;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfKeyPoint;
import org.opencv.core.Size;
import org.opencv.features2d.SIFT;
import org.opencv.core.KeyPoint;
import org.opencv.imgproc.Imgproc;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The weight-free default extractor. Input: any decoded image. It scales the image so its longer side is at most
 * {@link RootSiftConfig#maxSide()}, converts it to gray, runs OpenCV SIFT, keeps the {@link RootSiftConfig#maxFeatures()}
 * strongest keypoints by detector response (strongest first) and turns their descriptors into RootSIFT
 * (128 values, unit L2 norm). Output coordinates are in the working-size grid recorded in the {@link Features}.
 */
public final class RootSiftExtractor implements LocalFeatureExtractor {
    /** Bumped whenever a change would alter the features of an image. */
    public static final String VERSION = "rootsift-v1";
    private static final int DIM = 128;

    static {
        // Unpacks and loads the OpenCV natives bundled in the openpnp jar; done once per class loader.
        nu.pattern.OpenCV.loadLocally();
    }

    private final RootSiftConfig config;
    private final SIFT sift;

    public RootSiftExtractor(RootSiftConfig config) {
        this.config = config;
        // OpenCV retains the strongest N itself (before computing descriptors, which saves time), but may keep
        // a few more on ties; extract() trims to exactly N.
        this.sift = SIFT.create(config.maxFeatures(), config.octaveLayers(), config.contrastThreshold(),
                config.edgeThreshold(), config.sigma());
    }

    public RootSiftConfig config() {
        return config;
    }

    @Override
    public String id() {
        return VERSION + ":" + config.maxSide() + "px:" + config.maxFeatures();
    }

    @Override
    public Features extract(BufferedImage image) {
        int[] size = RootSiftImages.workingSize(image.getWidth(), image.getHeight(), config.maxSide());
        Mat full = new Mat(image.getHeight(), image.getWidth(), CvType.CV_8UC1);
        Mat gray = full;
        MatOfKeyPoint keypoints = new MatOfKeyPoint();
        Mat descriptors = new Mat();
        try {
            full.put(0, 0, RootSiftImages.luma(image));
            if (size[0] != image.getWidth() || size[1] != image.getHeight()) {
                gray = new Mat();
                // Area averaging is the alias-free choice for shrinking.
                Imgproc.resize(full, gray, new Size(size[0], size[1]), 0, 0, Imgproc.INTER_AREA);
            }
            sift.detectAndCompute(gray, new Mat(), keypoints, descriptors);
            return toFeatures(keypoints.toArray(), descriptors, size[0], size[1]);
        } finally {
            full.release();
            gray.release();
            keypoints.release();
            descriptors.release();
        }
    }

    private Features toFeatures(KeyPoint[] kps, Mat descriptors, int width, int height) {
        if (kps.length == 0) {
            return Features.empty(id(), width, height, DIM);
        }
        float[] all = new float[kps.length * DIM];
        descriptors.get(0, 0, all);
        // Strongest first; ties broken by position so the order never depends on OpenCV's internal threading.
        Integer[] order = new Integer[kps.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -kps[i].response)
                .thenComparingDouble(i -> kps[i].pt.y)
                .thenComparingDouble(i -> kps[i].pt.x)
                .thenComparingDouble(i -> kps[i].size));
        int n = Math.min(kps.length, config.maxFeatures());
        float[] x = new float[n];
        float[] y = new float[n];
        float[] scale = new float[n];
        float[] strength = new float[n];
        float[] orientation = new float[n];
        float[] desc = new float[n * DIM];
        for (int r = 0; r < n; r++) {
            KeyPoint k = kps[order[r]];
            x[r] = (float) k.pt.x;
            y[r] = (float) k.pt.y;
            scale[r] = k.size;
            strength[r] = k.response;
            orientation[r] = k.angle;
            System.arraycopy(all, order[r] * DIM, desc, r * DIM, DIM);
        }
        RootSiftDescriptors.toRootSift(desc, DIM);
        return new Features(id(), width, height, x, y, scale, strength, orientation, DIM, desc);
    }
}
