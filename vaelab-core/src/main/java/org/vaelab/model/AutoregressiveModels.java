package org.vaelab.model;

import org.vaelab.UserInputException;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.data.DatasetCatalog;
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
 * alone, a one-dimensional dummy code with zero KL so that its ELBO and IWAE are its exact log-likelihood. Binary
 * images get Bernoulli conditionals ({@link PixelCnnDecoder}), 8-bit grey levels with {@code --likelihood
 * logistic-mixture} discretised logistic mixtures ({@link PixelCnnMixtureDecoder}).
 */
final class AutoregressiveModels {
    static final String LOGISTIC_MIXTURE = "logistic-mixture";
    /** IAF steps of the vlae posterior. */
    static final int IAF_STEPS = 2;

    private AutoregressiveModels() {
    }

    static boolean handles(TrainConfig config) {
        return config.model().equals("vlae") || config.model().equals("pixelcnn");
    }

    static VariationalAutoencoder build(TrainConfig config, Shape shape, ParameterSet parameters) {
        checkData(config, shape);
        PixelCnn.checkReceptiveField(shape, config.receptiveField());
        int channels = config.pixelcnnChannels();
        boolean mixture = config.likelihood().equals(LOGISTIC_MIXTURE);
        int outputs = mixture ? 3 * config.mixtures() : 1;
        if (config.model().equals("pixelcnn")) {
            PixelCnn network = new PixelCnn(parameters, "decoder", shape, config.receptiveField(), channels, 0,
                    outputs);
            Encoder noCode = x -> new DiagonalGaussian(Tensor.zeros(x.size(0), 1), Tensor.zeros(x.size(0), 1));
            return new VariationalAutoencoder(noCode, decoder(network, config), new StandardNormal(1), parameters,
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
        PixelCnn network = new PixelCnn(parameters, "decoder", shape, config.receptiveField(), channels, latent,
                outputs);
        return new VariationalAutoencoder(encoder, decoder(network, config), PriorFactory.build(config, parameters),
                parameters, true);
    }

    private static Decoder decoder(PixelCnn network, TrainConfig config) {
        return config.likelihood().equals(LOGISTIC_MIXTURE)
                ? new PixelCnnMixtureDecoder(network, config.mixtures())
                : new PixelCnnDecoder(network);
    }

    /**
     * One-channel images only: binary ones with a Bernoulli likelihood, or 8-bit grey levels (not binarised) with
     * the discretised logistic mixture. Each refusal names the flag to change.
     */
    static void checkData(TrainConfig config, Shape shape) {
        String model = "--model " + config.model();
        if (!shape.isImage()) {
            throw new UserInputException(model + " models one-channel images, binary (--likelihood bernoulli) or "
                    + "8-bit grey levels (--likelihood logistic-mixture); --dataset " + config.dataset()
                    + " holds no images");
        }
        if (shape.channels() != 1) {
            throw new UserInputException(model + " models one-channel images; --dataset " + config.dataset() + " has "
                    + shape.channels() + " channels: use mnist, fashion-mnist or omniglot");
        }
        boolean eightBit = DatasetCatalog.hasEightBitValues(config.dataset()) && config.binarize().equals("none");
        switch (config.likelihood()) {
            case "bernoulli" -> {
            }
            case LOGISTIC_MIXTURE -> {
                if (!eightBit) {
                    throw new UserInputException("--likelihood logistic-mixture models 8-bit grey levels, but "
                            + "--dataset " + config.dataset() + " with --binarize " + config.binarize()
                            + " is binary: use --likelihood bernoulli, or a grey-level dataset with --binarize none");
                }
            }
            default -> throw new UserInputException(model + " takes --likelihood bernoulli (binary images) or "
                    + "logistic-mixture (8-bit grey levels, --binarize none), not " + config.likelihood());
        }
    }
}
