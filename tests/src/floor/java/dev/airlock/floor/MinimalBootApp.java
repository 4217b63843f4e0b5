package dev.airlock.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The kiosk benchmark's floor: a minimal Spring Boot web app (one controller answering "/") run
 * on the kiosk's own jars and JVM options, Vaadin's auto-configuration left out. Not built by
 * Maven (the tests module does not see Spring's jars); tests/bench-kiosk-floor.sh compiles it
 * against the extracted kiosk's lib/.
 */
@SpringBootApplication(excludeName = {"com.vaadin.flow.spring.SpringBootAutoConfiguration",
        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration", "com.vaadin.flow.spring.VaadinScopesConfig"})
@RestController
public class MinimalBootApp {
    @GetMapping("/")
    public String root() {
        return "ok";
    }

    public static void main(String[] args) {
        SpringApplication.run(MinimalBootApp.class, args);
    }
}
