package dev.airlock.kiosk;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The kiosk: a Spring Boot application serving the Vaadin views on 127.0.0.1 only. Takes the
 * CLI's {@code --data DIR} and {@code --port N} (or AIRLOCK_DATA / SERVER_PORT).
 */
@SpringBootApplication
public class KioskApplication {
    public static void main(String[] args) {
        SpringApplication.run(KioskApplication.class, springArgs(args));
    }

    /** Maps {@code --data DIR} and {@code --port N} (also {@code --x=y}) onto Spring properties. */
    static String[] springArgs(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String inline = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            String mapped = switch (name) {
                case "--data" -> "--airlock.data=";
                case "--port" -> "--server.port=";
                default -> null;
            };
            if (mapped == null) {
                out.add(a);
            } else if (inline != null) {
                out.add(mapped + inline);
            } else if (i + 1 < args.length) {
                out.add(mapped + args[++i]);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        return out.toArray(String[]::new);
    }
}
