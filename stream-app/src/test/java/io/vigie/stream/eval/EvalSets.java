package io.vigie.stream.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.stream.cli.ModerationCliTest;
import io.vigie.stream.serde.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The labelled sets under {@code src/test/resources/eval/} as command-line arguments. */
public final class EvalSets {

    /** The sets' folder (the working directory of the tests is the module). */
    public static final Path DIR = Path.of("src/test/resources/eval");

    private EvalSets() {
    }

    /** {@code --input} harmful and benign, {@code --labels} harmful and benign, for each named set. */
    public static List<String> inputsAndLabels(List<String> sets) {
        List<String> args = new ArrayList<>();
        for (String s : sets) {
            Path d = DIR.resolve(s);
            args.addAll(List.of("--input", d.resolve("harmful.jsonl").toString(), "--input",
                    d.resolve("benign.jsonl").toString(), "--labels", d.resolve("harmful-labels.json").toString(),
                    "--labels", d.resolve("benign-labels.json").toString()));
        }
        return args;
    }

    /** Runs {@code eval} on one set with a risk model ({@code default}, {@code none} or a file); the JSON result. */
    public static JsonNode evalWithModel(Path json, String model, String set) throws Exception {
        List<String> args = new ArrayList<>(List.of("eval", "--json", json.toString(), "--set",
                "moderation.model=" + model));
        args.addAll(inputsAndLabels(List.of(set)));
        ModerationCliTest.Result r = ModerationCliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return Json.MAPPER.readTree(json.toFile());
    }
}
