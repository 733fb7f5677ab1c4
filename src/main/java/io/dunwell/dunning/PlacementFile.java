package io.dunwell.dunning;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.dunwell.account.Account;
import io.dunwell.invoice.Invoice;
import io.dunwell.system.SpreadsheetCells;

/**
 * The CSV a collection agency receives: one row per open invoice. Agencies open it in a
 * spreadsheet, so a cell that a spreadsheet would run as a formula (customer names come from the
 * billing system) gets a leading apostrophe ({@link SpreadsheetCells}).
 */
final class PlacementFile {

    static final String[] HEADER = {"customer_number", "customer_name", "invoice_number", "issue_date", "due_date",
            "open_amount", "currency"};

    private PlacementFile() {
    }

    static String of(Account account, List<Invoice> openInvoices) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Invoice invoice : openInvoices) {
                csv.printRecord(SpreadsheetCells.neutralised(account.getExternalId()),
                        SpreadsheetCells.neutralised(account.getName()), SpreadsheetCells.neutralised(invoice.getNumber()),
                        invoice.getIssueDate(), invoice.getDueDate(), invoice.getBalance().toPlainString(), invoice.getCurrency());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
