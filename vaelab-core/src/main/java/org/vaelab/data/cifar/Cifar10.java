package org.vaelab.data.cifar;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.LabelledImages;
import org.vaelab.data.ValueKind;
import org.vaelab.data.files.DataFile;
import org.vaelab.data.files.DataFileLocator;
import org.vaelab.data.files.DataFolders;
import org.vaelab.data.files.FormatCheck;
import org.vaelab.data.files.LocatedFile;
import org.vaelab.data.files.Sha256;

/**
 * CIFAR-10's binary version (Krizhevsky 2009): 50,000 training images in data_batch_1.bin .. data_batch_5.bin and
 * 10,000 test images in test_batch.bin, 32x32 colour as 8-bit levels k/255 per channel, shape 3x32x32, with class
 * labels 0..9. Read from the extracted folder {@code cifar-10-batches-bin/} when all of a split's batches are
 * there, else straight from {@code cifar-10-binary.tar.gz} (found or downloaded, checked by its published SHA-256).
 */
public final class Cifar10 {

    public static final String URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
    /** As recorded by TensorFlow Datasets (url_checksums/cifar10.txt, with the size 170,052,171 bytes). */
    public static final String ARCHIVE_SHA256 = "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd";
    public static final int CLASSES = 10;
    public static final int RECORDS_PER_FILE = 10_000;
    public static final Dataset.Shape SHAPE = new Dataset.Shape(3, 32, 32);
    public static final DataFile ARCHIVE = new DataFile("cifar10", "cifar-10-binary.tar.gz",
            Optional.of(ARCHIVE_SHA256), Optional.of(URI.create(URL)), FormatCheck.NONE,
            "download " + URL + " into DIR/cifar10/ (extracted or not) and pass --data-dir DIR");

    static final String FIX = DataFolders.REPLACE_FIX;

    private static final String FOLDER = "cifar-10-batches-bin";
    private static final List<String> TRAIN_FILES =
            List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    private static final List<String> TEST_FILES = List.of("test_batch.bin");

    private final DataFileLocator locator;
    private final int recordsPerFile;
    private final DataFile archive;

    public Cifar10(DataFileLocator locator) {
        this(locator, RECORDS_PER_FILE, ARCHIVE);
    }

    /** With batches of another size and another archive than the published ones: for tests with tiny files. */
    Cifar10(DataFileLocator locator, int recordsPerFile, DataFile archive) {
        this.locator = locator;
        this.recordsPerFile = recordsPerFile;
        this.archive = archive;
    }

    public Dataset train() {
        return load("train", TRAIN_FILES);
    }

    public Dataset test() {
        return load("test", TEST_FILES);
    }

    private Dataset load(String split, List<String> names) {
        CifarRecords records = new CifarRecords(names.size(), recordsPerFile);
        String[] digests = new String[names.size()];
        List<LocatedFile> extracted = extracted(names);
        if (extracted.size() == names.size()) {
            for (int i = 0; i < names.size(); i++) {
                LocatedFile file = extracted.get(i);
                records.add(i, readAll(file.path()), file.path().toString());
                digests[i] = file.sha256();
            }
        } else {
            Path tarGz = locator.locate(archive).path();
            TarGzArchive.read(tarGz, names::contains, (name, content) -> {
                int slot = names.indexOf(name);
                records.add(slot, content, tarGz + " (member " + name + ")");
                digests[slot] = Sha256.hex(content);
            });
            for (int i = 0; i < names.size(); i++) {
                if (!records.isFilled(i)) {
                    throw new UserInputException(tarGz + " holds no " + names.get(i)
                            + ", so it is not the CIFAR-10 binary archive; " + FIX);
                }
            }
        }
        // The batches' own checksums, so a run's provenance is the same whether they came extracted or archived.
        StringBuilder provenance = new StringBuilder("cifar10-" + split + ":");
        for (int i = 0; i < names.size(); i++) {
            provenance.append(i == 0 ? " " : ", ").append(names.get(i)).append(" sha256=").append(digests[i]);
        }
        return new LabelledImages("cifar10-" + split, SHAPE, ValueKind.EIGHT_BIT, records.pixels(), records.labels(),
                CLASSES, provenance.toString());
    }

    /** The split's extracted batches ({@code cifar-10-batches-bin/NAME} in a searched folder), if all are here. */
    private List<LocatedFile> extracted(List<String> names) {
        List<LocatedFile> files = new ArrayList<>();
        for (String name : names) {
            Optional<LocatedFile> found = locator.findLocal(DataFile.localOnly("cifar10", FOLDER + "/" + name));
            if (found.isEmpty()) {
                return List.of();
            }
            files.add(found.get());
        }
        return files;
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + " (" + e.getMessage() + "); check its permissions", e);
        }
    }
}
