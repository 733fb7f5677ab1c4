package io.dunwell.imports;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.dunwell.account.AccountCommand;
import io.dunwell.account.AccountDetails;
import io.dunwell.account.Accounts;
import io.dunwell.system.RowResult;

/** Account rows: a chunk per {@link Accounts#upsertAll} transaction, replayed row by row when the database refuses it. */
@Component
class AccountRows extends RowType<AccountCommand> {

    private static final List<String> COLUMNS = List.of("externalId", "name", "email", "phone", "locale", "timeZone",
            "currency", "segment");
    private static final Set<String> REQUIRED = Set.of("externalId", "name", "locale", "timeZone", "currency");

    private final Accounts accounts;

    AccountRows(Accounts accounts) {
        // As large as invoices: a chunk looks its accounts up with one query and batches the inserts.
        super("accounts", COLUMNS, REQUIRED, 1_000);
        this.accounts = accounts;
    }

    @Override
    AccountCommand read(CsvRow row) {
        return new AccountCommand(row.text("externalId"), new AccountDetails(row.text("name"), row.text("email"),
                row.text("phone"), row.text("locale"), row.text("timeZone"), row.text("currency"), row.text("segment")));
    }

    @Override
    List<? extends RowResult<?>> apply(List<AccountCommand> commands) {
        try {
            return accounts.upsertAll(commands);
        } catch (DataAccessException refused) {
            // the chunk was rolled back as a whole: replay it so that only the refused row is lost
            return IntStream.range(0, commands.size()).mapToObj(i -> RowByRow.attempt(i, commands.get(i).externalId(),
                    () -> accounts.upsertAll(List.of(commands.get(i))).get(0))).toList();
        }
    }
}
