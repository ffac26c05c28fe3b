package io.vigie.core.model;

import io.vigie.core.contract.Category;
import io.vigie.core.load.LoadError;
import io.vigie.core.load.LoadException;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads {@link RiskModel} files (written by {@link RiskModel#write}) and the embedded default model. */
public final class RiskModelLoader {

    /** The embedded default model's resource. */
    public static final String DEFAULT_RESOURCE = "/io/vigie/core/model/default.vrm";

    private static volatile RiskModel embedded;

    private RiskModelLoader() {
    }

    /** The model embedded in the jar, read once. */
    public static RiskModel embedded() {
        RiskModel m = embedded;
        if (m == null) {
            synchronized (RiskModelLoader.class) {
                m = embedded;
                if (m == null) {
                    try (InputStream in = RiskModelLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("the embedded model " + DEFAULT_RESOURCE + " is missing");
                        }
                        m = load(in, DEFAULT_RESOURCE);
                    } catch (IOException | LoadException e) {
                        throw new IllegalStateException("the embedded model does not load: " + e.getMessage(), e);
                    }
                    embedded = m;
                }
            }
        }
        return m;
    }

    /** Reads a model file written by {@link #write}. */
    public static RiskModel load(Path file) throws LoadException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw error(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads a model.
     *
     * @param name the file's name, for errors
     * @throws LoadException naming the file and what is wrong (not a model, another format, truncated, bad values)
     */
    public static RiskModel load(InputStream in, String name) throws LoadException {
        try (DataInputStream d = new DataInputStream(new GZIPInputStream(in))) {
            String magic = d.readUTF();
            if (!RiskModel.MAGIC.equals(magic)) {
                throw error(name, "not a risk model (it starts with '" + magic + "')");
            }
            int format = d.readInt();
            if (format < 1 || format > RiskModel.FORMAT) {
                throw error(name, "model format " + format + " is not supported (this engine reads 1 to "
                        + RiskModel.FORMAT + ")");
            }
            String provenance = d.readUTF();
            int nc = d.readInt();
            if (nc < 1 || nc > Category.values().length) {
                throw error(name, "bad category count " + nc);
            }
            Category[] cats = new Category[nc];
            for (int c = 0; c < nc; c++) {
                String v = d.readUTF();
                try {
                    cats[c] = Category.parse(v);
                } catch (IllegalArgumentException e) {
                    throw error(name, e.getMessage());
                }
            }
            float low = d.readFloat();
            float high = d.readFloat();
            float margin = d.readFloat();
            float scale = d.readFloat();
            if (!(low <= high) || !Float.isFinite(high) || !Float.isFinite(margin) || !(scale > 0)
                    || !Float.isFinite(scale)) {
                throw error(name, "bad thresholds or scale (low " + low + ", high " + high + ", margin " + margin
                        + ", scale " + scale + "): low must not exceed high");
            }
            float[] bias = new float[nc + 1];
            for (int o = 0; o < bias.length; o++) {
                bias[o] = d.readFloat();
            }
            int n = d.readInt();
            if (n < 0 || n > 1 << 24) {
                throw error(name, "bad feature count " + n);
            }
            int[] keys = new int[n];
            byte[] rows = new byte[n * (nc + 1)];
            for (int r = 0; r < n; r++) {
                keys[r] = d.readInt();
                d.readFully(rows, r * (nc + 1), nc + 1);
            }
            byte[] contextRows = null;
            RiskModel.Context context = null;
            if (format >= 2) {
                float cs = d.readFloat();
                float cb = d.readFloat();
                float cg = d.readFloat();
                float cd = d.readFloat();
                try {
                    context = new RiskModel.Context(cs, cb, cg, cd);
                } catch (IllegalArgumentException e) {
                    throw error(name, e.getMessage());
                }
                contextRows = new byte[n];
                d.readFully(contextRows);
            }
            if (d.read() != -1) {
                throw error(name, "unexpected bytes after the last feature");
            }
            try {
                return new RiskModel(List.of(cats), keys, rows, scale, bias, low, high, margin, provenance,
                        contextRows, context);
            } catch (IllegalArgumentException e) {
                throw error(name, e.getMessage());
            }
        } catch (EOFException e) {
            throw error(name, "truncated: the file ends inside the model");
        } catch (ZipException e) {
            throw error(name, "not a risk model (not gzip data: " + e.getMessage() + ")");
        } catch (IOException e) {
            throw error(name, "cannot read: " + e.getMessage());
        }
    }

    private static LoadException error(String name, String reason) {
        return new LoadException(List.of(new LoadError(name, 0, 0, reason,
                "write model files with 'moderation model train', or set moderation.model=default")));
    }
}
