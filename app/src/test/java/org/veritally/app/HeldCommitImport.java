package org.veritally.app;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The importer of {@link KillMidImportTest}, run in a child JVM: the CLI ({@link Main}) with the
 * SQLite driver wrapped so that the first commit that would take the log past {@code args[0]}
 * entries does not happen. That transaction has done all its writes; the importer prints
 * {@value #HELD} with the uncommitted log size and waits there to be killed. The other arguments are
 * the CLI's.
 */
final class HeldCommitImport {
    static final String HELD = "HELD before commit, uncommitted log size ";

    private HeldCommitImport() {}

    public static void main(String[] args) throws SQLException {
        long holdPast = Long.parseLong(args[0]);
        Driver sqlite = DriverManager.getDriver("jdbc:sqlite:");
        DriverManager.deregisterDriver(sqlite);
        DriverManager.registerDriver(new Holding(sqlite, holdPast));
        System.exit(Main.run(Arrays.copyOfRange(args, 1, args.length)));
    }

    /** Blocks the commit of a transaction that holds more than {@code holdPast} log entries. */
    private static void beforeCommit(Connection c, long holdPast) throws SQLException {
        long size;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM log_entry")) {
            rs.next();
            size = rs.getLong(1);
        }
        if (size <= holdPast) return;
        System.out.println(HELD + size);
        System.out.flush();
        try {
            // the test kills this process now; the bound only keeps an orphan from living on if the test died first
            new CountDownLatch(1).await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(3);
    }

    private record Holding(Driver real, long holdPast) implements Driver {
        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            Connection c = real.connect(url, info);
            if (c == null) return null;
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, a) -> {
                        if (m.getName().equals("commit") && m.getParameterCount() == 0) beforeCommit(c, holdPast);
                        try {
                            return m.invoke(c, a);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return real.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return real.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return real.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return real.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return real.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return real.getParentLogger();
        }
    }
}
