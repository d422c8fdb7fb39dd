package org.vaelab.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees (XGBoost) set up to follow sklearn's GradientBoostingClassifier() defaults that dlib's
 * DCI uses: 100 rounds of depth-3 trees, learning rate 0.1 (in sklearn's step size), log-loss (softmax over K
 * trees a round when K > 2), all rows and features every round, no leaf regularisation. Importance is each
 * feature's total split gain, the counterpart of sklearn's impurity-decrease importance, normalised to sum 1.
 */
final class BoostedTreesClassifier implements AutoCloseable {
    static final int ROUNDS = 100;
    static final double LEARNING_RATE = 0.1;
    static final int MAX_DEPTH = 3;

    private final Booster booster;
    private final int classCount;
    private final int featureCount;

    private BoostedTreesClassifier(Booster booster, int classCount, int featureCount) {
        this.booster = booster;
        this.classCount = classCount;
        this.featureCount = featureCount;
    }

    static ClassifierSpec spec() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("rounds", ROUNDS);
        settings.put("learning_rate", LEARNING_RATE);
        settings.put("eta", "learning_rate for 2 classes, else learning_rate * 2(K-1)/K to match sklearn's step");
        settings.put("max_depth", MAX_DEPTH);
        settings.put("objective", "binary:logistic for 2 classes, else multi:softprob");
        settings.put("lambda", 0.0);
        settings.put("min_child_weight", 0.0);
        settings.put("subsample", 1.0);
        settings.put("tree_method", "hist");
        settings.put("max_bin", 256);
        settings.put("importance", "total_gain, normalised per factor");
        return new ClassifierSpec("gradient-boosted trees", "XGBoost4J " + xgboostVersion(), settings);
    }

    static BoostedTreesClassifier fit(float[][] features, int[] classes, int classCount, long seed) {
        float[] labels = new float[classes.length];
        for (int i = 0; i < classes.length; i++) {
            labels[i] = classes[i];
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (classCount == 2) {
            params.put("objective", "binary:logistic");
        } else {
            params.put("objective", "multi:softprob");
            params.put("num_class", classCount);
        }
        params.put("eta", xgboostEta(classCount));
        params.put("max_depth", MAX_DEPTH);
        params.put("lambda", 0.0);
        params.put("min_child_weight", 0.0);
        params.put("subsample", 1.0);
        params.put("tree_method", "hist");
        params.put("max_bin", 256);
        params.put("seed", seed);
        params.put("nthread", Runtime.getRuntime().availableProcessors());
        params.put("verbosity", 0);
        DMatrix train = null;
        try {
            train = matrix(features);
            train.setLabel(labels);
            Booster booster = XGBoost.train(train, params, ROUNDS, Map.of(), null, null);
            return new BoostedTreesClassifier(booster, classCount, features[0].length);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to train DCI's classifier: " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new IllegalStateException("XGBoost's native library did not load (on Linux it needs libgomp1): "
                    + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
    }

    /**
     * XGBoost's eta giving sklearn's step. For K > 2 classes XGBoost's softmax Hessian is 2p(1-p), halving the
     * Newton step, while sklearn scales its Newton step by (K-1)/K; the binary objectives agree.
     */
    static double xgboostEta(int classCount) {
        return classCount == 2 ? LEARNING_RATE : LEARNING_RATE * 2 * (classCount - 1) / classCount;
    }

    int[] predict(float[][] features) {
        DMatrix data = null;
        try {
            data = matrix(features);
            float[][] scores = booster.predict(data);
            int[] predicted = new int[features.length];
            for (int i = 0; i < features.length; i++) {
                predicted[i] = classCount == 2 ? (scores[i][0] > 0.5f ? 1 : 0) : argmax(scores[i]);
            }
            return predicted;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to predict: " + e.getMessage(), e);
        } finally {
            if (data != null) {
                data.dispose();
            }
        }
    }

    /** Total split gain per feature over all trees, divided by its sum; all zero if no tree split. */
    double[] featureImportance() {
        try {
            Map<String, Double> gains = booster.getScore((String) null, "total_gain");
            double[] importance = new double[featureCount];
            double total = 0;
            for (Map.Entry<String, Double> gain : gains.entrySet()) {
                int feature = Integer.parseInt(gain.getKey().substring(1));
                importance[feature] = Math.abs(gain.getValue());
                total += importance[feature];
            }
            if (total > 0) {
                for (int j = 0; j < featureCount; j++) {
                    importance[j] /= total;
                }
            }
            return importance;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to report importances: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        booster.dispose();
    }

    private static DMatrix matrix(float[][] features) throws XGBoostError {
        int width = features[0].length;
        float[] flat = new float[features.length * width];
        for (int i = 0; i < features.length; i++) {
            System.arraycopy(features[i], 0, flat, i * width, width);
        }
        return new DMatrix(flat, features.length, width, Float.NaN);
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    private static String xgboostVersion() {
        try (InputStream in = XGBoost.class.getResourceAsStream("/xgboost4j-version.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
