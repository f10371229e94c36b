package dev.landmarks.classifier.model;

import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * Which device TensorFlow computes on: tries a tiny op pinned to the first GPU with soft placement off. It runs only
 * with the GPU natives (Maven profile -Pgpu) AND a usable CUDA device; otherwise TensorFlow uses the CPU.
 */
public final class TensorFlowDevice {
    private TensorFlowDevice() {
    }

    public static boolean gpuAvailable() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g).withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
            var sum = tf.math.add(tf.constant(1f), tf.constant(1f));
            try (Session s = new Session(g, ConfigProto.newBuilder().setAllowSoftPlacement(false).build());
                 var result = s.runner().fetch(sum).run()) {
                return result.size() == 1;
            }
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A line for the start-up log: TensorFlow version and device. */
    public static String describe() {
        return "TensorFlow " + TensorFlow.version() + " on " + (gpuAvailable() ? "GPU" : "CPU (no usable GPU)");
    }
}
