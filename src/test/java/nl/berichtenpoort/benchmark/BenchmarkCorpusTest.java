package nl.berichtenpoort.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.berichtenpoort.benchmark.BenchmarkCorpus.Bericht;
import nl.berichtenpoort.privacy.Bsn;
import nl.berichtenpoort.validation.SchemaCatalog;
import nl.berichtenpoort.validation.ValidationResult;
import nl.berichtenpoort.validation.XsdValidator;
import org.junit.jupiter.api.Test;

/** The benchmark measures valid work only: every generated message passes the project's schemas. */
class BenchmarkCorpusTest {

    private static final long MAX = 25L * 1024 * 1024;
    private final XsdValidator validator = new XsdValidator(new SchemaCatalog(Path.of("xsd")), MAX);

    @Test
    void theMixedCorpusHasEveryTypeAndEachMessageIsValid() {
        List<Bericht> corpus = BenchmarkCorpus.mixed(1, 200, "B");

        assertThat(corpus).extracting(Bericht::type).containsAll(BenchmarkCorpus.TYPES);
        for (Bericht bericht : corpus) {
            ValidationResult result = validator.validate(bericht.content(), bericht.fileName());
            assertThat(result.issues()).as(bericht.fileName() + ": " + result.summary()).isEmpty();
        }
    }

    @Test
    void noClientOfTheWarmUpIsAClientOfTheMeasuredCorpusAndEveryBsnPassesTheElfproef() {
        Set<String> warmUp = IntStream.range(0, 100_000).mapToObj(i -> BenchmarkCorpus.bsn("W", i)).collect(Collectors.toSet());
        Set<String> measured = IntStream.range(0, 100_000).mapToObj(i -> BenchmarkCorpus.bsn("B", i)).collect(Collectors.toSet());
        Set<String> shared = new HashSet<>(warmUp);
        shared.retainAll(measured);

        assertThat(shared).isEmpty();
        assertThat(warmUp).hasSize(100_000).allMatch(Bsn::passesElfproef);
        assertThat(measured).hasSize(100_000).allMatch(Bsn::passesElfproef);
        assertThat(BenchmarkCorpus.mixed(1, 3, "S")).extracting(b -> new String(b.content(), StandardCharsets.UTF_8))
                .allMatch(xml -> xml.contains(BenchmarkCorpus.bsn("S", 0)) || xml.contains(BenchmarkCorpus.bsn("S", 1))
                        || xml.contains(BenchmarkCorpus.bsn("S", 2)));
    }

    @Test
    void theLargeDeclaratieIsJustUnderTheLimitAndValid() {
        Bericht large = BenchmarkCorpus.large("GROOT-1", 24L * 1024 * 1024);

        assertThat((long) large.content().length).isBetween(23L * 1024 * 1024, MAX);
        ValidationResult result = validator.validate(large.content(), large.fileName());
        assertThat(result.issues()).as(result.summary()).isEmpty();
    }
}
