package org.vaelab.model;

import java.util.List;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.nn.Activation;
import org.vaelab.nn.ConvDecoder;
import org.vaelab.nn.ConvEncoder;
import org.vaelab.nn.Layer;
import org.vaelab.nn.Mlp;
import org.vaelab.run.TrainConfig;
import org.vaelab.tensor.ParameterSet;

/**
 * Builds the model a run's config describes. Parameters are initialised from libtorch's generator, so seed
 * it (Engine.seed) first for a reproducible start. Call outside any Scope: parameters are long-lived.
 */
public final class ModelFactory {
    /** Width of the dense layer between convolutions and code, as in Burgess et al. 2018. */
    private static final int CONV_DENSE_WIDTH = 256;

    private ModelFactory() {
    }

    public static VariationalAutoencoder build(TrainConfig config, Shape shape) {
        ParameterSet parameters = new ParameterSet();
        if (AutoregressiveModels.handles(config)) {
            return AutoregressiveModels.build(config, shape, parameters);
        }
        if (config.model().equals("cvae")) {
            return ConditionalModels.build(config, shape, parameters);
        }
        int latent = config.latent();
        LikelihoodHead head = head(config, parameters, shape.size());
        Layer encoderNet = encoderNetwork(config, shape, parameters, 2 * latent);
        Layer decoderNet;
        if (config.arch().equals("conv")) {
            decoderNet = new ConvDecoder(parameters.child("decoder"), shape, latent, convChannels(shape),
                    CONV_DENSE_WIDTH, head.outputsPerValue());
        } else {
            decoderNet = mlp(config, parameters.child("decoder"), latent, shape.size() * head.outputsPerValue(), true);
        }
        // The plain autoencoder and the WAE encode deterministically.
        boolean stochastic = !config.model().equals("ae") && !config.model().equals("wae");
        return new VariationalAutoencoder(new GaussianEncoder(encoderNet), new NetworkDecoder(decoderNet, head),
                PriorFactory.build(config, parameters), parameters, stochastic);
    }

    /** The conv or MLP network from flat data to {@code outputs} posterior parameters. */
    static Layer encoderNetwork(TrainConfig config, Shape shape, ParameterSet parameters, int outputs) {
        if (config.arch().equals("conv")) {
            return new ConvEncoder(parameters.child("encoder"), shape, convChannels(shape), CONV_DENSE_WIDTH, outputs);
        }
        return mlp(config, parameters.child("encoder"), shape.size(), outputs, false);
    }

    /** The config's MLP from {@code in} to {@code out} values; a decoder runs the hidden widths in reverse. */
    static Layer mlp(TrainConfig config, ParameterSet parameters, int in, int out, boolean decoder) {
        return new Mlp(parameters, activation(config), widths(in, config.hidden(), out, decoder));
    }

    private static Activation activation(TrainConfig config) {
        return Activation.valueOf(config.activation().toUpperCase());
    }

    /** 64x64 (and any side divisible by 16): 32,32,64,64 as in disentanglement_lib; 28x28: 32,64 to 7x7. */
    static int[] convChannels(Shape shape) {
        int side = shape.height();
        if (side % 16 == 0) {
            return new int[] {32, 32, 64, 64};
        }
        if (side % 4 == 0) {
            return new int[] {32, 64};
        }
        throw new UserInputException("no convolutional architecture for " + side + "x" + shape.width()
                + " images; use --arch mlp");
    }

    static LikelihoodHead head(TrainConfig config, ParameterSet parameters, int dim) {
        return switch (config.likelihood()) {
            case "bernoulli" -> new BernoulliHead();
            case "logistic" -> new LogisticHead();
            case "logistic-mixture" -> new LogisticMixtureHead(config.mixtures());
            case "gaussian" -> config.gaussianVariance() == null
                    ? GaussianHead.learned(parameters, dim)
                    : GaussianHead.fixed(config.gaussianVariance(), dim);
            default -> throw new UserInputException("unknown likelihood '" + config.likelihood()
                    + "'; choose bernoulli, gaussian, logistic or logistic-mixture");
        };
    }

    private static int[] widths(int in, List<Integer> hidden, int out, boolean reversed) {
        int[] sizes = new int[hidden.size() + 2];
        sizes[0] = in;
        for (int i = 0; i < hidden.size(); i++) {
            sizes[i + 1] = hidden.get(reversed ? hidden.size() - 1 - i : i);
        }
        sizes[sizes.length - 1] = out;
        return sizes;
    }
}
