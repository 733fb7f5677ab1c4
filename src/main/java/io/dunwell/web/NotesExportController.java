package io.dunwell.web;

import static org.apache.commons.lang3.StringUtils.stripToNull;

import java.io.IOException;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.dunwell.notes.NotesExport;
import io.dunwell.system.Download;

/**
 * {@code GET /notes/export?source=accounts|invoices&account=&invoice=&from=&to=&zone=}: the notes
 * as a CSV download. {@code from}/{@code to} are ISO dates, both included, in {@code zone}
 * (an IANA time zone, UTC when left out), which is also the zone of the timestamps.
 */
@Controller
class NotesExportController {

    private final NotesExport export;

    NotesExportController(NotesExport export) {
        this.export = export;
    }

    @GetMapping("/notes/export")
    void export(@RequestParam(defaultValue = "accounts") String source,
                @RequestParam(required = false) String account,
                @RequestParam(required = false) String invoice,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "UTC") String zone,
                HttpServletResponse response) throws IOException {
        NotesExport.Filter filter = new NotesExport.Filter(sourceOf(source), stripToNull(account), stripToNull(invoice),
                from, to, zoneOf(zone));
        if (from != null && to != null && from.isAfter(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'from' (" + from + ") is after 'to' (" + to + ")");
        }
        response.setContentType("text/csv;charset=UTF-8");
        Download.headers("notes-" + source.toLowerCase(Locale.ROOT) + ".csv").forEach((name, values) -> response.setHeader(name, values.get(0)));
        Writer out = response.getWriter();
        export.write(filter, out);
        out.flush();
    }

    private static NotesExport.Source sourceOf(String source) {
        return switch (source.toLowerCase(Locale.ROOT)) {
            case "accounts" -> NotesExport.Source.ACCOUNTS;
            case "invoices" -> NotesExport.Source.INVOICES;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'source' is accounts or invoices, not '" + source + "'");
        };
    }

    private static ZoneId zoneOf(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'zone' is no time zone: '" + zone + "' (try Europe/Berlin)");
        }
    }

}
