package nl.berichtenpoort;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The gateway: Spring Boot with Camel; routes live in routes/, configuration in config/. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Berichtenpoort {

    public static void main(String[] args) {
        SpringApplication.run(Berichtenpoort.class, args);
    }
}
