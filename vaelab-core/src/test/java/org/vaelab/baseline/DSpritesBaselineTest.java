package org.vaelab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.data.Subset;
import org.vaelab.data.dsprites.DSprites;
import org.vaelab.data.dsprites.DSpritesFactors;
import org.vaelab.data.dsprites.DSpritesRenderer;
import org.vaelab.data.synthetic.Pinwheel;
import org.vaelab.metrics.BetaVaeMetric;
import org.vaelab.metrics.BetaVaeProtocol;
import org.vaelab.metrics.BetaVaeResult;

/** The baselines on dSprites itself, fitted on 2,000 images to keep the test quick. */
class DSpritesBaselineTest {
    private static final int SAMPLES = 2_000;
    private static final int LATENT = 10;

    private static TrainingSample sample;
    private static LinearProjection pca;

    @BeforeAll
    static void fit() {
        sample = TrainingSample.draw(new DSprites(), SAMPLES, 0);
        pca = Pca.fit(sample, LATENT, false, 0);
    }

    @Test
    void pcaComponentsSolveTheEigenproblemOfTheSampleCovariance() {
        FitReport report = pca.fitReport().orElseThrow();
        assertThat(report.pcaConverged()).isTrue();
        double[] variances = report.variances();
        double[][] components = pca.weights();
        double[] mean = pca.mean();
        float[][] images = sample.images();
        // C v computed densely, independently of the sparse products the fit used.
        for (int c = 0; c < LATENT; c++) {
            if (c > 0) {
                assertThat(variances[c]).isLessThanOrEqualTo(variances[c - 1]);
            }
            double[] cv = new double[mean.length];
            for (float[] image : images) {
                double projection = 0;
                for (int j = 0; j < mean.length; j++) {
                    projection += (image[j] - mean[j]) * components[c][j];
                }
                for (int j = 0; j < mean.length; j++) {
                    cv[j] += (image[j] - mean[j]) * projection / (SAMPLES - 1);
                }
            }
            double residual = 0;
            for (int j = 0; j < mean.length; j++) {
                double r = cv[j] - variances[c] * components[c][j];
                residual += r * r;
            }
            assertThat(Math.sqrt(residual) / variances[0]).isLessThan(1e-5);
        }
    }

    @Test
    void theFactorEncoderRendersTheRowsAndEncodesThem() {
        FactorGridEncoder encoder = new FactorGridEncoder(pca, new DSprites(), 0);
        SplittableRandom random = new SplittableRandom(4);
        int[] sizes = encoder.grid().sizes();
        int[][] rows = new int[37][sizes.length];
        float[][] images = new float[rows.length][DSpritesRenderer.PIXELS];
        for (int i = 0; i < rows.length; i++) {
            for (int f = 0; f < sizes.length; f++) {
                rows[i][f] = random.nextInt(sizes[f]);
            }
            DSpritesRenderer.render(rows[i][DSpritesFactors.SHAPE], rows[i][DSpritesFactors.SCALE],
                    rows[i][DSpritesFactors.ORIENTATION], rows[i][DSpritesFactors.POS_X],
                    rows[i][DSpritesFactors.POS_Y], images[i], 0);
        }

        assertThat(encoder.encode(rows)).isDeepEqualTo(pca.encode(images));
        assertThat(new FactorGridEncoder(new RawPixels(4096), new DSprites(), 0).encode(rows)).isDeepEqualTo(images);
    }

    @Test
    void theFactorEncoderFeedsTheBetaVaeMetric() {
        FactorGridEncoder encoder = new FactorGridEncoder(pca, new DSprites(), 0);
        BetaVaeResult result = BetaVaeMetric.compute(encoder.grid(), encoder, new BetaVaeProtocol(100, 50, 8), 0);
        assertThat(result.evalAccuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void theFactorEncoderRefusesDatasetsThatAreNotTheWholeGrid() {
        Subset test = Subset.random(new DSprites(), 100, 1, "dsprites-test");
        assertThatThrownBy(() -> new FactorGridEncoder(pca, test, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("holds 100 of the 737280 factor combinations");
        assertThatThrownBy(() -> new FactorGridEncoder(pca, new Pinwheel(10, 0), 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("no ground-truth factors");
    }
}
