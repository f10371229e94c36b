package dev.landmarks.delf.features;

import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The graph tensors behind the official DELF local-feature signature. TF2 exports (export_local_model.py) declare a
 * {@code serving_default} signature with inputs {@code input_image} (uint8 [H,W,3]), {@code input_scales} (float [S]),
 * {@code input_max_feature_num} (int32 scalar), {@code input_abs_thres} (float scalar) and outputs {@code boxes}
 * [N,4], {@code features} [N,D], {@code scales} [N], {@code scores} [N,1]; TF1 exports (delf_gld_20190411) carry
 * no such signature but have graph tensors of the same names, which are used as the fallback.
 */
record DelfEndpoints(String image, String imageScales, String maxFeatureNum, String scoreThreshold,
                     String boxes, String features, String scales, String scores) {
    static final String INPUT_IMAGE = "input_image";
    static final String INPUT_SCALES = "input_scales";
    static final String INPUT_MAX_FEATURE_NUM = "input_max_feature_num";
    static final String INPUT_ABS_THRES = "input_abs_thres";
    static final String OUTPUT_BOXES = "boxes";
    static final String OUTPUT_FEATURES = "features";
    static final String OUTPUT_SCALES = "scales";
    static final String OUTPUT_SCORES = "scores";
    private static final List<String> INPUTS = List.of(INPUT_IMAGE, INPUT_SCALES, INPUT_MAX_FEATURE_NUM, INPUT_ABS_THRES);
    private static final List<String> OUTPUTS = List.of(OUTPUT_BOXES, OUTPUT_FEATURES, OUTPUT_SCALES, OUTPUT_SCORES);

    static DelfEndpoints resolve(SavedModelBundle bundle) {
        List<Signature> signatures = bundle.signatures();
        Optional<Signature> official = signatures.stream()
                .filter(s -> s.key().equals(Signature.DEFAULT_KEY)).filter(DelfEndpoints::isDelf).findFirst()
                .or(() -> signatures.stream().filter(DelfEndpoints::isDelf).findFirst());
        if (official.isPresent()) {
            Map<String, Signature.TensorDescription> in = official.get().getInputs();
            Map<String, Signature.TensorDescription> out = official.get().getOutputs();
            return new DelfEndpoints(in.get(INPUT_IMAGE).name, in.get(INPUT_SCALES).name,
                    in.get(INPUT_MAX_FEATURE_NUM).name, in.get(INPUT_ABS_THRES).name,
                    out.get(OUTPUT_BOXES).name, out.get(OUTPUT_FEATURES).name,
                    out.get(OUTPUT_SCALES).name, out.get(OUTPUT_SCORES).name);
        }
        boolean graphHasAll = INPUTS.stream().allMatch(n -> bundle.graph().operation(n) != null)
                && OUTPUTS.stream().allMatch(n -> bundle.graph().operation(n) != null);
        if (graphHasAll) {
            return new DelfEndpoints(INPUT_IMAGE + ":0", INPUT_SCALES + ":0", INPUT_MAX_FEATURE_NUM + ":0",
                    INPUT_ABS_THRES + ":0", OUTPUT_BOXES + ":0", OUTPUT_FEATURES + ":0", OUTPUT_SCALES + ":0",
                    OUTPUT_SCORES + ":0");
        }
        throw new IllegalArgumentException("not a DELF local-feature model: no signature with inputs " + INPUTS
                + " and outputs " + OUTPUTS + ", nor graph tensors of those names; signatures found: "
                + signatures.stream().map(s -> s.key() + s.inputNames() + "->" + s.outputNames())
                .collect(Collectors.joining(", ")));
    }

    private static boolean isDelf(Signature s) {
        return s.inputNames().containsAll(INPUTS) && s.outputNames().containsAll(OUTPUTS);
    }
}
