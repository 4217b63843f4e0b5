package dev.airlock.kiosk.core;

import java.net.InetAddress;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * The kiosk listens on the loopback address only, whatever {@code server.address} or
 * {@code SERVER_ADDRESS} say: it holds the full lab record and signs bundles, so no other
 * machine may reach it. Runs after Spring's own property customizer, so it has the last word.
 */
public final class LoopbackOnly implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {
    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        factory.setAddress(InetAddress.getLoopbackAddress());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
