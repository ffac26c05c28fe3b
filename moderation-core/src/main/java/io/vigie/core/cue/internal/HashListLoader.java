package io.vigie.core.cue.internal;

import io.vigie.core.load.LoadError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads operator known-media hash lists from a folder: files named {@code *.sha256} (or {@code *.sha256.txt})
 * hold exact SHA-256 hashes, files named {@code *.pdq} (or {@code *.pdq.txt}) hold 256-bit PDQ hashes. One
 * 64-hex-digit hash per line (a trailing comma- or space-separated label is allowed), '#' starts a comment.
 * Other files are refused, except {@code README*} and hidden files. Load-time only.
 */
final class HashListLoader {

    long[] sha = new long[64];
    int shaCount;
    long[] pdq = new long[64];
    int pdqCount;
    final List<String> files = new ArrayList<>();
    /** Name and a SHA-256 of the content of each file read, for the model's version string. */
    final List<String> fingerprints = new ArrayList<>();

    void load(Path dir, List<LoadError> errors) {
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            paths = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            errors.add(new LoadError(dir.toString(), 0, 0, "cannot list hash-list folder: " + e.getMessage(),
                    null));
            return;
        }
        for (Path p : paths) {
            String name = p.getFileName().toString();
            boolean isSha = name.endsWith(".sha256") || name.endsWith(".sha256.txt");
            boolean isPdq = name.endsWith(".pdq") || name.endsWith(".pdq.txt");
            if (!isSha && !isPdq) {
                if (!name.startsWith(".") && !name.startsWith("README")) {
                    errors.add(new LoadError(p.toString(), 0, 0, "unknown hash-list file",
                            "name SHA-256 lists *.sha256 and PDQ lists *.pdq"));
                }
                continue;
            }
            String content;
            try {
                content = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                errors.add(new LoadError(p.toString(), 0, 0, "cannot read: " + e.getMessage(), null));
                continue;
            }
            files.add(name);
            fingerprints.add(name + ":" + java.util.HexFormat.of().formatHex(
                    DefaultCueModel.digest(List.of(content))));
            parse(p.toString(), content, isSha, errors);
        }
    }

    void parse(String file, String content, boolean isSha, List<LoadError> errors) {
        String[] lines = content.split("\r?\n", -1);
        long[] h = new long[4];
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            int cut = 0;
            while (cut < line.length() && line.charAt(cut) != ',' && !Character.isWhitespace(line.charAt(cut))) {
                cut++;
            }
            String hex = line.substring(0, cut);
            if (!Hex256.parse(hex, h)) {
                errors.add(new LoadError(file, i + 1, 1, "not a 64-hex-digit hash: '" + abbreviate(hex) + "'",
                        isSha ? "one lower-case hex SHA-256 per line" : "one 256-bit PDQ hash in hex per line"));
                continue;
            }
            if (isSha) {
                sha = add(sha, shaCount++, h);
            } else {
                pdq = add(pdq, pdqCount++, h);
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }

    private static long[] add(long[] arr, int index, long[] h) {
        if ((index + 1) * 4 > arr.length) {
            arr = Arrays.copyOf(arr, arr.length * 2);
        }
        System.arraycopy(h, 0, arr, index * 4, 4);
        return arr;
    }
}
