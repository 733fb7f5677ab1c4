package io.dunwell.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dunwell.system.SpreadsheetCells;

/**
 * Notes as CSV, oldest first: those on accounts or those on invoices, optionally of one account
 * or one invoice number, written within a date range, timestamps in the asked time zone. Every
 * text cell is neutralised against spreadsheet formulas: note bodies are free text.
 */
@Service
public class NotesExport {

    public enum Source { ACCOUNTS, INVOICES }

    /** {@code from} and {@code to} are whole days in {@code zone}, both included; null leaves that end open. */
    public record Filter(Source source, String accountId, String invoiceNumber, LocalDate from, LocalDate to, ZoneId zone) {
    }

    public static final String[] HEADER = {"note_id", "reply_to", "created_at", "author", "account_id", "account_name",
            "invoice_number", "body", "attachments"};

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final JdbcClient jdbc;

    NotesExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public void write(Filter filter, Writer out) {
        List<String> where = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        where.add(filter.source() == Source.ACCOUNTS ? "n.invoice_id is null" : "n.invoice_id is not null");
        if (filter.accountId() != null) {
            where.add("a.external_id = :account");
            parameters.addValue("account", filter.accountId());
        }
        if (filter.invoiceNumber() != null) {
            where.add("i.number = :invoice");
            parameters.addValue("invoice", filter.invoiceNumber());
        }
        if (filter.from() != null) {
            where.add("n.created_at >= :from");
            parameters.addValue("from", startOf(filter.from(), filter.zone()));
        }
        if (filter.to() != null) {
            where.add("n.created_at < :to");
            parameters.addValue("to", startOf(filter.to().plusDays(1), filter.zone()));
        }
        String sql = """
                select n.id, n.parent_id, n.created_at, n.author, a.external_id, a.name, i.number, n.body,
                       (select count(*) from note_attachment f where f.note_id = n.id) as attachments
                from note n join account a on a.id = n.account_id left join invoice i on i.id = n.invoice_id
                """ + "where " + String.join(" and ", where) + " order by n.created_at, n.id";
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            jdbc.sql(sql).paramSource(parameters).query(row -> {
                try {
                    csv.printRecord(row.getLong("id"), row.getObject("parent_id"),
                            TIMESTAMP.format(row.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(filter.zone())),
                            cell(row.getString("author")), cell(row.getString("external_id")), cell(row.getString("name")),
                            cell(row.getString("number")), cell(row.getString("body")), row.getInt("attachments"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String cell(String value) {
        return SpreadsheetCells.neutralised(value);
    }
}
