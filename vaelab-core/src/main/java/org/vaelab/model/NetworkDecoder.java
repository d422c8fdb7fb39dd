package org.vaelab.model;

import org.vaelab.dist.Distribution;
import org.vaelab.nn.Layer;
import org.vaelab.tensor.Tensor;

/** A network from z to likelihood parameters, read through a {@link LikelihoodHead}. */
public final class NetworkDecoder implements Decoder {
    private final Layer network;
    private final LikelihoodHead head;

    public NetworkDecoder(Layer network, LikelihoodHead head) {
        this.network = network;
        this.head = head;
    }

    @Override
    public Distribution decode(Tensor z) {
        return head.distribution(network.forward(z));
    }
}
