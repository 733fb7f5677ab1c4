package io.dunwell.system;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file the console or the API hands out: saved, never shown in the page (a note's attachment may be
 * HTML a customer sent), under its own name in any script.
 */
public final class Download {

    private Download() {
    }

    public static <T> ResponseEntity<T> of(String fileName, MediaType type, T content) {
        return ResponseEntity.ok().contentType(type).headers(headers(fileName)).body(content);
    }

    /** The headers alone, for a download written straight to the response. */
    public static HttpHeaders headers(String fileName) {
        HttpHeaders headers = new HttpHeaders();
        // a plain ASCII name as it is; any other in RFC 5987's UTF-8 form, which every browser reads
        ContentDisposition.Builder disposition = StandardCharsets.US_ASCII.newEncoder().canEncode(fileName)
                ? ContentDisposition.attachment().filename(fileName)
                : ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8);
        headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition.build().toString());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox");
        return headers;
    }
}
