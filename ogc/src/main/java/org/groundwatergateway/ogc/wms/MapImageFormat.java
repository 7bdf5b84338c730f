package org.groundwatergateway.ogc.wms;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The image formats GetMap and GetLegendGraphic write. */
enum MapImageFormat {
    PNG("image/png", true),
    /** 8-bit palette PNG: a third of the size for maps of a few flat colours, which is what tiles mostly are. */
    PNG8("image/png; mode=8bit", true),
    JPEG("image/jpeg", false);

    private static final float JPEG_QUALITY = 0.85f;

    private final String mimeType;
    private final boolean alpha;

    MapImageFormat(String mimeType, boolean alpha) {
        this.mimeType = mimeType;
        this.alpha = alpha;
    }

    String mimeType() {
        return mimeType;
    }

    static Optional<MapImageFormat> of(String format) {
        String f = format.toLowerCase(Locale.ROOT).replace(" ", "");
        if (f.equals("image/png")) return Optional.of(PNG);
        if (f.equals("image/png8") || f.equals("image/png;mode=8bit")) return Optional.of(PNG8);
        if (f.equals("image/jpeg") || f.equals("image/jpg")) return Optional.of(JPEG);
        return Optional.empty();
    }

    static List<String> advertised() {
        return List.of("image/png", "image/png8", "image/png; mode=8bit", "image/jpeg");
    }

    byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            switch (this) {
                case PNG -> ImageIO.write(image, "png", out);
                case PNG8 -> ImageIO.write(indexed(image), "png", out);
                case JPEG -> jpeg(image, out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void jpeg(BufferedImage image, ByteArrayOutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * The image with a palette: its own colours exactly when it has at most 256 (alpha included), else a
     * 6×6×6 colour cube with fully transparent pixels kept transparent.
     */
    static BufferedImage indexed(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, Integer> palette = new LinkedHashMap<>();
        for (int argb : pixels) {
            if (palette.size() > 256) break;
            palette.putIfAbsent(argb, palette.size());
        }
        if (palette.size() <= 256) {
            int n = Math.max(2, palette.size());
            byte[] r = new byte[n], g = new byte[n], b = new byte[n], a = new byte[n];
            palette.forEach((argb, index) -> {
                a[index] = (byte) (argb >>> 24);
                r[index] = (byte) (argb >> 16);
                g[index] = (byte) (argb >> 8);
                b[index] = (byte) (int) argb;
            });
            BufferedImage indexed = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, n, r, g, b, a));
            byte[] data = ((java.awt.image.DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
            for (int k = 0; k < pixels.length; k++) data[k] = palette.get(pixels[k]).byteValue();
            return indexed;
        }
        byte[] r = new byte[256], g = new byte[256], b = new byte[256], a = new byte[256];
        for (int k = 0; k < 216; k++) {
            r[k] = (byte) (k / 36 * 51);
            g[k] = (byte) (k / 6 % 6 * 51);
            b[k] = (byte) (k % 6 * 51);
            a[k] = (byte) 255;
        }
        // Index 216 is the transparent one.
        BufferedImage indexed = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, r, g, b, a));
        byte[] data = ((java.awt.image.DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
        for (int k = 0; k < pixels.length; k++) {
            int argb = pixels[k];
            if ((argb >>> 24) < 128) {
                data[k] = (byte) 216;
            } else {
                int ri = (((argb >> 16) & 0xFF) + 25) / 51;
                int gi = (((argb >> 8) & 0xFF) + 25) / 51;
                int bi = ((argb & 0xFF) + 25) / 51;
                data[k] = (byte) (ri * 36 + gi * 6 + bi);
            }
        }
        return indexed;
    }

    /** A blank canvas of the right kind for this format. */
    BufferedImage canvas(int width, int height, boolean transparent, int background) {
        boolean clear = transparent && alpha;
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (!clear) {
            Graphics2D g = image.createGraphics();
            g.setColor(new java.awt.Color(background));
            g.fillRect(0, 0, width, height);
            g.dispose();
        }
        return image;
    }
}
