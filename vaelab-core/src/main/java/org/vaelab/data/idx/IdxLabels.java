package org.vaelab.data.idx;

/** The labels of an IDX label file, one unsigned byte each. The array is shared: treat it as read-only. */
public record IdxLabels(byte[] labels) {

    public int count() {
        return labels.length;
    }

    public int label(int index) {
        return labels[index] & 0xff;
    }
}
