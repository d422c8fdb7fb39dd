package org.vaelab.data.dsprites;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Compares the renderer with 320 frames of the real dataset (src/test/resources/dsprites, see README there). */
class DSpritesGoldenTest {

    private static final int SIDE = DSpritesRenderer.SIDE;
    private static final int PIXELS = DSpritesRenderer.PIXELS;
    private static final String[] SHAPE_NAMES = {"square", "ellipse", "heart"};

    private static List<float[]> frames;
    private static List<int[]> frameFactors;

    @BeforeAll
    static void loadFixture() throws IOException {
        try (InputStream gif = resource("dsprites.gif")) {
            frames = decodeComposedFrames(gif);
        }
        try (InputStream csv = resource("gif_frame_latents.csv")) {
            frameFactors = readFrameFactors(csv);
        }
    }

    @Test
    void fixtureHasOneFactorRowPerFrame() {
        assertThat(frames).hasSize(320);
        assertThat(frameFactors).hasSize(frames.size());
        for (float[] frame : frames) {
            assertThat(frame).hasSize(PIXELS);
        }
    }

    @Test
    void renderedImagesAgreeWithRealFrames() {
        float[] rendered = new float[PIXELS];
        long[] wrongPerShape = new long[DSpritesFactors.SHAPE_COUNT];
        int[] framesPerShape = new int[DSpritesFactors.SHAPE_COUNT];
        int worstWrong = 0;
        int worstFrame = -1;
        long totalWrong = 0;
        for (int frame = 0; frame < frames.size(); frame++) {
            int[] f = frameFactors.get(frame);
            DSpritesRenderer.render(f[0], f[1], f[2], f[3], f[4], rendered, 0);
            int wrong = countDifferences(frames.get(frame), rendered);
            wrongPerShape[f[0]] += wrong;
            framesPerShape[f[0]]++;
            totalWrong += wrong;
            if (wrong > worstWrong) {
                worstWrong = wrong;
                worstFrame = frame;
            }
        }
        double agreement = 1.0 - (double) totalWrong / ((long) frames.size() * PIXELS);

        StringBuilder report = new StringBuilder(String.format("dSprites golden: agreement %.4f%%", 100 * agreement));
        for (int shape = 0; shape < DSpritesFactors.SHAPE_COUNT; shape++) {
            report.append(String.format(", %s %.2f wrong px/image (%d frames)", SHAPE_NAMES[shape],
                    (double) wrongPerShape[shape] / framesPerShape[shape], framesPerShape[shape]));
        }
        report.append(String.format(", worst frame %d with %d wrong px", worstFrame, worstWrong));
        System.out.println(report);

        assertThat(agreement).as(report.toString()).isGreaterThanOrEqualTo(0.995);
        // The overall bar alone lets a visibly wrong heart through; these sit about 1.5x above SPEC.md's
        // measured 2.4, 3.1 and 8.1 wrong pixels per image.
        double[] maxMeanWrong = {3.6, 4.6, 12.0};
        for (int shape = 0; shape < DSpritesFactors.SHAPE_COUNT; shape++) {
            assertThat(framesPerShape[shape]).as("frames of %s", SHAPE_NAMES[shape]).isPositive();
            assertThat((double) wrongPerShape[shape] / framesPerShape[shape])
                    .as("mean wrong pixels per %s; %s", SHAPE_NAMES[shape], report)
                    .isLessThanOrEqualTo(maxMeanWrong[shape]);
        }
    }

    @Test
    void everyFrameMatchesItsOwnFactorsBest() {
        // Guards against an index-order or axis mix-up that the overall agreement could hide for small shapes:
        // each frame must be closer to its own rendering than to the one with posX and posY swapped.
        float[] own = new float[PIXELS];
        float[] swapped = new float[PIXELS];
        int frameCount = 0;
        for (int frame = 0; frame < frames.size(); frame++) {
            int[] f = frameFactors.get(frame);
            if (f[3] == f[4]) {
                continue;
            }
            DSpritesRenderer.render(f[0], f[1], f[2], f[3], f[4], own, 0);
            DSpritesRenderer.render(f[0], f[1], f[2], f[4], f[3], swapped, 0);
            assertThat(countDifferences(frames.get(frame), own))
                    .as("frame %d", frame)
                    .isLessThan(countDifferences(frames.get(frame), swapped));
            frameCount++;
        }
        assertThat(frameCount).isPositive();
    }

    private static int countDifferences(float[] expected, float[] actual) {
        int wrong = 0;
        for (int i = 0; i < PIXELS; i++) {
            if (expected[i] != actual[i]) {
                wrong++;
            }
        }
        return wrong;
    }

    private static InputStream resource(String name) {
        InputStream in = DSpritesGoldenTest.class.getResourceAsStream("/dsprites/" + name);
        assertThat(in).as("test resource /dsprites/%s", name).isNotNull();
        return in;
    }

    /** Rows of (shape, scale, orientation, posX, posY), 0-based; the CSV's shape column is 1-based. */
    private static List<int[]> readFrameFactors(InputStream csv) throws IOException {
        List<int[]> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        reader.readLine();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            int frame = Integer.parseInt(cells[0].trim());
            assertThat(frame).isEqualTo(rows.size());
            rows.add(new int[] {
                Integer.parseInt(cells[1].trim()) - 1,
                Integer.parseInt(cells[2].trim()),
                Integer.parseInt(cells[3].trim()),
                Integer.parseInt(cells[4].trim()),
                Integer.parseInt(cells[5].trim())
            });
        }
        return rows;
    }

    /**
     * Decodes every frame as displayed: ImageIO returns each frame's own sub-rectangle only, so frames are
     * drawn onto a logical-screen canvas at their offsets, skipping transparent pixels, and the canvas is
     * disposed of as each frame's graphic control extension says before the next frame is drawn.
     * Pixels are thresholded at half intensity.
     */
    private static List<float[]> decodeComposedFrames(InputStream gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream input = ImageIO.createImageInputStream(gif)) {
            reader.setInput(input, false);
            Element screen = child(reader.getStreamMetadata(), "javax_imageio_gif_stream_1.0",
                    "LogicalScreenDescriptor");
            int width = Integer.parseInt(screen.getAttribute("logicalScreenWidth"));
            int height = Integer.parseInt(screen.getAttribute("logicalScreenHeight"));
            assertThat(width).isEqualTo(SIDE);
            assertThat(height).isEqualTo(SIDE);

            // Background counts as off: dSprites frames are white shapes on black.
            float[] canvas = new float[width * height];
            List<float[]> composed = new ArrayList<>();
            int frameCount = reader.getNumImages(true);
            for (int i = 0; i < frameCount; i++) {
                IIOMetadata metadata = reader.getImageMetadata(i);
                Element descriptor = child(metadata, "javax_imageio_gif_image_1.0", "ImageDescriptor");
                Element control = child(metadata, "javax_imageio_gif_image_1.0", "GraphicControlExtension");
                int left = Integer.parseInt(descriptor.getAttribute("imageLeftPosition"));
                int top = Integer.parseInt(descriptor.getAttribute("imageTopPosition"));
                String disposal = control == null ? "none" : control.getAttribute("disposalMethod");

                float[] beforeFrame = canvas.clone();
                BufferedImage frame = reader.read(i);
                for (int y = 0; y < frame.getHeight(); y++) {
                    for (int x = 0; x < frame.getWidth(); x++) {
                        int canvasX = left + x;
                        int canvasY = top + y;
                        int argb = frame.getRGB(x, y);
                        if ((argb >>> 24) == 0 || canvasX >= width || canvasY >= height) {
                            continue;
                        }
                        int grey = (((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / 3;
                        canvas[canvasY * width + canvasX] = grey >= 128 ? 1f : 0f;
                    }
                }
                composed.add(canvas.clone());

                if (disposal.equals("restoreToBackgroundColor")) {
                    for (int y = top; y < Math.min(height, top + frame.getHeight()); y++) {
                        for (int x = left; x < Math.min(width, left + frame.getWidth()); x++) {
                            canvas[y * width + x] = 0f;
                        }
                    }
                } else if (disposal.equals("restoreToPrevious")) {
                    canvas = beforeFrame;
                }
            }
            return composed;
        } finally {
            reader.dispose();
        }
    }

    private static Element child(IIOMetadata metadata, String format, String name) {
        Node root = metadata.getAsTree(format);
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeName().equals(name)) {
                return (Element) node;
            }
        }
        return null;
    }
}
