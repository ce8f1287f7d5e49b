package io.procoresetup.verify;

import javax.net.ServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * MockWebServer writes headers and body separately; with Nagle's algorithm on its sockets each answer waits
 * for the client's delayed ACK (about 40 ms). TCP_NODELAY makes a case take milliseconds.
 */
final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                Socket s = super.accept();
                s.setTcpNoDelay(true);
                return s;
            }
        };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException { throw new UnsupportedOperationException(); }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException { throw new UnsupportedOperationException(); }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress) throws IOException {
        throw new UnsupportedOperationException();
    }
}
