package dev.airlock.kiosk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The kiosk: a Spring Boot application serving the Vaadin views on 127.0.0.1 only. */
@SpringBootApplication
public class KioskApplication {
    public static void main(String[] args) {
        SpringApplication.run(KioskApplication.class, args);
    }
}
