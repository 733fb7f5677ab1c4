package io.dunwell.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.beans.BeanUtils;
import org.springframework.test.util.ReflectionTestUtils;

import io.dunwell.account.Account;
import io.dunwell.account.CollectionStatus;
import io.dunwell.invoice.Invoice;

/** Entities as the mocked services of the web slice hand them out; only the persistence layer builds them otherwise. */
final class SliceFixtures {

    private SliceFixtures() {
    }

    static Account account(String externalId, String name, String timeZone, String currency) {
        Account account = BeanUtils.instantiateClass(Account.class);
        ReflectionTestUtils.setField(account, "id", 7L);
        ReflectionTestUtils.setField(account, "externalId", externalId);
        ReflectionTestUtils.setField(account, "name", name);
        ReflectionTestUtils.setField(account, "email", "ap@customer.example");
        ReflectionTestUtils.setField(account, "locale", "en-US");
        ReflectionTestUtils.setField(account, "timeZone", timeZone);
        ReflectionTestUtils.setField(account, "currency", currency);
        ReflectionTestUtils.setField(account, "collectionStatus", CollectionStatus.IN_COLLECTIONS);
        ReflectionTestUtils.setField(account, "createdAt", Instant.parse("2025-01-15T09:00:00Z"));
        return account;
    }

    static Invoice openInvoice(String externalId, String number, LocalDate due, String currency, String amount) {
        Invoice invoice = BeanUtils.instantiateClass(Invoice.class);
        ReflectionTestUtils.setField(invoice, "id", 11L);
        ReflectionTestUtils.setField(invoice, "externalId", externalId);
        ReflectionTestUtils.setField(invoice, "accountId", 7L);
        ReflectionTestUtils.setField(invoice, "number", number);
        ReflectionTestUtils.setField(invoice, "issueDate", due.minusDays(30));
        ReflectionTestUtils.setField(invoice, "dueDate", due);
        ReflectionTestUtils.setField(invoice, "currency", currency);
        ReflectionTestUtils.setField(invoice, "amount", new BigDecimal(amount));
        ReflectionTestUtils.setField(invoice, "balance", new BigDecimal(amount));
        ReflectionTestUtils.setField(invoice, "status", "OPEN");
        return invoice;
    }
}
