package nl.berichtenpoort.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.berichtenpoort.message.Role;
import nl.berichtenpoort.testsupport.Fixtures;
import nl.berichtenpoort.testsupport.RunningGateway;
import nl.berichtenpoort.testsupport.groenevink.Scenario;
import nl.berichtenpoort.testsupport.groenevink.ScenarioRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Plays the ten Groene Vink scenarios in both roles (with their wrong variants, which end in afkeur) and a handful of
 * messages that end in fout for a client's data, while every log line is captured; then scans the log lines, the
 * Prometheus metrics, the audit events, the afkeur and fout entries (queues, reasons on disk, REST) and the message
 * list for the BSNs and the client names of the scenarios and the fixtures. None may appear in clear.
 */
class PersonalDataIT {

    @TempDir
    Path root;

    @Test
    void noBsnOrClientNameAppearsInClearInLogsMetricsAuditOrReasons() throws IOException {
        Map<String, RunningGateway> gateways = new LinkedHashMap<>();
        List<Scenario> scenarios = Scenario.all().stream().map(Scenario::load).toList();
        for (Scenario scenario : scenarios) {
            gateways.computeIfAbsent("aanbieder-" + scenario.aanbieder(), name -> RunningGateway.startNamed(root, name,
                    "--berichtenpoort.agb-code=" + scenario.aanbieder()));
        }
        RunningGateway gemeente = RunningGateway.startNamed(root, "gemeente-0384", "--berichtenpoort.role=gemeente",
                "--berichtenpoort.gemeente-code=0384");
        gateways.put("gemeente-0384", gemeente);
        // Spring Boot sets logging up afresh at each start, so the capture goes on once all gateways run
        ListAppender<ILoggingEvent> log = captureLog();
        try {
            for (Scenario scenario : scenarios) {
                new ScenarioRun(gateways.get("aanbieder-" + scenario.aanbieder()), scenario, Role.AANBIEDER).play();
                new ScenarioRun(gemeente, scenario, Role.GEMEENTE).play();
            }
            RunningGateway aanbieder = gateways.get("aanbieder-98025566");
            dropBadClientData(aanbieder);

            List<String> texts = new ArrayList<>();
            log.list.forEach(event -> texts.add(event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()))));
            for (RunningGateway gateway : gateways.values()) {
                texts.add(gateway.getText("/actuator/prometheus"));
                gateway.auditEvents().forEach(event -> texts.add(event.toString()));
                for (String queue : List.of("berichtenpoort.afkeur", "berichtenpoort.fout")) {
                    gateway.browse(queue).forEach(entry -> texts.add(withoutOriginals(entry).toString()));
                }
                texts.add(gateway.getText("/api/dead-letters"));
                texts.add(gateway.getText("/api/berichten"));
                texts.addAll(reasonFiles(gateway.root()));
            }
            System.out.printf("PersonalDataIT: %d log lines, %d texts scanned for %d BSNs and %d names%n", log.list.size(), texts.size(),
                    bsns(scenarios).size(), names(scenarios).size());

            assertThat(texts).as("texts scanned").hasSizeGreaterThan(log.list.size());
            // the broker's own audit loggers quote every message's properties, several lines per message
            assertThat(log.list).extracting(ILoggingEvent::getLoggerName).as("broker audit log lines")
                    .noneMatch(logger -> logger.startsWith("org.apache.activemq.audit"));
            for (String bsn : bsns(scenarios)) {
                Pattern clear = Pattern.compile("(?<!\\d)" + bsn + "(?!\\d)");
                assertThat(around(texts, clear)).as("BSN *****" + bsn.substring(5)).isEmpty();
            }
            for (String name : names(scenarios)) {
                Pattern clear = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
                assertThat(around(texts, clear)).as("name " + name.charAt(0) + "...").isEmpty();
            }
        } finally {
            ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
            gateways.values().forEach(RunningGateway::close);
        }
    }

    /** Messages whose client data breaks the schema or a rule: their reasons quote the place and the value. */
    private static void dropBadClientData(RunningGateway gateway) {
        String wmo305 = Fixtures.withIdentity("WMO305", "PD-1").replace("<wmo305:Bsn>999990019<", "<wmo305:Bsn>9999900199<");
        RunningGateway.drop(gateway.epdUit(), "pd-bsn.xml", wmo305.getBytes(StandardCharsets.UTF_8));
        String wmo301 = Fixtures.withoutReferentieAanbieder(Fixtures.withIdentity("WMO301", "PD-2")).replace(">999990019<", ">999990018<");
        RunningGateway.drop(gateway.vecozoIn(), "pd-elfproef.xml", wmo301.getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.stepsOf("pd-bsn.xml").contains("fout")
                && "AFGEKEURD".equals(gateway.state("WMO301", "PD-2")));
    }

    /** Where the pattern is found: 120 characters around each place, so that a failure says where to look. */
    private static List<String> around(List<String> texts, Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(text.substring(Math.max(0, matcher.start() - 120), Math.min(text.length(), matcher.end() + 120)));
            }
        }
        return found;
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    /** A dead-letter entry without the originals it carries on purpose (afkeur: messages, fout: originalBase64). */
    private static Map<String, Object> withoutOriginals(Map<String, Object> entry) {
        Map<String, Object> copy = new LinkedHashMap<>(entry);
        copy.keySet().removeIf(key -> key.contains("Base64") || key.equals("messages"));
        return copy;
    }

    /** The reasons written beside the originals in fout and afkeur (the originals themselves are kept as they came). */
    private static List<String> reasonFiles(Path gatewayRoot) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(gatewayRoot)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList()) {
                texts.add(Files.readString(file));
            }
        }
        return texts;
    }

    private static List<String> bsns(List<Scenario> scenarios) {
        List<String> bsns = new ArrayList<>(List.of("999990019", "999990020", "999990018", "9999900199"));
        scenarios.forEach(s -> bsns.add(s.client().bsn()));
        return bsns;
    }

    private static List<String> names(List<Scenario> scenarios) {
        List<String> names = new ArrayList<>(List.of("Ösel", "Terpstra", "Zoë Anna"));
        scenarios.forEach(s -> names.add(s.client().achternaam()));
        return names;
    }
}
