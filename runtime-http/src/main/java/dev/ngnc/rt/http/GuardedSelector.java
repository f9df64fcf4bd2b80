package dev.ngnc.rt.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsUpgrader;

import java.util.Set;

/**
 * The server's only connection kind: Helidon's HTTP/1.1 (with WebSocket upgrades) behind a
 * {@link GuardedConnection}. Being the only selector matters: Helidon then hands each new
 * connection over at once instead of first blocking on its opening bytes, out of reach of any
 * time-out.
 */
final class GuardedSelector implements ServerConnectionSelector {
    private final Http1ConnectionSelector http1;
    private final ConnectionWatchdog watchdog;

    GuardedSelector(WsConfig wsConfig, Http1Config http1Config, ConnectionWatchdog watchdog) {
        this.http1 = Http1ConnectionSelector.builder()
                .config(http1Config)
                .addUpgrader(WsUpgrader.create(wsConfig))
                .build();
        this.watchdog = watchdog;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData data) {
        return Support.SUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return Set.of("http/1.1");
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return new GuardedConnection(ctx, http1, watchdog);
    }
}
