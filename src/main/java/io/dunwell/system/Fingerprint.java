package io.dunwell.system;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of a request's meaning, so a replayed request can be told from a different one
 * sent under the same id. Amounts are compared by value: 10.5 and 10.50 are the same.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(Object... parts) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : parts) {
            Object value = part instanceof BigDecimal amount ? amount.stripTrailingZeros().toPlainString() : part;
            canonical.append(value).append('\u001f');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
