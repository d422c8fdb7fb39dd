package org.vaelab.nn;

import java.util.ArrayList;
import java.util.List;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/**
 * Mirror of {@link ConvEncoder}: dense 256, dense to the smallest feature map, then per stage a 3x3 convolution
 * to 4x the channels followed by pixel shuffle (sub-pixel upsampling, which avoids the checkerboard artefacts
 * of transposed convolutions). The last stage emits {@code outputsPerValue} maps per image channel; the result
 * is flat [B, outputsPerValue * C*H*W] with each output's block contiguous.
 */
public final class ConvDecoder implements Layer {
    private final Linear hidden;
    private final Linear toFeatureMap;
    private final List<Conv2d> stages = new ArrayList<>();
    private final int firstChannels;
    private final int side;

    public ConvDecoder(ParameterSet parameters, Shape shape, int latent, int[] encoderChannels, int denseWidth,
                       int outputsPerValue) {
        this.side = ConvGeometry.checkHalvable(shape, encoderChannels.length);
        this.firstChannels = encoderChannels[encoderChannels.length - 1];
        this.hidden = new Linear(parameters, "dense", latent, denseWidth);
        this.toFeatureMap = new Linear(parameters, "map", denseWidth, firstChannels * side * side);
        int in = firstChannels;
        for (int i = encoderChannels.length - 1; i >= 0; i--) {
            int out = i > 0 ? encoderChannels[i - 1] : shape.channels() * outputsPerValue;
            stages.add(new Conv2d(parameters, "up" + (encoderChannels.length - 1 - i), in, out * 4, 3, 1, 1));
            in = out;
        }
    }

    @Override
    public Tensor forward(Tensor z) {
        Tensor x = toFeatureMap.forward(hidden.forward(z).relu()).relu().reshape(-1, firstChannels, side, side);
        for (int i = 0; i < stages.size(); i++) {
            x = stages.get(i).forward(x).pixelShuffle(2);
            if (i + 1 < stages.size()) {
                x = x.relu();
            }
        }
        return x.flattenBatch();
    }
}
