package org.vaelab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/** The affine flow y = x * exp(s(x)) + m(x) built on a MADE is autoregressive in the MADE's ordering. */
class MadeTest {
    private static final int[] ORDERING = {3, 1, 5, 2, 4};
    private static final float[] POINT = {0.4f, -1.1f, 0.7f, 2.0f, -0.3f};
    private static final float[] CONTEXT = {0.5f, -0.25f};

    @Test
    void jacobianIsTriangularInTheOrderingAndItsLogDeterminantIsTheSumOfLogScales() {
        Engine.seed(8);
        Made made = new Made(new ParameterSet(), "made", ORDERING, new int[] {40, 40}, 2);
        int d = ORDERING.length;
        double[][] jacobian = new double[d][];
        double logScaleSum;
        float[] logScales;
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            logScales = made.forward(Tensor.of(POINT, 1, d), Tensor.of(CONTEXT, 1, 2)).logScale().toFloats();
            logScaleSum = 0;
            for (float v : logScales) {
                logScaleSum += v;
            }
        }
        for (int i = 0; i < d; i++) {
            try (Scope s = Scope.open()) {
                Tensor x = Tensor.of(POINT, 1, d).requiresGrad();
                Made.Output out = made.forward(x, Tensor.of(CONTEXT, 1, 2));
                x.mul(out.logScale().exp()).add(out.shift()).narrow(1, i, 1).sum().backward();
                float[] row = x.grad().toFloats();
                jacobian[i] = new double[d];
                for (int j = 0; j < d; j++) {
                    jacobian[i][j] = row[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                String where = "dy_" + i + "/dx_" + j;
                if (i == j) {
                    assertThat(jacobian[i][j]).as(where).isCloseTo(Math.exp(logScales[i]), within(1e-5));
                } else if (ORDERING[j] > ORDERING[i]) {
                    assertThat(jacobian[i][j]).as(where + " (later input)").isZero();
                } else {
                    assertThat(jacobian[i][j]).as(where + " (earlier input)").isNotZero();
                }
            }
        }
        assertThat(Math.log(Math.abs(determinant(jacobian)))).isCloseTo(logScaleSum, within(1e-4));
    }

    @Test
    void leadingSampleDimensionsAreBatchDimensions() {
        Engine.seed(9);
        Made made = new Made(new ParameterSet(), "made", Made.reversed(Made.naturalOrdering(4)), new int[] {8}, 0);
        try (Scope s = Scope.open(); NoGrad g = NoGrad.open()) {
            Tensor z = Tensor.randn(3, 2, 4);
            float[] stacked = made.forward(z).shift().toFloats();
            float[] flat = made.forward(z.reshape(6, 4)).shift().toFloats();
            assertThat(stacked).containsExactly(flat, within(1e-6f));
        }
    }

    @Test
    void orderingsMustBePermutations() {
        assertThat(Made.reversed(new int[] {3, 1, 2})).containsExactly(1, 3, 2);
        assertThatThrownBy(() -> new Made(new ParameterSet(), "m", new int[] {1, 1, 2}, new int[] {4}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Determinant by Gaussian elimination with partial pivoting, independent of the triangular structure. */
    private static double determinant(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double det = 1;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (pivot != col) {
                double[] t = a[pivot];
                a[pivot] = a[col];
                a[col] = t;
                det = -det;
            }
            det *= a[col][col];
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        return det;
    }
}
