package dev.airlock.kiosk;

import dev.airlock.kiosk.core.KioskPaths;
import java.lang.management.ManagementFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints the address the kiosk serves and a "ready" line once it answers (nothing in tests without a server). */
@Component
final class ReadyLine implements ApplicationListener<ApplicationReadyEvent> {
    private final KioskPaths paths;

    ReadyLine(KioskPaths paths) {
        this.paths = paths;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String url = "http://127.0.0.1:" + web.getWebServer().getPort() + "/";
            KioskApplication.printReady(System.out, url, paths.dataDir().toString(),
                    ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }
}
