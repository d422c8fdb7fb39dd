package org.vaelab.model;

import org.vaelab.dist.AutoregressiveBernoulli;
import org.vaelab.nn.Layer;
import org.vaelab.nn.PixelCnn;
import org.vaelab.tensor.Tensor;

/**
 * The VLAE decoder: p(x | z) = prod_i p(x_i | x_<i in a small window, z) by a {@link PixelCnn}. z first goes
 * through an optional network (VLAE used a ResNet decoder; any Layer from [N, d] to [N, conditionDim] works, e.g.
 * a ConvDecoder or an Mlp), whose output conditions every masked layer. A PixelCNN built with conditionDim 0
 * ignores z entirely: the unconditional {@code --model pixelcnn} baseline (z may then have width 0).
 */
public final class PixelCnnDecoder implements Decoder {
    private final PixelCnn network;
    private final Layer latentNetwork;

    /** Conditions the PixelCNN on z itself ({@code network.conditionDim()} must equal d, or be 0). */
    public PixelCnnDecoder(PixelCnn network) {
        this(network, z -> z);
    }

    /** Conditions the PixelCNN on {@code latentNetwork(z)}, which must have width {@code network.conditionDim()}. */
    public PixelCnnDecoder(PixelCnn network, Layer latentNetwork) {
        this.network = network;
        this.latentNetwork = latentNetwork;
    }

    public PixelCnn network() {
        return network;
    }

    @Override
    public AutoregressiveBernoulli decode(Tensor z) {
        PixelCnn.Conditioning conditioning = network.condition(z, latentNetwork);
        AutoregressiveBernoulli.Conditionals conditionals = new AutoregressiveBernoulli.Conditionals() {
            @Override
            public Tensor logits(Tensor x) {
                return network.logits(x, conditioning);
            }

            @Override
            public Tensor logitAt(Tensor x, int index) {
                return network.logitAt(x, conditioning, index);
            }
        };
        return new AutoregressiveBernoulli(conditionals, conditioning.batch(), network.shape().size());
    }
}
