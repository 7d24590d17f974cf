package nl.berichtenpoort.security;

import nl.berichtenpoort.BerichtenpoortProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what over HTTP: health is open (load balancers, monitoring); viewer reads the overviews (personal data
 * masked) and the metrics; operator also reads a dead letter's original and resends or closes it; admin also uses
 * hawtio and Jolokia, which reach every JMX operation (stopping routes, purging queues). HTTP Basic over the
 * management port; no sessions, so no CSRF token is needed by curl and hawtio alike.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain access(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        // /error renders the status of a request already decided (401, 403, 415), for whoever made it
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/actuator/hawtio/**", "/actuator/jolokia/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/dead-letters/*").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/**", "/actuator/prometheus", "/actuator/info").hasRole("VIEWER")
                        .requestMatchers("/api/**").hasRole("OPERATOR")
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.realmName("Berichtenpoort"))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(Customizer.withDefaults())
                .build();
    }

    @Bean
    static RoleHierarchy roles() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_OPERATOR\nROLE_OPERATOR > ROLE_VIEWER");
    }

    @Bean
    PasswordEncoder passwords() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService accounts(BerichtenpoortProperties properties, PasswordEncoder passwords) {
        return new InMemoryUserDetailsManager(Accounts.of(properties.security(), passwords).stream()
                .map(account -> User.withUsername(account.name()).password(account.password()).roles(account.role().name()).build())
                .toList());
    }
}
