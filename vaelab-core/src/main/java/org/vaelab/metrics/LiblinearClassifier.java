package org.vaelab.metrics;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A LIBLINEAR linear classifier on dense features with class indices 0..K-1. LIBLINEAR is what sklearn's
 * LinearSVC, and its LogisticRegression up to 0.21, run underneath: one-vs-rest with an intercept learned
 * as the weight of a constant feature 1 (intercept_scaling=1), regularised like the other weights.
 */
final class LiblinearClassifier {
    /** sklearn's LogisticRegression() default before 0.22, as dlib used it: C=1, tol 1e-4, 100 iterations. */
    static final Settings LOGISTIC_REGRESSION =
            new Settings("logistic regression (L2, one-vs-rest)", SolverType.L2R_LR, 1.0, 1e-4, 100, false);
    /** sklearn's LinearSVC(C=0.01, class_weight="balanced") as dlib's SAP: squared hinge, dual solver. */
    static final Settings LINEAR_SVM =
            new Settings("linear SVM (squared hinge, L2, one-vs-rest)", SolverType.L2R_L2LOSS_SVC_DUAL, 0.01, 1e-4,
                    1000, true);

    private static final double BIAS = 1.0;

    static {
        Linear.disableDebugOutput();
    }

    record Settings(String name, SolverType solver, double c, double tolerance, int maxIterations,
                    boolean balancedClassWeights) {
        ClassifierSpec spec() {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("solver", solver.name());
            settings.put("C", c);
            settings.put("tolerance", tolerance);
            settings.put("max_iterations", maxIterations);
            settings.put("class_weight", balancedClassWeights ? "balanced" : "none");
            settings.put("intercept", "constant feature " + BIAS + ", regularised");
            return new ClassifierSpec(name, "LIBLINEAR Java port (de.bwaldvogel:liblinear) version "
                    + Linear.getVersion(), settings);
        }
    }

    private final Model model;
    private final int[] classOfModelLabel;
    private final int classCount;

    private LiblinearClassifier(Model model, int classCount) {
        this.model = model;
        this.classCount = classCount;
        this.classOfModelLabel = model.getLabels().clone();
    }

    static LiblinearClassifier fit(Settings settings, double[][] features, int[] classes, int classCount,
                                   long seed) {
        int n = features.length;
        int width = features[0].length;
        Problem problem = new Problem();
        problem.l = n;
        problem.n = width + 1;
        problem.bias = BIAS;
        problem.x = new Feature[n][];
        problem.y = new double[n];
        int[] counts = new int[classCount];
        for (int i = 0; i < n; i++) {
            problem.x[i] = row(features[i]);
            problem.y[i] = classes[i];
            counts[classes[i]]++;
        }
        Parameter parameter = new Parameter(settings.solver(), settings.c(), settings.tolerance());
        parameter.setMaxIters(settings.maxIterations());
        // Own generator per fit: LIBLINEAR's shared default would make parallel fits order-dependent.
        parameter.setRandom(new Random(seed));
        if (settings.balancedClassWeights()) {
            parameter.setWeights(balancedWeights(counts, n), classIndices(classCount));
        }
        return new LiblinearClassifier(Linear.train(problem, parameter), classCount);
    }

    int predict(double[] features) {
        return (int) Linear.predict(model, row(features));
    }

    /** Class probabilities indexed by class (logistic regression only): one-vs-rest sigmoids, normalised. */
    double[] probabilities(double[] features) {
        double[] byModelLabel = new double[model.getNrClass()];
        Linear.predictProbability(model, row(features), byModelLabel);
        double[] byClass = new double[classCount];
        for (int k = 0; k < byModelLabel.length; k++) {
            byClass[classOfModelLabel[k]] = byModelLabel[k];
        }
        return byClass;
    }

    private static Feature[] row(double[] features) {
        Feature[] row = new Feature[features.length + 1];
        for (int j = 0; j < features.length; j++) {
            row[j] = new FeatureNode(j + 1, features[j]);
        }
        row[features.length] = new FeatureNode(features.length + 1, BIAS);
        return row;
    }

    /** sklearn's "balanced": n / (K * count_k), so every class carries the same total weight. */
    private static double[] balancedWeights(int[] counts, int n) {
        double[] weights = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            weights[k] = counts[k] == 0 ? 1.0 : n / ((double) counts.length * counts[k]);
        }
        return weights;
    }

    private static int[] classIndices(int classCount) {
        int[] indices = new int[classCount];
        for (int k = 0; k < classCount; k++) {
            indices[k] = k;
        }
        return indices;
    }
}
