package dev.landmarks.verifier.verify;

import dev.landmarks.common.features.Features;
import dev.landmarks.verifier.match.DescriptorMatcher;
import dev.landmarks.verifier.match.Matches;
import dev.landmarks.verifier.ransac.ModelFit;
import dev.landmarks.verifier.ransac.RobustFitter;

import java.util.List;

/**
 * Verifies a query image against the references of one candidate landmark: for up to
 * {@link VerifyConfig#maxReferences()} references in the given order, match descriptors, fit a model robustly and
 * count inliers; stop at the first reference reaching {@link VerifyConfig#minInliers()} when configured to. The
 * {@link Verdict} reports the reference with the most inliers (ties: the earlier one); its verification score is
 * that inlier count. One instance per thread (OpenCV's random generator is per thread and reseeded per fit).
 */
public final class GeometricVerifier {
    private final VerifyConfig config;
    private final DescriptorMatcher matcher;
    private final RobustFitter fitter;

    public GeometricVerifier(VerifyConfig config) {
        this.config = config;
        this.matcher = new DescriptorMatcher(config.match());
        this.fitter = new RobustFitter(config.ransac());
    }

    public VerifyConfig config() {
        return config;
    }

    public Verdict verify(Features query, String landmarkId, float candidateScore, List<Reference> references) {
        PairEvidence best = null;
        int checked = 0;
        int verified = 0;
        for (Reference ref : references) {
            if (checked == config.maxReferences()) {
                break;
            }
            PairEvidence e = compare(query, ref);
            checked++;
            if (e.inliers() >= config.minInliers()) {
                verified++;
            }
            if (best == null || e.inliers() > best.inliers()) {
                best = e;
            }
            if (config.stopEarly() && e.inliers() >= config.minInliers()) {
                break;
            }
        }
        if (best == null) {
            return new Verdict(landmarkId, candidateScore, 0, 0f, "", 0, 0, 0);
        }
        return new Verdict(landmarkId, candidateScore, best.inliers(), best.inliers(), best.referenceImageId(),
                checked, best.spreadCells(), verified);
    }

    /** Geometry between a query and one reference. */
    public PairEvidence compare(Features query, Reference reference) {
        Matches m = matcher.match(query, reference.features());
        return evidence(query, reference, m, fitter.fit(query, reference.features(), m));
    }

    /** Evidence from matches and a fit computed elsewhere (the evaluation shares one neighbour search). */
    public PairEvidence evidence(Features query, Reference reference, Matches m, ModelFit fit) {
        return new PairEvidence(reference.imageId(), m.size(), fit.count(), spreadCells(query, m, fit));
    }

    private int spreadCells(Features query, Matches m, ModelFit fit) {
        int g = config.spreadGrid();
        boolean[] cell = new boolean[g * g];
        int count = 0;
        for (int k = 0; k < m.size(); k++) {
            if (!fit.inliers()[k]) {
                continue;
            }
            int q = m.query()[k];
            int cx = Math.min(g - 1, Math.max(0, (int) (query.x()[q] * g / Math.max(1, query.width()))));
            int cy = Math.min(g - 1, Math.max(0, (int) (query.y()[q] * g / Math.max(1, query.height()))));
            if (!cell[cy * g + cx]) {
                cell[cy * g + cx] = true;
                count++;
            }
        }
        return count;
    }
}
