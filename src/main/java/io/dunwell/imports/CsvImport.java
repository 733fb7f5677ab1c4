package io.dunwell.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.RowResult;
import io.dunwell.system.RowResult.Outcome;

/**
 * Streams one CSV file through a {@link RowType}: the header is checked before any row is
 * applied, then rows are read and applied a chunk at a time, so memory stays flat however big
 * the file is.
 */
final class CsvImport<C> {

    // RFC 4180 keeps empty lines as records: skipping them ourselves keeps line numbers exact
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private record Pending<C>(long line, String externalId, C command, List<FieldError> errors) {
    }

    private final RowType<C> type;
    private final Map<String, Integer> columns;
    private final int headerSize;
    private final ImportTally tally;
    private final List<Pending<C>> chunk = new ArrayList<>();

    private CsvImport(RowType<C> type, Map<String, Integer> columns, int headerSize, ImportTally tally) {
        this.type = type;
        this.columns = columns;
        this.headerSize = headerSize;
        this.tally = tally;
    }

    static <C> ImportReport run(RowType<C> type, InputStream csv, boolean listEveryRow) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(utf8WithoutBom(csv)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = readHeader(type, records);
            ImportTally tally = new ImportTally(type.name(), listEveryRow);
            CsvImport<C> run = new CsvImport<>(type, columns(type, header), header.size(), tally);
            run.readRows(parser, records);
            return run.tally.report();
        }
    }

    private void readRows(CSVParser parser, Iterator<CSVRecord> records) throws IOException {
        long line = parser.getCurrentLineNumber() + 1;
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                // a record ends where the parser stands now: the next one starts on the following line
                long nextLine = parser.getCurrentLineNumber() + 1;
                if (!isEmptyLine(record)) {
                    add(record, line);
                }
                line = nextLine;
            }
            flush();
        } catch (UncheckedIOException unreadable) {
            CSVException malformed = malformedOrRethrow(unreadable);
            flush();
            tally.add(new ImportReport.Row(line, null, Outcome.REJECTED, List.of(new FieldError("row",
                    "is not valid CSV (" + malformed.getMessage() + "); the rest of the file was not read"))));
        }
    }

    private void add(CSVRecord record, long line) {
        CsvRow row = new CsvRow(record, columns);
        row.checkShape(headerSize);
        C command = type.read(row);
        chunk.add(new Pending<>(line, row.text("externalId"), command, List.copyOf(row.errors())));
        if (chunk.size() == type.chunkSize()) {
            flush();
        }
    }

    private void flush() {
        List<C> readable = chunk.stream().filter(p -> p.errors().isEmpty()).map(Pending::command).toList();
        Iterator<? extends RowResult<?>> results = readable.isEmpty()
                ? Collections.emptyIterator() : type.apply(readable).iterator();
        for (Pending<C> pending : chunk) {
            if (pending.errors().isEmpty()) {
                RowResult<?> result = results.next();
                tally.add(new ImportReport.Row(pending.line(), pending.externalId(), result.outcome(), result.errors()));
            } else {
                tally.add(new ImportReport.Row(pending.line(), pending.externalId(), Outcome.REJECTED, pending.errors()));
            }
        }
        chunk.clear();
    }

    private static CSVRecord readHeader(RowType<?> type, Iterator<CSVRecord> records) throws IOException {
        try {
            if (!records.hasNext()) {
                throw new BadRequestException("file", "is empty; its first line must be the header, e.g. "
                        + String.join(",", type.columns()));
            }
            return records.next();
        } catch (UncheckedIOException unreadable) {
            throw new BadRequestException("file",
                    "has a header that is not valid CSV (" + malformedOrRethrow(unreadable).getMessage() + ")");
        }
    }

    /** A syntax error is the file's fault and is reported; any other I/O failure (the client went away) is thrown. */
    private static CSVException malformedOrRethrow(UncheckedIOException unreadable) throws IOException {
        if (unreadable.getCause() instanceof CSVException malformed) {
            return malformed;
        }
        throw unreadable.getCause();
    }

    /** Maps each known column to its position; refuses the file when a column is unknown, repeated or missing. */
    private static Map<String, Integer> columns(RowType<?> type, CSVRecord header) {
        Map<String, String> known = type.columns().stream()
                .collect(Collectors.toMap(c -> c.toLowerCase(Locale.ROOT), Function.identity()));
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            String column = known.get(name.toLowerCase(Locale.ROOT));
            if (column == null) {
                errors.add(new FieldError(name.isEmpty() ? "column " + (i + 1) : name, "is not a column of " + type.name()
                        + "; the columns are " + String.join(",", type.columns())));
            } else if (columns.putIfAbsent(column, i) != null) {
                errors.add(new FieldError(column, "appears more than once in the header"));
            }
        }
        type.requiredColumns().stream().filter(required -> !columns.containsKey(required))
                .forEach(missing -> errors.add(new FieldError(missing, "is a required column")));
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return columns;
    }

    private static boolean isEmptyLine(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static Reader utf8WithoutBom(InputStream csv) throws IOException {
        // malformed bytes become U+FFFD, which CsvRow reports as a field error of the row they are in
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
