package io.dunwell.imports;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.stereotype.Service;

/**
 * The CSV import of the integration API. Each row is applied by the same service the JSON API
 * uses, all or nothing; a bad row is reported with its line and changes nothing.
 */
@Service
public class CsvImporter {

    private final AccountRows accounts;
    private final InvoiceRows invoices;
    private final PaymentRows payments;

    CsvImporter(AccountRows accounts, InvoiceRows invoices, PaymentRows payments) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.payments = payments;
    }

    /**
     * @param listEveryRow list every row in the report, not just the rejected ones
     * @throws io.dunwell.system.BadRequestException when the file is empty or its header is wrong; nothing was applied then
     */
    public ImportReport importAccounts(InputStream csv, boolean listEveryRow) throws IOException {
        return CsvImport.run(accounts, csv, listEveryRow);
    }

    public ImportReport importInvoices(InputStream csv, boolean listEveryRow) throws IOException {
        return CsvImport.run(invoices, csv, listEveryRow);
    }

    public ImportReport importPayments(InputStream csv, boolean listEveryRow) throws IOException {
        return CsvImport.run(payments, csv, listEveryRow);
    }
}
