package dev.landmarks.classifier.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorFlowDeviceTest {
    @Test
    void theStartupLineNamesTheVersionAndTheDeviceTheProbeFound() {
        String line = TensorFlowDevice.describe();
        assertTrue(line.startsWith("TensorFlow 2."), line);
        assertEquals(TensorFlowDevice.gpuAvailable(), line.endsWith(" on GPU"), line);
    }
}
