package dev.airlock.appliance.gateway;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A connected socket with its buffered streams. */
final class HttpConnection {
    final Socket socket;
    final InputStream in;
    final OutputStream out;

    HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Whether the other side still holds the connection open, checked right before sending: a
     * 1 ms read that must time out. End of stream, a reset, or a stray byte all mean it must not
     * carry a request.
     */
    boolean open() {
        try {
            if (socket.isClosed() || socket.isInputShutdown() || in.available() > 0) {
                return false;
            }
            socket.setSoTimeout(1);
            in.read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void close() {
        closeQuietly(socket);
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }
}
