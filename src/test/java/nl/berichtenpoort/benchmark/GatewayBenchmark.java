package nl.berichtenpoort.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import nl.berichtenpoort.benchmark.BenchmarkCorpus.Bericht;
import nl.berichtenpoort.testsupport.GatewayProcess;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.validation.SchemaCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark (mvn -B verify -Pbenchmark; never part of the tests): the packaged gateway as its own process with its
 * default setup, against the bare work in the same run. Prints a table (figure, baseline, gateway, ratio) and writes it
 * to target/benchmark.md. Sizes: -Dbenchmark.messages (2,000), -Dbenchmark.rate (100 msg/s),
 * -Dbenchmark.sustained.seconds (60), -Dbenchmark.warm-up (20,000). Both sides are measured warm, as a gateway that runs
 * for days is: the baseline after a first pass over the whole corpus, each gateway after it passed warm-up messages
 * (other ones, for other clients) until its JIT compilers were done. The JIT compilers' CPU during the warm-up's last
 * round and during the burst are in the table: they show how warm that was.
 */
class GatewayBenchmark {

    private static final int MESSAGES = Integer.getInteger("benchmark.messages", 2_000);
    private static final int RATE = Integer.getInteger("benchmark.rate", 100);
    private static final int SUSTAINED_SECONDS = Integer.getInteger("benchmark.sustained.seconds", 60);
    private static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 20_000);
    /**
     * After the first WARM_UP messages a gateway gets rounds of this many more until its JIT compilers took less than
     * QUIET_JIT_MILLIS of CPU per message in a round. A fixed warm-up of 20,000 left the one C2 compiler thread a
     * backlog: it still took 0.5 to 0.9 ms per measured message, a third of the gateway's CPU, where after 60,000 it
     * took 0.02 (and the faster the gateway, the less wall time the compiler has during a fixed count).
     */
    private static final int WARM_UP_ROUND = 10_000;
    private static final double QUIET_JIT_MILLIS = 0.1;
    /** USER_HZ of /proc/<pid>/task/<tid>/stat on Linux. */
    private static final long CLOCK_TICKS = 100;
    /**
     * The -Xmx256m run needs the code paths warm, not the JIT settled: its figure is about the one large file. After
     * 20,000 messages its broker held their 60,000 audit events (nobody reads the audit queue here), which Artemis keeps
     * in memory up to half the heap: 245 MB of 256 used, and 0.9 s for the file. It passes one other large declaratie
     * too (so does the baseline): the first one of a gateway's life took 0.9 s where the next took 0.65.
     */
    private static final int LARGE_WARM_UP = 1_000;
    private static final long LARGE_BYTES = 24L * 1024 * 1024 + 512 * 1024;
    /** The gateway's own defaults (config/application.yaml) instead of the fast polling of the tests. */
    private static final String[] DEFAULTS = ownDefaults();

    @TempDir
    Path root;

    private final List<String[]> table = new ArrayList<>();
    private Path warmUpStaging;
    private final Set<Integer> warmUpWritten = new HashSet<>();

    @Test
    void theGatewayAgainstTheBareWork() throws Exception {
        SchemaCatalog catalog = new SchemaCatalog(Path.of("xsd"));
        Baseline baseline = new Baseline(catalog);

        warmUpStaging = root.resolve("warm-up-corpus");
        List<Bericht> warmUp = warmUp(0, WARM_UP);
        List<Bericht> corpus = BenchmarkCorpus.mixed(20261123L, MESSAGES, "B");
        Path staging = write(root.resolve("corpus"), corpus);
        long corpusBytes = corpus.stream().mapToLong(b -> b.content().length).sum();
        // warmed like the gateway, on the warm-up corpus: after one pass over the corpus alone its JIT was not done either
        baseline.run(warmUp, warmUpStaging, root.resolve("warm-up"));
        // the median of three passes: one pass on its own varied between 2,000 and 3,500 msg/s from run to run
        double baselineRate = MESSAGES / seconds(median(settled(() -> baseline.run(corpus, staging, root.resolve("baseline-1"))),
                settled(() -> baseline.run(corpus, staging, root.resolve("baseline-2"))),
                settled(() -> baseline.run(corpus, staging, root.resolve("baseline-3")))));

        Run burst = run("burst", corpus, staging, List.of(), 0, warmUp, true).clean();
        row("throughput, " + MESSAGES + " messages dropped at once (" + mb(corpusBytes) + " MB), msg/s", baselineRate, burst.rate(), burst.rate() / baselineRate);
        row("latency drop to outbox, p50 / p99, ms", null, burst.latency(50) + " / " + burst.latency(99), null);
        row("peak RSS / peak heap used, MB", null, burst.peakRssMb() + " / " + burst.peakHeapMb(), null);
        // how warm "warm" was: what the JIT compilers still took while the burst ran
        row("  JIT compiler CPU during the burst, ms per message", null, String.format(Locale.ROOT, "%.2f", burst.jitMillisPerMessage()), null);
        row("  warm-up before it: messages, and the JIT compiler CPU in its last round, ms per message", null,
                String.format(Locale.ROOT, "%,d, %.2f", burst.warmedUp(), burst.warmUpJitMillisPerMessage()), null);

        List<Bericht> steady = BenchmarkCorpus.mixed(7L, RATE * SUSTAINED_SECONDS, "S");
        Run sustained = run("sustained", steady, write(root.resolve("steady"), steady), List.of(), RATE, warmUp, true).clean();
        row("latency at " + RATE + " msg/s for " + SUSTAINED_SECONDS + " s, p50 / p99, ms", null,
                sustained.latency(50) + " / " + sustained.latency(99), null);

        // both sides have passed one other large declaratie before, as a gateway that runs for days has
        Bericht earlierLarge = BenchmarkCorpus.large("GROOT-0000", LARGE_BYTES);
        write(warmUpStaging, List.of(earlierLarge));
        Bericht large = BenchmarkCorpus.large("GROOT-0001", LARGE_BYTES);
        Path largeFolder = write(root.resolve("large"), List.of(large));
        baseline.run(List.of(earlierLarge), warmUpStaging, root.resolve("warm-up-large"));
        double baselineLarge = seconds(settled(() -> baseline.run(List.of(large), largeFolder, root.resolve("baseline-large"))));
        List<Bericht> largeWarmUp = new ArrayList<>(warmUp.subList(0, Math.min(WARM_UP, LARGE_WARM_UP)));
        largeWarmUp.add(earlierLarge);
        Run alone = run("large", List.of(large), largeFolder, List.of("-Xmx256m"), 0, largeWarmUp, false);
        double gatewayLarge = alone.lastRouteMillis() / 1000.0;
        row("one WMO323 of " + mb(large.content().length) + " MB with -Xmx256m, validated and routed (the outbound flow's two stages), s",
                baselineLarge, gatewayLarge, gatewayLarge / baselineLarge);
        // the drop-to-outbox time adds the read lock's quiet period (a file is taken once unchanged for 300 ms) and the poll
        row("  drop to outbox, s", null, alone.latency(100) / 1000.0, null);
        row("  its peak heap used, MB", null, alone.peakHeapMb(), null);
        // reported rather than thrown: this is the figure the heap limit is about
        row("  its outcome", null, alone.problem() == null ? "sent, nothing in fout" : alone.problem(), null);

        print();
    }

    /**
     * Starts a gateway, passes the warm-up messages (from the warm-up folder; with {@code untilQuiet} more rounds after
     * them until the JIT compilers are done), drops the messages (all at once, or at {@code rate} per second) and waits
     * until they are out.
     */
    private Run run(String name, List<Bericht> berichten, Path staging, List<String> jvm, int rate, List<Bericht> warmUps,
                    boolean untilQuiet) throws Exception {
        Path folder = root.resolve("gateway-" + name);
        GatewayProcess gateway = new GatewayProcess(folder, jvm, DEFAULTS).start();
        try (GatewayProbe probe = GatewayProbe.attach(gateway.pid()); HeapSampler heap = new HeapSampler(probe)) {
            Path epdUit = folder.resolve("epd/uit");
            Path outbox = folder.resolve("vecozo/uit");
            List<Bericht> round = warmUps;
            int warmedUp = 0;
            long warmUpEvents = 0;
            double warmUpJit;
            while (true) {
                long roundJit = jitTicks(gateway);
                for (Bericht bericht : round) {
                    Path hidden = epdUit.resolve("." + bericht.fileName());
                    Files.copy(warmUpStaging.resolve(bericht.fileName()), hidden);
                    Files.move(hidden, epdUit.resolve(bericht.fileName()), StandardCopyOption.ATOMIC_MOVE);
                }
                warmUpEvents = awaitOut(name + " (warm-up)", probe, outbox, round.size(), warmUpEvents);
                // an empty outbox for what comes next, so that counting it stays cheap (the gateway makes the folder again)
                Files.move(outbox, folder.resolve("vecozo/uit-warm-up-" + warmedUp), StandardCopyOption.ATOMIC_MOVE);
                warmedUp += round.size();
                warmUpJit = (jitTicks(gateway) - roundJit) * 1000.0 / CLOCK_TICKS / round.size();
                if (!untilQuiet || warmUpJit < QUIET_JIT_MILLIS || warmedUp + WARM_UP_ROUND > BenchmarkCorpus.MAX_PER_PREFIX) {
                    break;
                }
                round = warmUp(warmedUp, WARM_UP_ROUND);
            }
            settleDisk();
            // the peaks are those of the measured part: Linux resets VmHWM on "5" in clear_refs
            Files.writeString(Path.of("/proc", String.valueOf(gateway.pid()), "clear_refs"), "5");
            heap.start();
            long jitTicks = jitTicks(gateway);
            Map<String, Long> dropped = new HashMap<>();
            long first = System.currentTimeMillis();
            for (int i = 0; i < berichten.size(); i++) {
                if (rate > 0) {
                    sleepUntil(first + i * 1000L / rate);
                }
                Bericht bericht = berichten.get(i);
                Files.move(staging.resolve(bericht.fileName()), epdUit.resolve(bericht.fileName()), StandardCopyOption.ATOMIC_MOVE);
                dropped.put(bericht.deliveredAs(), System.currentTimeMillis());
            }
            awaitOut(name, probe, outbox, berichten.size(), warmUpEvents);
            long done = System.currentTimeMillis();
            double jitMillis = (jitTicks(gateway) - jitTicks) * 1000.0 / CLOCK_TICKS;
            long peakHeapMb = heap.finish();
            List<Path> refused = Stream.of("fout", "afkeur").flatMap(f -> RunningGateway.files(folder.resolve(f)).stream())
                    .filter(f -> f.toString().endsWith("reden.txt")).toList();
            String problem = refused.isEmpty() ? null : refused.size() + " in fout or afkeur, the first: "
                    + RunningGateway.text(refused.get(0)).lines().skip(1).findFirst().orElse("");
            List<Long> latencies = new ArrayList<>();
            for (Map.Entry<String, Long> drop : dropped.entrySet()) {
                latencies.add(Math.max(0, Files.getLastModifiedTime(outbox.resolve(drop.getKey())).toMillis() - drop.getValue()));
            }
            latencies.sort(null);
            // the poller's route (identify, validate) and the recording stage after it (record, send)
            long lastRouteMillis = probe.lastProcessingTime("epd-uit") + probe.lastProcessingTime("uitgaand-registreren");
            return new Run(name, berichten.size() / ((done - first) / 1000.0), latencies, peakRss(gateway), peakHeapMb, problem,
                    lastRouteMillis, jitMillis / berichten.size(), warmedUp, warmUpJit);
        } finally {
            gateway.stop();
        }
    }

    /**
     * Waits until {@code messages} more are in the outbox with their three audit events each on the audit queue (after
     * the {@code eventsBefore} already there); answers the events on the queue. Gives up when nothing more came out for a
     * minute (a message that waits for a retour, or went to fout, never comes).
     */
    private static long awaitOut(String name, GatewayProbe probe, Path outbox, int messages, long eventsBefore) throws Exception {
        long out = 0;
        long events = 0;
        long lastProgress = System.currentTimeMillis();
        while (out < messages || events < eventsBefore + 3L * messages) {
            Thread.sleep(50);
            long nowOut = count(outbox);
            long nowEvents = probe.auditEvents();
            if (nowOut != out || nowEvents != events) {
                out = nowOut;
                events = nowEvents;
                lastProgress = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastProgress > Duration.ofMinutes(1).toMillis()) {
                throw new IllegalStateException(name + ": " + out + " of " + messages + " messages out (" + events
                        + " audit events), nothing more for a minute; see " + outbox.getParent().getParent());
            }
        }
        return events;
    }

    /**
     * @param problem         what went to fout or afkeur, null when every message went out cleanly
     * @param lastRouteMillis how long the outbound flow's two stages took for the last message (Camel's JMX statistics)
     * @param jitMillisPerMessage CPU time of the JIT compiler threads while the messages ran, per message
     * @param warmedUp        the warm-up messages the gateway passed before
     * @param warmUpJitMillisPerMessage the JIT compiler threads' CPU time per message in the warm-up's last round
     */
    record Run(String name, double rate, List<Long> latencies, long peakRssMb, long peakHeapMb, String problem, long lastRouteMillis,
               double jitMillisPerMessage, int warmedUp, double warmUpJitMillisPerMessage) {

        /** Figures of a run in which messages failed do not count. */
        Run clean() {
            if (problem != null) {
                throw new IllegalStateException(name + ": " + problem);
            }
            return this;
        }

        long latency(int percentile) {
            int index = (int) Math.ceil(percentile / 100.0 * latencies.size()) - 1;
            return latencies.get(Math.max(0, Math.min(latencies.size() - 1, index)));
        }
    }

    /** Samples the gateway's used heap every 50 ms and keeps the highest. */
    private static final class HeapSampler extends Thread implements AutoCloseable {

        private final GatewayProbe probe;
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        HeapSampler(GatewayProbe probe) {
            this.probe = probe;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    peak.accumulateAndGet(probe.heapUsed(), Math::max);
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException gone) {
                    return; // the gateway is stopping
                }
            }
        }

        long finish() {
            close();
            return peak.get() / (1024 * 1024);
        }

        @Override
        public void close() {
            running = false;
        }
    }

    /** CPU time (user and system, in clock ticks) the process's JIT compiler threads used so far. */
    private static long jitTicks(GatewayProcess gateway) throws IOException {
        long ticks = 0;
        try (var threads = Files.list(Path.of("/proc", String.valueOf(gateway.pid()), "task"))) {
            for (Path thread : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                // pid (comm) state ...: comm may hold spaces, the fields after it are counted from its closing parenthesis
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (comm.matches("C[12] CompilerThre.*")) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks;
    }

    /**
     * Writes back to disk what the parts before left in the page cache, so that no measured part (baseline or gateway)
     * waits on the write-back of what others wrote: the warm-ups alone write gigabytes.
     */
    private static void settleDisk() {
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long settled(LongSupplier measured) {
        settleDisk();
        return measured.getAsLong();
    }

    /** VmHWM: the most memory the process ever had resident. */
    private static long peakRss(GatewayProcess gateway) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(gateway.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
        }
    }

    /**
     * Warm-up messages {@code first} to {@code first + count}, written to the warm-up folder when first asked for (all
     * 100,000 at once would be 1.5 GB of files, most of them never used).
     */
    private List<Bericht> warmUp(int first, int count) throws IOException {
        List<Bericht> berichten = BenchmarkCorpus.mixed(99L + first, first, count, "W");
        if (warmUpWritten.add(first)) {
            write(warmUpStaging, berichten);
        }
        return berichten;
    }

    private static Path write(Path folder, List<Bericht> berichten) throws IOException {
        Files.createDirectories(folder);
        for (Bericht bericht : berichten) {
            Files.write(folder.resolve(bericht.fileName()), bericht.content());
        }
        return folder;
    }

    private void row(String figure, Object baseline, Object gateway, Double ratio) {
        table.add(new String[] {figure, format(baseline), format(gateway), ratio == null ? "" : String.format(Locale.ROOT, "%.2f", ratio)});
    }

    private void print() throws IOException {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nBenchmark on %d cores, %s, Java %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version")));
        out.append("| Figure | Baseline | Gateway | Ratio |\n|---|---|---|---|\n");
        for (String[] row : table) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        System.out.println(out);
        Files.writeString(Path.of("target/benchmark.md"), out);
    }

    private static String format(Object value) {
        return value == null ? "" : value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : value.toString();
    }

    private static long median(long... values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long mb(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0);
    }

    private static void sleepUntil(long millis) throws InterruptedException {
        long wait = millis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /** The polling, redelivery, outage and sequencing settings as config/application.yaml gives them. */
    private static String[] ownDefaults() {
        try {
            JsonNode settings = new YAMLMapper().readTree(Path.of("config", "application.yaml").toFile()).get("berichtenpoort");
            List<String> args = new ArrayList<>();
            for (String group : List.of("polling", "redelivery", "outage")) {
                settings.get(group).fields().forEachRemaining(f -> args.add("--berichtenpoort." + group + "." + f.getKey() + "=" + f.getValue().asText()));
            }
            args.add("--berichtenpoort.sequencing.check-interval=" + settings.get("sequencing").get("check-interval").asText());
            return args.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
