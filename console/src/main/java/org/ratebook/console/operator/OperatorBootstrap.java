package org.ratebook.console.operator;

import org.ratebook.tenants.Operators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At the first start of an installation without an operator, creates one: username {@code ratebook.operator.username}
 * (default {@code operator}) and password {@code ratebook.operator.password}, or a generated password when none is
 * configured, plus an operator API key for {@code /api/v1/operator/**} and metrics. What was generated is printed
 * once and written to {@code operator-credentials.txt} beside the data (only hashes are stored).
 */
@Component
@Order(0)
public class OperatorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final Operators operators;
    private final PasswordEncoder passwords;
    private final String username;
    private final String configuredPassword;
    private final Path dataDir;
    private Map<String, String> generated = Map.of();

    public OperatorBootstrap(Operators operators, PasswordEncoder passwords,
                             @Value("${ratebook.operator.username:operator}") String username,
                             @Value("${ratebook.operator.password:}") String configuredPassword,
                             @Value("${ratebook.data-dir}") Path dataDir) {
        this.operators = operators;
        this.passwords = passwords;
        this.username = username;
        this.configuredPassword = configuredPassword;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (operators.any()) {
            return;
        }
        boolean configured = configuredPassword != null && !configuredPassword.isBlank();
        String password = configured ? configuredPassword : randomPassword();
        operators.create(username, passwords.encode(password));
        String key = operators.issueKey("bootstrap");
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("operator_user", username);
        if (!configured) {
            lines.put("operator_password", password);
        }
        lines.put("operator_api_key", key);
        generated = Map.copyOf(lines);
        Files.createDirectories(dataDir);
        StringBuilder file = new StringBuilder("# Ratebook operator. Shown once: only hashes are stored.\n");
        lines.forEach((k, v) -> file.append(k).append('=').append(v).append('\n'));
        Path path = dataDir.resolve("operator-credentials.txt");
        Files.writeString(path, file);
        log.info("""

                ==================================================================
                 Operator created: {} / {}
                 Operator API key: {}
                 (also written to {})
                ==================================================================""",
                username, configured ? "(password from ratebook.operator.password)" : password, key, path);
    }

    /** What this start generated for the operator (empty when the operator existed already), as file lines. */
    public Map<String, String> generated() {
        return generated;
    }

    public static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
