package io.dunwell.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.Money;
import io.dunwell.system.RowResult;
import io.dunwell.system.RowResult.Outcome;
import io.dunwell.timeline.Timeline;

/**
 * Creates and updates invoices by the billing system's id. One code path serves a single API
 * call, a CSV import and a bulk load: rows are applied a chunk per transaction, and a chunk the
 * database refuses is replayed row by row so that one bad row never takes good ones with it.
 */
@Service
public class Invoices {

    private final InvoiceRepository invoices;
    private final Accounts accounts;
    private final Receivables receivables;
    private final AllocationReversal reversal;
    private final Timeline timeline;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Invoices(InvoiceRepository invoices, Accounts accounts, Receivables receivables, AllocationReversal reversal,
                   Timeline timeline, PlatformTransactionManager transactionManager, Clock clock) {
        this.invoices = invoices;
        this.accounts = accounts;
        this.receivables = receivables;
        this.reversal = reversal;
        this.timeline = timeline;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Throws {@link BadRequestException} when the invoice is refused; nothing is written then. */
    public RowResult<Invoice> upsert(InvoiceCommand command) {
        RowResult<Invoice> result = upsertAll(List.of(command)).get(0);
        if (result.rejected()) {
            throw new BadRequestException(result.errors());
        }
        return result;
    }

    public List<RowResult<Invoice>> upsertAll(List<InvoiceCommand> commands) {
        try {
            return transaction.execute(status -> applyChunk(commands, 0));
        } catch (DataAccessException refused) {
            if (commands.size() == 1) {
                throw refused;
            }
            List<RowResult<Invoice>> results = new ArrayList<>();
            for (int i = 0; i < commands.size(); i++) {
                int index = i;
                try {
                    results.add(transaction.execute(status -> applyChunk(List.of(commands.get(index)), index)).get(0));
                } catch (DataIntegrityViolationException rowRefused) {
                    results.add(RowResult.refusedByDatabase(index, commands.get(index).externalId()));
                }
            }
            return results;
        }
    }

    public record InvoiceView(Invoice invoice, String accountExternalId) {
    }

    public Optional<InvoiceView> view(String externalId) {
        return invoices.findByExternalId(externalId)
                .map(invoice -> new InvoiceView(invoice, accounts.externalIdOf(invoice.getAccountId())));
    }

    private List<RowResult<Invoice>> applyChunk(List<InvoiceCommand> commands, int firstIndex) {
        Map<String, Account> accountsById = accounts.findAll(commands.stream()
                .map(InvoiceCommand::accountId).filter(id -> id != null).collect(Collectors.toSet()));
        Map<Long, ReceivablesSummary> locked = receivables.lockAll(accountsById.values().stream().map(Account::getId).toList());
        Map<String, Invoice> existing = new HashMap<>(invoices.findByExternalIdIn(commands.stream()
                .map(InvoiceCommand::externalId).filter(id -> id != null).toList())
                .stream().collect(Collectors.toMap(Invoice::getExternalId, Function.identity())));
        Set<Long> touched = new LinkedHashSet<>();
        List<RowResult<Invoice>> results = new ArrayList<>(commands.size());
        List<Invoice> created = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            InvoiceCommand command = normalize(commands.get(i));
            Account account = command.accountId() == null ? null : accountsById.get(command.accountId());
            RowResult<Invoice> result = applyRow(firstIndex + i, command, account, existing, locked);
            results.add(result);
            if (result.outcome() == Outcome.CREATED) {
                created.add(result.value());
            }
            if (result.outcome() == Outcome.CREATED || result.outcome() == Outcome.UPDATED) {
                touched.add(account.getId());
            }
        }
        invoices.saveAll(created);
        for (Invoice invoice : created) {
            timeline.append(invoice.getAccountId(), "INVOICE_ISSUED", "Invoice " + invoice.getNumber() + " for "
                    + invoice.getCurrency() + " " + invoice.getAmount().toPlainString() + " due " + invoice.getDueDate(),
                    invoice.getExternalId());
        }
        receivables.refresh(touched.stream().collect(Collectors.toMap(Function.identity(), locked::get)));
        return results;
    }

    private RowResult<Invoice> applyRow(int index, InvoiceCommand command, Account account, Map<String, Invoice> existing,
                                        Map<Long, ReceivablesSummary> locked) {
        List<FieldError> errors = InvoiceValidator.validate(command, account);
        if (!errors.isEmpty()) {
            return RowResult.rejected(index, command.externalId(), errors);
        }
        var currency = Money.currency(command.currency());
        BigDecimal amount = Money.scaled(command.amount(), currency);
        Invoice invoice = existing.get(command.externalId());
        Instant now = clock.instant();
        if (invoice == null) {
            BigDecimal balance = command.balance() == null ? amount : Money.scaled(command.balance(), currency);
            invoice = new Invoice(command.externalId(), account.getId(), now);
            invoice.apply(command, amount, balance, now);
            existing.put(command.externalId(), invoice);
            return new RowResult<>(index, command.externalId(), Outcome.CREATED, invoice, List.of());
        }
        if (!invoice.getAccountId().equals(account.getId())) {
            return RowResult.rejected(index, command.externalId(), List.of(new FieldError("accountId",
                    "invoice " + command.externalId() + " belongs to another account; an invoice cannot move")));
        }
        BigDecimal balance = command.balance() != null ? Money.scaled(command.balance(), currency)
                : invoice.getBalance().add(amount.subtract(invoice.getAmount()));
        if (balance.signum() < 0 && !invoice.staysVoid(command)) {
            return RowResult.rejected(index, command.externalId(), List.of(new FieldError("amount",
                    "is less than what was already paid on the invoice; send the balance too")));
        }
        if (invoice.sameAs(command, amount, balance)) {
            return new RowResult<>(index, command.externalId(), Outcome.UNCHANGED, invoice, List.of());
        }
        String before = invoice.getStatus() + " " + invoice.getBalance().toPlainString();
        invoice.apply(command, amount, balance, now);
        BigDecimal returned = Invoice.VOID.equals(invoice.getStatus())
                ? reversal.reverseAllOn(invoice, locked.get(account.getId())) : BigDecimal.ZERO;
        timeline.append(account.getId(), "INVOICE_UPDATED", "Invoice " + invoice.getNumber() + " updated: "
                + before + " → " + invoice.getStatus() + " " + invoice.getBalance().toPlainString()
                + (returned.signum() > 0 ? "; " + returned.toPlainString() + " paid on it is unapplied credit again" : ""),
                invoice.getExternalId());
        return new RowResult<>(index, command.externalId(), Outcome.UPDATED, invoice, List.of());
    }

    private static InvoiceCommand normalize(InvoiceCommand c) {
        return new InvoiceCommand(c.externalId(), c.accountId(), c.number() == null ? null : c.number().trim(),
                c.issueDate(), c.dueDate(), c.currency() == null ? null : c.currency().trim().toUpperCase(),
                c.amount(), c.balance(), c.status() == null || c.status().isBlank() ? null : c.status().trim().toUpperCase());
    }
}
