package org.ratebook.engine.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Says at start-up whether the database is a second wall (decision 018): the runtime role must not be a
 * superuser, must not bypass Row-Level Security and must own no table (an owner can switch RLS off).
 */
@Component
class RuntimeRoleCheck {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRoleCheck.class);
    private final JdbcTemplate jdbc;

    RuntimeRoleCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        Map<String, Object> role = jdbc.queryForMap("""
                SELECT current_user AS name, rolsuper, rolbypassrls,
                       (SELECT count(*) FROM pg_class WHERE relowner = r.oid AND relkind = 'r') AS owned
                FROM pg_roles r WHERE rolname = current_user""");
        boolean walled = !(Boolean) role.get("rolsuper") && !(Boolean) role.get("rolbypassrls")
                && ((Number) role.get("owned")).longValue() == 0;
        if (walled) {
            log.info("Database runtime role {}: subject to Row-Level Security", role.get("name"));
        } else {
            log.warn("Database runtime role {} is a superuser, bypasses RLS or owns tables: tenant isolation in the "
                    + "database is not a wall. Connect as ratebook_app and migrate with SPRING_FLYWAY_USER (README).",
                    role.get("name"));
        }
    }
}
