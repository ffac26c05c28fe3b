package io.vigie.core.cue;

import io.vigie.core.model.RiskModel;
import io.vigie.core.model.RiskModelLoader;

import io.vigie.core.normalize.Normalizers;
import io.vigie.core.normalize.TextNormalizer;
import io.vigie.core.load.LoadException;
import io.vigie.core.cue.internal.CueModelLoader;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds {@link CueModel}s: the embedded lexicons, optional operator lexicons and known-media hash lists,
 * compiled once. The models are immutable and thread-safe; share one and give each task its own
 * {@link CueModel#newExtractor()}.
 */
public final class CueModels {

    /** Default PDQ match threshold: the largest Hamming distance (of 256 bits) that counts as the same image. */
    public static final int DEFAULT_PDQ_THRESHOLD = 31;

    private CueModels() {
    }

    /** The embedded lexicons with the standard normalizer, no hash list. */
    public static CueModel defaults() {
        try {
            return builder().build();
        } catch (LoadException e) {
            throw new IllegalStateException("embedded lexicons do not compile: " + e.getMessage(), e);
        }
    }

    /**
     * The embedded lexicons plus operator files.
     *
     * @param lexiconDirOrNull  a folder of extra {@code *.tsv} lexicons, or null
     * @param hashListDirOrNull a folder of {@code *.sha256} / {@code *.pdq} hash lists, or null
     * @throws LoadException with file:line: reason for every bad line (unknown column or flag, empty or
     *                           duplicate term, malformed hash)
     */
    public static CueModel load(Path lexiconDirOrNull, Path hashListDirOrNull) throws LoadException {
        return builder().lexiconDir(lexiconDirOrNull).hashListDir(hashListDirOrNull).build();
    }

    /** A builder for other settings (PDQ threshold, normalizer). */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings for one model. Not thread-safe. */
    public static final class Builder {
        private Supplier<TextNormalizer> normalizers = Normalizers::standard;
        private Path lexiconDir;
        private Path hashListDir;
        private int pdqThreshold = DEFAULT_PDQ_THRESHOLD;
        private boolean embedded = true;
        private RiskModel riskModel;
        private boolean embeddedRiskModel = true;

        private Builder() {
        }

        /** Where each extractor gets its normalizer; default {@code Normalizers.standard()}. */
        public Builder normalizers(Supplier<TextNormalizer> normalizers) {
            this.normalizers = Objects.requireNonNull(normalizers, "normalizers must not be null");
            return this;
        }

        /** A folder of extra lexicons, added to the embedded ones; null for none. */
        public Builder lexiconDir(Path dir) {
            this.lexiconDir = dir;
            return this;
        }

        /** A folder of known-media hash lists; null for none. */
        public Builder hashListDir(Path dir) {
            this.hashListDir = dir;
            return this;
        }

        /** PDQ match threshold in bits, 0..255 (default 31). */
        public Builder pdqThreshold(int bits) {
            if (bits < 0 || bits > 255) {
                throw new IllegalArgumentException("pdqThreshold must be within 0..255, got " + bits);
            }
            this.pdqThreshold = bits;
            return this;
        }

        /**
         * The statistical risk model whose scores become the {@code model.*} cues; null for none. Default: the
         * embedded model ({@link RiskModelLoader#embedded()}).
         */
        public Builder riskModel(RiskModel model) {
            this.riskModel = model;
            this.embeddedRiskModel = false;
            return this;
        }

        /** False to leave out the embedded lexicons (only the folder's terms are compiled). */
        public Builder embeddedLexicons(boolean include) {
            this.embedded = include;
            return this;
        }

        /**
         * Compiles the model.
         *
         * @throws LoadException with every bad line as file:line: reason
         */
        public CueModel build() throws LoadException {
            return CueModelLoader.load(normalizers, lexiconDir, hashListDir, pdqThreshold, embedded,
                    embeddedRiskModel ? RiskModelLoader.embedded() : riskModel);
        }
    }
}
