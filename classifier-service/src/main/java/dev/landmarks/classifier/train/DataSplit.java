package dev.landmarks.classifier.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Splits example indices per class into training and validation (the same fraction of every landmark, at least one
 * training photo per landmark), and draws class-balanced training batches: a landmark uniformly, then one of its
 * training photos uniformly, so rare landmarks are seen as often as common ones.
 */
final class DataSplit {
    private final List<List<Integer>> trainByClass;
    private final List<Integer> validation;
    private final int trainCount;

    private DataSplit(List<List<Integer>> trainByClass, List<Integer> validation) {
        this.trainByClass = trainByClass;
        this.validation = validation;
        this.trainCount = trainByClass.stream().mapToInt(List::size).sum();
    }

    /** @param labels class index of each example, 0..classes-1 */
    static DataSplit of(int[] labels, int classes, double validationFraction, Random random) {
        Map<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            byClass.computeIfAbsent(labels[i], c -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>(byClass.getOrDefault(c, List.of()));
            if (members.isEmpty()) {
                throw new IllegalArgumentException("class " + c + " has no examples");
            }
            Collections.shuffle(members, random);
            int held = Math.min(members.size() - 1, (int) Math.round(members.size() * validationFraction));
            validation.addAll(members.subList(0, held));
            train.add(List.copyOf(members.subList(held, members.size())));
        }
        Collections.sort(validation);
        return new DataSplit(List.copyOf(train), List.copyOf(validation));
    }

    List<Integer> validation() {
        return validation;
    }

    int trainCount() {
        return trainCount;
    }

    /** A class-balanced batch of training example indices. */
    int[] balancedBatch(int size, Random random) {
        int[] batch = new int[size];
        for (int i = 0; i < size; i++) {
            List<Integer> members = trainByClass.get(random.nextInt(trainByClass.size()));
            batch[i] = members.get(random.nextInt(members.size()));
        }
        return batch;
    }
}
