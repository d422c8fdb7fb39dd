package org.vaelab.model;

import org.vaelab.UserInputException;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.IafPosterior;
import org.vaelab.dist.StandardNormal;
import org.vaelab.nn.Layer;
import org.vaelab.nn.PixelCnn;
import org.vaelab.run.TrainConfig;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/**
 * Models whose decoder is a PixelCNN with a limited receptive field (Chen et al. 2017, VLAE): "vlae" conditions
 * it on z (Gaussian or IAF posterior, any prior including the autoregressive flow), "pixelcnn" is the decoder
 * alone, a one-dimensional dummy code with zero KL so that its ELBO and IWAE are its exact log-likelihood.
 */
final class AutoregressiveModels {
    /** IAF steps of the vlae posterior. */
    static final int IAF_STEPS = 2;

    private AutoregressiveModels() {
    }

    static boolean handles(TrainConfig config) {
        return config.model().equals("vlae") || config.model().equals("pixelcnn");
    }

    static VariationalAutoencoder build(TrainConfig config, Shape shape, ParameterSet parameters) {
        if (!config.likelihood().equals("bernoulli") || !shape.isImage() || shape.channels() != 1) {
            throw new UserInputException("--model " + config.model() + " models binary one-channel images with a "
                    + "Bernoulli likelihood; use dsprites, or mnist with --binarize dynamic or static");
        }
        PixelCnn.checkReceptiveField(shape, config.receptiveField());
        int channels = config.pixelcnnChannels();
        if (config.model().equals("pixelcnn")) {
            PixelCnn network = new PixelCnn(parameters, "decoder", shape, config.receptiveField(), channels, 0);
            Encoder noCode = x -> new DiagonalGaussian(Tensor.zeros(x.size(0), 1), Tensor.zeros(x.size(0), 1));
            return new VariationalAutoencoder(noCode, new PixelCnnDecoder(network), new StandardNormal(1), parameters,
                    true);
        }
        int latent = config.latent();
        Encoder encoder;
        if (config.posterior().equals("iaf")) {
            IafPosterior.Flow flow = new IafPosterior.Flow(parameters, "posterior", latent, IAF_STEPS,
                    new int[] {PriorFactory.FLOW_HIDDEN, PriorFactory.FLOW_HIDDEN}, 0);
            Layer network = ModelFactory.encoderNetwork(config, shape, parameters, flow.networkOutputs());
            encoder = x -> flow.fromNetworkOutput(network.forward(x));
        } else {
            encoder = new GaussianEncoder(ModelFactory.encoderNetwork(config, shape, parameters, 2 * latent));
        }
        PixelCnn network = new PixelCnn(parameters, "decoder", shape, config.receptiveField(), channels, latent);
        return new VariationalAutoencoder(encoder, new PixelCnnDecoder(network), PriorFactory.build(config, parameters),
                parameters, true);
    }
}
