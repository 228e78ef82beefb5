package org.shahid.config;

import org.shahid.kernel.ConfigurationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /health/live}, {@code GET /health/ready} and {@code GET /metrics} (Prometheus text format) on {@code
 * shahid.health.host:port} (JDK HTTP server;
 * the Camel HTTP modules that would serve this do not resolve here). Ready means: the database answers, every
 * route is started, and Camel's consumer checks (mailbox polls) are up. The body also counts the outbox backlog
 * and held quarantine entries, so an admin sees why. Never shows a mail's content or a reporter. Thread-safe.
 */
public final class HealthEndpoint implements AutoCloseable {

    private static final String JSON = "application/json";

    private final HttpServer server;
    private final CamelContext camel;
    private final DataSource dataSource;
    private final Jdbi jdbi;
    /** Set when shutdown starts: from then on ready answers 503, so no orchestrator sends work here. */
    private volatile boolean stopping;

    private HealthEndpoint(HttpServer server, CamelContext camel, DataSource dataSource, Jdbi jdbi) {
        this.server = server;
        this.camel = camel;
        this.dataSource = dataSource;
        this.jdbi = jdbi;
    }

    public static HealthEndpoint start(String host, int port, CamelContext camel, Database database,
                                       PrometheusMeterRegistry metrics) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            HealthEndpoint endpoint = new HealthEndpoint(server, camel, database.dataSource(), database.jdbi());
            server.createContext("/health/live", exchange -> endpoint.respond(exchange, 200, "{\"status\":\"UP\"}",
                    JSON));
            server.createContext("/health/ready", endpoint::ready);
            server.createContext("/metrics", exchange -> endpoint.respond(exchange, 200, metrics.scrape(),
                    "text/plain; version=0.0.4; charset=utf-8"));
            server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "shahid-health");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new ConfigurationException("cannot serve health checks on " + host + ":" + port + " ("
                    + e.getClass().getSimpleName() + "); set shahid.health.port");
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Shutdown has started: ready answers 503 from now on, while the last mails are finished. */
    public void markStopping() {
        stopping = true;
    }

    private void ready(HttpExchange exchange) throws IOException {
        if (stopping) {
            respond(exchange, 503, "{\"status\":\"STOPPING\"}", JSON);
            return;
        }
        Map<String, String> checks = new TreeMap<>();
        List<String> down = new ArrayList<>();
        check(checks, down, "database", databaseAnswers() ? "UP" : "DOWN");
        boolean routesStarted = camel.getRoutes().stream()
                .allMatch(route -> camel.getRouteController().getRouteStatus(route.getRouteId()).isStarted());
        check(checks, down, "routes", routesStarted ? "UP" : "DOWN");
        Collection<HealthCheck.Result> camelChecks = HealthCheckHelper.invokeReadiness(camel);
        for (HealthCheck.Result result : camelChecks) {
            check(checks, down, "camel:" + result.getCheck().getId(), stateOf(result));
        }
        StringBuilder body = new StringBuilder("{\"status\":\"").append(down.isEmpty() ? "UP" : "DOWN")
                .append("\",\"checks\":{");
        checks.forEach((name, state) -> body.append('"').append(json(name)).append("\":\"").append(state).append("\","));
        if (!checks.isEmpty()) {
            body.setLength(body.length() - 1);
        }
        body.append('}');
        if (checks.get("database").equals("UP")) {
            body.append(",\"outbox\":").append(counts("SELECT status, COUNT(*) FROM outbox WHERE status <> 'SENT' GROUP BY status"))
                    .append(",\"quarantine\":").append(counts("SELECT status, COUNT(*) FROM quarantine WHERE status = 'HELD' GROUP BY status"));
        }
        body.append('}');
        respond(exchange, down.isEmpty() ? 200 : 503, body.toString(), JSON);
    }

    /**
     * A mailbox that has not been polled on this instance without any error is on standby, not down: with several
     * instances the clustered scheduler polls each mailbox from one of them (docs/operations.md).
     */
    private static String stateOf(HealthCheck.Result result) {
        Object errors = result.getDetails().get(HealthCheck.FAILURE_ERROR_COUNT);
        boolean neverFailed = errors instanceof Number count && count.longValue() == 0;
        if (result.getState() == HealthCheck.State.DOWN && neverFailed) {
            return "STANDBY";
        }
        return result.getState().name();
    }

    private static void check(Map<String, String> checks, List<String> down, String name, String state) {
        checks.put(name, state);
        if (state.equals("DOWN")) {
            down.add(name);
        }
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private String counts(String sql) {
        Map<String, Long> counts = jdbi.withHandle(handle -> {
            Map<String, Long> rows = new TreeMap<>();
            handle.createQuery(sql).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(entry -> rows.put(entry.getKey(), entry.getValue()));
            return rows;
        });
        StringBuilder out = new StringBuilder("{");
        counts.forEach((status, count) -> out.append('"').append(status).append("\":").append(count).append(','));
        if (!counts.isEmpty()) {
            out.setLength(out.length() - 1);
        }
        return out.append('}').toString();
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private void respond(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
