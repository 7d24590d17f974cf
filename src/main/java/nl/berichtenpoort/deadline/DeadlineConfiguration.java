package nl.berichtenpoort.deadline;

import java.util.HashSet;
import nl.berichtenpoort.BerichtenpoortProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working-day calendar and the deadlines it gives, from berichtenpoort.deadlines. */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean
    WorkingDays workingDays(BerichtenpoortProperties properties) {
        return new WorkingDays(new HashSet<>(properties.deadlines().extraClosedDays()));
    }

    @Bean
    DeadlinePolicy deadlinePolicy(WorkingDays workingDays) {
        return new DeadlinePolicy(workingDays);
    }
}
