package io.dunwell.imports;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import io.dunwell.payment.PaymentCommand;
import io.dunwell.payment.Payments;
import io.dunwell.system.BadRequestException;
import io.dunwell.system.BadRequestException.FieldError;
import io.dunwell.system.ConflictException;
import io.dunwell.system.RowResult;
import io.dunwell.system.RowResult.Outcome;

/**
 * Payment rows: {@link Payments#record} per row, each in its own transaction. A CSV row has
 * no allocations, so the payment goes to the oldest due invoices first; a replayed row is unchanged.
 */
@Component
class PaymentRows extends RowType<PaymentCommand> {

    private static final List<String> COLUMNS = List.of("externalId", "accountId", "amount", "currency", "receivedAt",
            "reference");
    private static final Set<String> REQUIRED = Set.of("externalId", "accountId", "amount", "currency", "receivedAt");

    private final Payments payments;

    PaymentRows(Payments payments) {
        // Only bounds how many rows wait in memory: payments are recorded one by one.
        super("payments", COLUMNS, REQUIRED, 100);
        this.payments = payments;
    }

    @Override
    PaymentCommand read(CsvRow row) {
        return new PaymentCommand(row.text("externalId"), row.text("accountId"), row.amount("amount"), row.text("currency"),
                row.instant("receivedAt"), row.text("reference"), List.of());
    }

    @Override
    List<? extends RowResult<?>> apply(List<PaymentCommand> commands) {
        return IntStream.range(0, commands.size())
                .mapToObj(i -> RowByRow.attempt(i, commands.get(i).externalId(), () -> record(i, commands.get(i)))).toList();
    }

    private RowResult<Void> record(int index, PaymentCommand command) {
        try {
            Outcome outcome = payments.record(command).replayed() ? Outcome.UNCHANGED : Outcome.CREATED;
            return new RowResult<>(index, command.externalId(), outcome, null, List.of());
        } catch (BadRequestException refused) {
            return RowResult.rejected(index, command.externalId(), refused.errors());
        } catch (ConflictException conflict) {
            return RowResult.rejected(index, command.externalId(), List.of(new FieldError("externalId", conflict.getMessage())));
        }
    }
}
