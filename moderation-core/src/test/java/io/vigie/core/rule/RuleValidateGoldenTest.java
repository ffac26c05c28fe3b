package io.vigie.core.rule;

import io.vigie.core.load.LoadException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The error report of a broken pack, exactly as {@code rules validate} prints it, against a golden file. */
class RuleValidateGoldenTest {

    @Test
    void shouldReportEveryErrorOfABrokenPackAsTheGoldenFileSays() throws IOException, URISyntaxException {
        // given
        Path dir = Path.of(RuleValidateGoldenTest.class.getResource("bad-pack").toURI());
        String expected = new String(RuleValidateGoldenTest.class.getResourceAsStream("bad-pack.expected.txt")
                .readAllBytes(), StandardCharsets.UTF_8);

        // when
        LoadException e = assertThrows(LoadException.class,
                () -> RulePackLoader.load(dir, new FakeCueModel()));
        String report = e.errors().stream()
                .map(err -> err.toString().replace(dir.toString() + java.io.File.separator, "bad-pack/"))
                .collect(Collectors.joining("\n", "", "\n"));

        // then
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/io/vigie/core/rule/bad-pack.expected.txt"), report);
        }
        assertEquals(expected, report);
    }
}
