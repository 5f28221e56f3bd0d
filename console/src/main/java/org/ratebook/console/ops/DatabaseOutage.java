package org.ratebook.console.ops;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means "the database is not reachable right now" (restarted, connection dropped, pool
 * exhausted while it was away) rather than a bug. Such a request rolled back whole (its transaction never
 * committed), so the caller may simply send it again: the API answers 503 with Retry-After, not 500.
 * Looked up along the cause chain, since Axon and Spring wrap what the JDBC driver threw.
 */
public final class DatabaseOutage {

    /**
     * SQLSTATE class 08 (connection exception) and the server going away: 57P01 admin shutdown, 57P02 crash
     * shutdown, 57P03 cannot connect now (starting up or shutting down).
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException) {
                return true;
            }
            // the connection died mid-transaction, then the rollback failed on it too: Spring reports the rollback
            // ("JDBC rollback failed: Connection is closed") and keeps the first failure aside
            if (t instanceof TransactionSystemException tse
                    && (isCause(tse.getApplicationException()) || tse.getCause() instanceof SQLException)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
