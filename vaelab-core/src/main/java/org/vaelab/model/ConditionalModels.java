package org.vaelab.model;

import org.vaelab.UserInputException;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.nn.Layer;
import org.vaelab.run.TrainConfig;
import org.vaelab.tensor.ParameterSet;

/**
 * The class-conditional VAE (Sohn et al. 2015; Kingma et al. 2014's M2 with the label given): MLP encoder q(z|x,y)
 * and decoder p(x|z,y) that read the one-hot label appended to their input, a standard normal prior on z. The
 * data are [x, y] of width D + K ({@link org.vaelab.data.OneHotLabelled}); K is the config's {@code classes}.
 */
final class ConditionalModels {
    private ConditionalModels() {
    }

    static VariationalAutoencoder build(TrainConfig config, Shape labelledShape, ParameterSet parameters) {
        if (!config.arch().equals("mlp")) {
            throw new UserInputException("--model cvae uses --arch mlp (the label joins the flattened input); got --arch "
                    + config.arch());
        }
        if (config.classes() == null) {
            throw new IllegalStateException("a cvae config must name its classes (resolved from the data at start)");
        }
        int classes = config.classes();
        int dataDim = labelledShape.size() - classes;
        int latent = config.latent();
        LikelihoodHead head = ModelFactory.head(config, parameters, dataDim);
        Layer encoderNet = ModelFactory.mlp(config, parameters.child("encoder"), dataDim + classes, 2 * latent, false);
        Layer decoderNet = ModelFactory.mlp(config, parameters.child("decoder"), latent + classes,
                dataDim * head.outputsPerValue(), true);
        return new VariationalAutoencoder(new ConditionalEncoder(encoderNet, dataDim, classes),
                new ConditionalDecoder(decoderNet, head, dataDim, classes),
                new ConditionalDecoder.LabelledPrior(latent, classes), parameters, true);
    }
}
