package org.vaelab.nn;

import java.util.ArrayList;
import java.util.List;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/**
 * The convolutional encoder of Burgess et al. 2018 / disentanglement_lib: 4x4 convolutions with stride 2 and
 * ReLU, each halving the image (64x64 with channels 32,32,64,64 ends at 4x4), then a dense layer of 256 and a
 * linear output. Input is flat [B, C*H*W].
 */
public final class ConvEncoder implements Layer {
    private final Shape shape;
    private final List<Conv2d> convs = new ArrayList<>();
    private final Linear hidden;
    private final Linear output;

    public ConvEncoder(ParameterSet parameters, Shape shape, int[] channels, int denseWidth, int outputs) {
        int side = ConvGeometry.checkHalvable(shape, channels.length);
        this.shape = shape;
        int in = shape.channels();
        for (int i = 0; i < channels.length; i++) {
            convs.add(new Conv2d(parameters, "conv" + i, in, channels[i], 4, 2, 1));
            in = channels[i];
        }
        this.hidden = new Linear(parameters, "dense", in * side * side, denseWidth);
        this.output = new Linear(parameters, "out", denseWidth, outputs);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input.reshape(-1, shape.channels(), shape.height(), shape.width());
        for (Conv2d conv : convs) {
            x = conv.forward(x).relu();
        }
        return output.forward(hidden.forward(x.flattenBatch()).relu());
    }
}
