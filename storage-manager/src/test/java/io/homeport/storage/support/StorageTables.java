package io.homeport.storage.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Every row of every table in the storage-manager's schema, as PostgreSQL prints it, for "never stored" checks. */
public final class StorageTables {

    /** All rows as text; bytea columns appear as PostgreSQL's hex ({@code \x...}). */
    public static String dump(EntityManager entities) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder all = new StringBuilder();
            @SuppressWarnings("unchecked")
            List<String> tables = entities.createNativeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'storage' AND table_type = 'BASE TABLE'").getResultList();
            for (String table : tables) {
                @SuppressWarnings("unchecked")
                List<Object> rows = entities.createNativeQuery("SELECT t::text FROM storage.\"" + table + "\" t")
                        .getResultList();
                rows.forEach(row -> all.append(table).append(' ').append(row).append('\n'));
            }
            return all.toString();
        });
    }

    /** Whether {@code dump} holds {@code value} in clear, as text or as the hex of its UTF-8 bytes. */
    public static boolean holds(String dump, String value) {
        return dump.contains(value)
                || dump.contains(HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)));
    }

    private StorageTables() {
    }
}
