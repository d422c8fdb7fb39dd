package org.vaelab.model;

import org.vaelab.dist.AutoregressiveLogisticMixture;
import org.vaelab.nn.Layer;
import org.vaelab.nn.PixelCnn;
import org.vaelab.tensor.Tensor;

/**
 * The VLAE decoder for 8-bit one-channel images: as {@link PixelCnnDecoder}, but the {@link PixelCnn} emits 3K maps
 * per pixel, the parameters of a K-component discretised logistic mixture for p(x_i | x_<i in its window, z)
 * (Salimans et al. 2017). A network built with conditionDim 0 ignores z: the unconditional {@code pixelcnn}.
 */
public final class PixelCnnMixtureDecoder implements Decoder {
    private final PixelCnn network;
    private final Layer latentNetwork;
    private final int components;

    /** Conditions the PixelCNN on z itself; {@code network} must emit 3 * {@code components} outputs per pixel. */
    public PixelCnnMixtureDecoder(PixelCnn network, int components) {
        this(network, components, z -> z);
    }

    /** Conditions the PixelCNN on {@code latentNetwork(z)}, of width {@code network.conditionDim()}. */
    public PixelCnnMixtureDecoder(PixelCnn network, int components, Layer latentNetwork) {
        if (components < 1 || network.outputsPerPixel() != 3 * components) {
            throw new IllegalArgumentException("a " + components + "-component mixture needs " + 3 * components
                    + " outputs per pixel, the PixelCNN has " + network.outputsPerPixel());
        }
        this.network = network;
        this.latentNetwork = latentNetwork;
        this.components = components;
    }

    public PixelCnn network() {
        return network;
    }

    public int components() {
        return components;
    }

    @Override
    public AutoregressiveLogisticMixture decode(Tensor z) {
        PixelCnn.Conditioning conditioning = network.condition(z, latentNetwork);
        AutoregressiveLogisticMixture.Conditionals conditionals = new AutoregressiveLogisticMixture.Conditionals() {
            @Override
            public Tensor parameters(Tensor x) {
                return network.outputs(x, conditioning);
            }

            @Override
            public Tensor parametersAt(Tensor x, int index) {
                return network.outputsAt(x, conditioning, index);
            }
        };
        return new AutoregressiveLogisticMixture(conditionals, components, conditioning.batch(),
                network.shape().size());
    }
}
