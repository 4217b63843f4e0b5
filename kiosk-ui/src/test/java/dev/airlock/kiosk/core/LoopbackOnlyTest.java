package dev.airlock.kiosk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The real kiosk server, started with server.address=0.0.0.0, still listens on loopback only. */
class LoopbackOnlyTest {
    @Test
    void kiosk_askedToListenEverywhere_listensOnLoopbackOnly() throws Exception {
        java.nio.file.Path data = java.nio.file.Files.createTempDirectory("loopback-test");
        try (ConfigurableApplicationContext ctx = SpringApplication.run(dev.airlock.kiosk.KioskApplication.class,
                "--server.port=0", "--server.address=0.0.0.0", "--airlock.data=" + data)) {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(s.isConnected()).isTrue();
            }
            InetAddress other = nonLoopbackAddress();
            if (other != null) {
                // nothing listens on that port on the machine's other address
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(other, port), 2000);
                    throw new AssertionError("the kiosk answered on " + other);
                } catch (java.io.IOException refused) {
                    assertThat(refused).isNotNull();
                }
            }
        }
    }

    private static InetAddress nonLoopbackAddress() throws Exception {
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            for (var a : java.util.Collections.list(nic.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof java.net.Inet4Address) {
                    return a;
                }
            }
        }
        return null;
    }
}
