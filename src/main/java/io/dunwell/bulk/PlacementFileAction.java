package io.dunwell.bulk;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import io.dunwell.account.Account;
import io.dunwell.invoice.BalancesAsOf;
import io.dunwell.invoice.BalancesAsOf.AsOf;
import io.dunwell.system.SpreadsheetCells;

/**
 * {@code placementFile}: the file for a collection agency without placing anything — CSV, one row
 * per account with its open items on the report's date in one cell ({@code number due-date
 * open-amount}, separated by {@code ;}). Cells a spreadsheet would run as formulas are neutralised.
 */
@Component
class PlacementFileAction implements BulkAction {

    static final String[] HEADER = {"customer_number", "customer_name", "email", "phone", "currency", "open_balance",
            "oldest_due_date", "days_past_due", "open_item_count", "open_items"};

    private final BalancesAsOf balances;

    PlacementFileAction(BalancesAsOf balances) {
        this.balances = balances;
    }

    @Override
    public String name() {
        return "placementFile";
    }

    @Override
    public boolean supervisorsOnly() {
        return true;
    }

    /** It only writes a file: placing is placeWithAgency. */
    @Override
    public boolean destructive() {
        return false;
    }

    @Override
    public void check(Parameters parameters) {
        // nothing to choose: the file has one layout
    }

    @Override
    public Outcome plan(Target target) {
        return Outcome.planned("in the placement file");
    }

    @Override
    public Outcome apply(Target target) {
        return Outcome.done("in the placement file");
    }

    @Override
    public BulkFile file(List<Account> done, LocalDate asOf, Long runId, Parameters parameters) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Account account : done) {
                AsOf then = balances.of(account, asOf);
                csv.printRecord(SpreadsheetCells.neutralised(account.getExternalId()),
                        SpreadsheetCells.neutralised(account.getName()), SpreadsheetCells.neutralised(account.getEmail()),
                        SpreadsheetCells.neutralised(account.getPhone()), account.getCurrency(), then.balance().toPlainString(),
                        then.oldestUnpaidDueDate(), then.daysPastDue(), then.openItems().size(),
                        SpreadsheetCells.neutralised(then.openItems().stream().map(item -> item.number() + " " + item.dueDate()
                                + " " + item.balance().toPlainString()).collect(Collectors.joining("; "))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BulkFile("placement-" + runId + "-" + asOf + ".csv", "text/csv; charset=UTF-8",
                out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
