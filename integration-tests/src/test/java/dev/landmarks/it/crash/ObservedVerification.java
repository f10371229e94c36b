package dev.landmarks.it.crash;

import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.ReferenceFeatures;
import dev.landmarks.verifier.streams.VerifyFunction;
import dev.landmarks.verifier.verify.Verdict;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test decorator around the real verification function: remembers which (image, landmark) pairs it verified and,
 * when built with {@link #crashingOnCall}, throws {@link InjectedCrash} once, on that call, after the real
 * verification has run (its verdict is thrown away with the process).
 */
final class ObservedVerification implements VerifyFunction {
    private final VerifyFunction real;
    private final int crashOnCall;
    private final AtomicInteger calls = new AtomicInteger();
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private volatile String crashedPair = "";

    private ObservedVerification(VerifyFunction real, int crashOnCall) {
        this.real = real;
        this.crashOnCall = crashOnCall;
    }

    /** Crashes on the {@code call}-th verification (1-based). */
    static ObservedVerification crashingOnCall(VerifyFunction real, int call) {
        if (call < 1) {
            throw new IllegalArgumentException("call must be >= 1, was " + call);
        }
        return new ObservedVerification(real, call);
    }

    static ObservedVerification neverCrashing(VerifyFunction real) {
        return new ObservedVerification(real, Integer.MAX_VALUE);
    }

    @Override
    public Verdict verify(LocalFeatures query, String landmarkId, float candidateScore,
                          List<ReferenceFeatures> references) {
        Verdict verdict = real.verify(query, landmarkId, candidateScore, references);
        String pair = pair(query.getImageId(), landmarkId);
        if (calls.incrementAndGet() == crashOnCall) {
            crashedPair = pair;
            throw new InjectedCrash("injected crash after verifying " + pair + " (" + verdict.inliers() + " inliers)");
        }
        verified.add(pair);
        return verdict;
    }

    static String pair(String imageId, String landmarkId) {
        return imageId + "@" + landmarkId;
    }

    int calls() {
        return calls.get();
    }

    /** The pair whose verification the crash threw away, or "" before it. */
    String crashedPair() {
        return crashedPair;
    }

    boolean verified(String pair) {
        return verified.contains(pair);
    }
}
