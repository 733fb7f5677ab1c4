package io.dunwell.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import io.dunwell.account.Account;
import io.dunwell.invoice.BalancesAsOf;
import io.dunwell.invoice.BalancesAsOf.AsOf;
import io.dunwell.system.SpreadsheetCells;

/**
 * {@code export}: the report as a file, {@code format} {@code csv} or {@code xlsx}, one row per
 * account with its balance and days past due on the report's date. Text cells are neutralised
 * against formula injection in both formats; amounts are numbers in the workbook.
 */
@Component
class ExportAction implements BulkAction {

    static final List<String> FORMATS = List.of("csv", "xlsx");
    static final String[] HEADER = {"account_id", "name", "email", "phone", "collection_status", "collection_stage", "agent",
            "flags", "frozen", "currency", "balance", "oldest_due_date", "days_past_due", "as_of"};

    private final BalancesAsOf balances;

    ExportAction(BalancesAsOf balances) {
        this.balances = balances;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public boolean supervisorsOnly() {
        return false;
    }

    @Override
    public void check(Parameters parameters) {
        parameters.oneOf("format", FORMATS);
    }

    @Override
    public Outcome plan(Target target) {
        return Outcome.planned("in the export");
    }

    @Override
    public Outcome apply(Target target) {
        return Outcome.done("exported as " + target.parameters().oneOf("format", FORMATS).toUpperCase());
    }

    @Override
    public BulkFile file(List<Account> done, LocalDate asOf, Long runId, Parameters parameters) {
        String format = parameters.oneOf("format", FORMATS);
        List<List<Object>> rows = new ArrayList<>();
        for (Account account : done) {
            rows.add(row(account, balances.of(account, asOf)));
        }
        String name = "accounts-" + runId + "-" + asOf + "." + format;
        return format.equals("xlsx")
                ? new BulkFile(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx(rows))
                : new BulkFile(name, "text/csv; charset=UTF-8", csv(rows));
    }

    private static List<Object> row(Account account, AsOf then) {
        List<Object> row = new ArrayList<>();
        row.add(SpreadsheetCells.neutralised(account.getExternalId()));
        row.add(SpreadsheetCells.neutralised(account.getName()));
        row.add(SpreadsheetCells.neutralised(account.getEmail()));
        row.add(SpreadsheetCells.neutralised(account.getPhone()));
        row.add(account.getCollectionStatus());
        row.add(account.getCollectionStage());
        row.add(account.getAssignedAgent());
        row.add(SpreadsheetCells.neutralised(String.join(" ", account.getFlags().stream().sorted().toList())));
        row.add(account.isFrozen());
        row.add(account.getCurrency());
        row.add(then.balance());
        row.add(then.oldestUnpaidDueDate());
        row.add(then.daysPastDue());
        row.add(then.date());
        return row;
    }

    private static byte[] csv(List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (List<Object> row : rows) {
                csv.printRecord(row.stream().map(cell -> cell instanceof BigDecimal amount ? amount.toPlainString() : cell)
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Accounts");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value instanceof BigDecimal amount) {
                        // a workbook's numbers are binary floating point; amounts of 15 digits stay exact in it
                        row.createCell(c).setCellValue(amount.doubleValue());
                    } else if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.longValue());
                    } else if (value instanceof Boolean on) {
                        row.createCell(c).setCellValue(on);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
