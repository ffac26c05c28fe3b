package io.vigie.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core's boundaries as failing tests: no Kafka, no Micrometer, no network in {@code io.vigie.core}, and no
 * default-locale case mapping anywhere in the core's main sources.
 */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.vigie.core");
    }

    @Test
    void shouldFindTheCoreClasses() {
        // guards the rules below against passing vacuously on an empty import
        assertTrue(core.contain("io.vigie.core.normalize.Normalizers"));
    }

    @Test
    void shouldNotDependOnKafka() {
        rule("org.apache.kafka..", "the core runs in replay and tests without a broker").check(core);
    }

    @Test
    void shouldNotDependOnMicrometer() {
        rule("io.micrometer..", "the core reports counts through its results; the stream app owns meters").check(core);
    }

    @Test
    void shouldNotDoNetworkIo() {
        rule("java.net..", "the core does no I/O").check(core);
    }

    @Test
    void shouldKeepTheStagesFreeOfCycles() {
        // the pipeline runs one way: contract/state <- normalize <- match <- cue <- rule <- assess <- root
        slices().matching("io.vigie.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void shouldKeepEveryInternalPackagePrivateToItsStage() {
        for (String stage : List.of("normalize", "match", "cue", "rule", "assess", "load")) {
            noClasses().that().resideOutsideOfPackage("io.vigie.core." + stage + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.vigie.core." + stage + ".internal..")
                    .because("a stage's internal package is its implementation, not its surface")
                    .allowEmptyShould(true)
                    .check(core);
        }
    }

    @Test
    void shouldReadFilesOnlyInLoaders() {
        // files are read when a pack or model is loaded, never while scoring
        noClasses().that().resideInAPackage("io.vigie.core..")
                .and().haveSimpleNameNotEndingWith("Loader")
                .and().haveSimpleNameNotEndingWith("Parser")
                .should().accessClassesThat().belongToAnyOf(java.nio.file.Files.class, java.io.FileInputStream.class,
                        java.io.FileReader.class, java.io.RandomAccessFile.class, java.nio.channels.FileChannel.class)
                .because("file access belongs to the loaders (rule packs, lexicons, hash lists)")
                .check(core);
    }

    private static ArchRule rule(String packages, String because) {
        return noClasses().that().resideInAPackage("io.vigie.core..")
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .because(because);
    }

    private static final Pattern DEFAULT_LOCALE_CASE = Pattern.compile("\\.to(Lower|Upper)Case\\(\\s*\\)");

    @Test
    void shouldNeverMapCaseWithTheDefaultLocale() throws IOException {
        // given every main source file of the core
        Path root = sourceRoot();
        List<String> offenders = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(files.size() > 10, "expected the core's sources under " + root);
        // when scanned, then no toLowerCase()/toUpperCase() without a Locale appears
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = DEFAULT_LOCALE_CASE.matcher(lines.get(i));
                if (m.find()) {
                    offenders.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertEquals(List.of(), offenders, "use toLowerCase(Locale.ROOT) / toUpperCase(Locale.ROOT)");
    }

    @Test
    void shouldRecognizeADefaultLocaleCaseCall() {
        // the scan above is only as good as its pattern
        assertTrue(DEFAULT_LOCALE_CASE.matcher("s.toLowerCase()").find());
        assertTrue(DEFAULT_LOCALE_CASE.matcher("x.toUpperCase( )").find());
        assertTrue(!DEFAULT_LOCALE_CASE.matcher("s.toLowerCase(Locale.ROOT)").find());
        assertTrue(!DEFAULT_LOCALE_CASE.matcher("Character.toLowerCase(cp)").find());
    }

    private static Path sourceRoot() {
        // surefire runs in the module directory; an IDE may run from the repository root
        for (String candidate : new String[] {"src/main/java", "moderation-core/src/main/java"}) {
            Path p = Paths.get(candidate);
            if (Files.isDirectory(p.resolve("io/vigie/core"))) {
                return p;
            }
        }
        throw new UncheckedIOException(new IOException("moderation-core/src/main/java not found from "
                + Paths.get("").toAbsolutePath()));
    }
}
