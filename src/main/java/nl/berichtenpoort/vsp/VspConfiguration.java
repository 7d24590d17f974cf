package nl.berichtenpoort.vsp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.cert.X509Certificate;
import java.time.Clock;
import nl.berichtenpoort.BerichtenpoortProperties;
import nl.berichtenpoort.audit.Audit;
import nl.berichtenpoort.message.MessageTypeRegistry;
import nl.berichtenpoort.store.DeadLetterStore;
import nl.berichtenpoort.store.Deadlines;
import nl.berichtenpoort.store.MessageStore;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The VSP transport (berichtenpoort.vecozo.transport: vsp): the https component of camel-http with our system
 * certificate, TLS 1.2+ and timeouts on every call; the beans the routes in routes/vecozo/vsp/ call; and the health
 * check of the certificate.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "berichtenpoort.vecozo.transport", havingValue = "vsp")
public class VspConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(VspConfiguration.class);

    @Bean
    SSLContextParameters vspTls(BerichtenpoortProperties properties) {
        BerichtenpoortProperties.Vsp vsp = properties.vecozo().vsp();
        X509Certificate certificate = VspTls.clientCertificate(vsp);
        LOG.info("VSP: system certificate {} (valid until {}); push {}, pull {}, status {}", certificate.getSubjectX500Principal().getName(),
                certificate.getNotAfter().toInstant(), vsp.pushUrl(), vsp.pullUrl(), vsp.statusUrl());
        return VspTls.parameters(vsp);
    }

    /**
     * Timeouts always set, so a hanging server cannot stall the gateway; no automatic retries by the HTTP client, so
     * a send is retried only by the gateway's own redelivery, which knows when a message may have arrived already.
     */
    @Bean
    ComponentCustomizer vspHttps(SSLContextParameters vspTls, BerichtenpoortProperties properties) {
        BerichtenpoortProperties.Vsp vsp = properties.vecozo().vsp();
        return ComponentCustomizer.builder(HttpComponent.class).withCondition((name, component) -> "https".equals(name)).build(https -> {
            https.setSslContextParameters(vspTls);
            https.setConnectTimeout(vsp.connectTimeout().toMillis());
            https.setConnectionRequestTimeout(vsp.connectTimeout().toMillis());
            https.setSoTimeout(vsp.readTimeout().toMillis());
            https.setResponseTimeout(vsp.readTimeout().toMillis());
            https.setHttpClientConfigurer(builder -> builder.disableAutomaticRetries());
        });
    }

    @Bean
    VspUpload vspUpload(MessageStore store, MessageTypeRegistry registry, BerichtenpoortProperties properties, ObjectMapper json) {
        return new VspUpload(store, registry, new VspEnvelope(properties.vecozo().vsp()), json);
    }

    @Bean
    VspDownload vspDownload(ObjectMapper json, BerichtenpoortProperties properties, DeadLetterStore deadLetters) {
        return new VspDownload(json, properties.folders().work().resolve("vsp-in"), deadLetters);
    }

    @Bean
    VspStatus vspStatus(MessageStore store, Deadlines deadlines, Audit audit, ObjectMapper json, Clock clock,
                        BerichtenpoortProperties properties) {
        BerichtenpoortProperties.Vsp vsp = properties.vecozo().vsp();
        return new VspStatus(store, deadlines, audit, json, clock, vsp.statusMaxAge(), vsp.statusBatchSize());
    }

    @Bean
    VspCertificateHealth vspCertificate(BerichtenpoortProperties properties, Clock clock) {
        return new VspCertificateHealth(VspTls.clientCertificate(properties.vecozo().vsp()), clock);
    }
}
