package io.dunwell.imports;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.dunwell.invoice.Invoice;
import io.dunwell.invoice.InvoiceCommand;
import io.dunwell.invoice.Invoices;
import io.dunwell.system.RowResult;

/** Invoice rows: a chunk per {@link Invoices#upsertAll} call, which reports each row itself. */
@Component
class InvoiceRows extends RowType<InvoiceCommand> {

    private static final List<String> COLUMNS = List.of("externalId", "accountId", "number", "issueDate", "dueDate",
            "currency", "amount", "balance", "status");
    private static final Set<String> REQUIRED = Set.of("externalId", "accountId", "number", "issueDate", "dueDate",
            "currency", "amount");

    private final Invoices invoices;

    InvoiceRows(Invoices invoices) {
        // Large: Invoices.upsertAll reads and locks a chunk's accounts and invoices in a few queries.
        super("invoices", COLUMNS, REQUIRED, 1_000);
        this.invoices = invoices;
    }

    @Override
    InvoiceCommand read(CsvRow row) {
        return new InvoiceCommand(row.text("externalId"), row.text("accountId"), row.text("number"), row.date("issueDate"),
                row.date("dueDate"), row.text("currency"), row.amount("amount"), row.amount("balance"), row.text("status"));
    }

    @Override
    public List<RowResult<Invoice>> apply(List<InvoiceCommand> commands) {
        return invoices.upsertAll(commands);
    }
}
