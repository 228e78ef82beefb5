package org.shahid.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.shahid.kernel.ConfigurationException;
import org.shahid.kernel.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz scheduler every instance of Shahid shares through the database: a clustered JDBC job store on the
 * tables of migration V14, so each trigger (a mailbox poll, the digest, retention, reconciliation, service levels)
 * fires on exactly one instance, and the triggers of an instance that stops checking in are taken over by another
 * after {@code shahid.cluster.checkin-interval} plus Quartz's 7.5 s grace. Bound to Camel's quartz component; its
 * own small connection pool, so scheduling never waits behind intake for a connection. Reads
 * {@code shahid.cluster.*} and {@code shahid.db.*}. Thread-safe (Quartz's own guarantee).
 */
public final class ClusteredScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredScheduler.class);
    /** Data-source names are JVM-global in Quartz; tests start several services in one JVM. */
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

    private final Scheduler scheduler;
    private final HikariDataSource pool;

    private ClusteredScheduler(Scheduler scheduler, HikariDataSource pool) {
        this.scheduler = scheduler;
        this.pool = pool;
    }

    /** Creates the scheduler, not yet started (Camel's quartz component starts it with the routes). */
    public static ClusteredScheduler create(Settings settings) {
        int threads = settings.integer("shahid.cluster.scheduler-threads");
        HikariDataSource pool = pool(settings, threads + 3);
        String dataSource = "shahid-quartz-" + DATA_SOURCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PooledConnections(pool));
        Properties quartz = new Properties();
        // Instances of one cluster share a name; the database's name keeps unrelated services in one JVM apart.
        quartz.setProperty("org.quartz.scheduler.instanceName", "shahid-" + databaseName(settings));
        quartz.setProperty("org.quartz.scheduler.instanceId", settings.text("shahid.cluster.instance-id"));
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        quartz.setProperty("org.quartz.threadPool.threadNamePrefix", "shahid-scheduler");
        quartz.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        quartz.setProperty("org.quartz.jobStore.dataSource", dataSource);
        quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        quartz.setProperty("org.quartz.jobStore.isClustered", "true");
        quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                String.valueOf(settings.duration("shahid.cluster.checkin-interval").toMillis()));
        quartz.setProperty("org.quartz.jobStore.misfireThreshold",
                String.valueOf(settings.duration("shahid.cluster.misfire-threshold").toMillis()));
        // Row locks on QRTZ_LOCKS around acquisition: the documented setting for clusters.
        quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        try {
            Scheduler scheduler = new StdSchedulerFactory(quartz).getScheduler();
            LOG.info("Scheduler {} joins its cluster as {}", scheduler.getSchedulerName(),
                    scheduler.getSchedulerInstanceId());
            return new ClusteredScheduler(scheduler, pool);
        } catch (SchedulerException e) {
            pool.close();
            throw new ConfigurationException("cannot create the clustered scheduler: " + e.getMessage());
        }
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Fires no further trigger on this instance; the others go on firing them. Jobs running here continue. */
    public void standby() {
        try {
            if (!scheduler.isShutdown()) {
                scheduler.standby();
            }
        } catch (SchedulerException e) {
            LOG.warn("Scheduler standby failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Waits for the jobs running here, then leaves the cluster. The triggers stay in the database (Camel deletes
     * none in a clustered store), so a restart or another instance goes on where this one stopped.
     */
    @Override
    public void close() {
        try {
            if (!scheduler.isShutdown()) {
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            LOG.warn("Scheduler shutdown failed: {}", e.getClass().getSimpleName());
        } finally {
            pool.close();
        }
    }

    private static HikariDataSource pool(Settings settings, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.text("shahid.db.url"));
        config.setUsername(settings.text("shahid.db.user"));
        config.setPassword(settings.text("shahid.db.password", ""));
        config.setMaximumPoolSize(size);
        config.setPoolName("shahid-quartz");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    static String databaseName(Settings settings) {
        String url = settings.text("shahid.db.url");
        String path = URI.create(url.substring("jdbc:".length())).getPath();
        String name = path == null ? "" : path.replaceFirst("^/", "");
        return name.isEmpty() ? "default" : name;
    }

    /** Hands Quartz connections from the pool. */
    private record PooledConnections(HikariDataSource pool) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool is closed with the scheduler
        }

        @Override
        public void initialize() {
            // the pool exists already
        }
    }
}
