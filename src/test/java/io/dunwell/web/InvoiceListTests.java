package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.account.Account;
import io.dunwell.account.Accounts;
import io.dunwell.invoice.Invoices;

/** The critical invoices list on the real database: Next and Previous follow cursors, in every order. */
@DunwellIntegrationTest
class InvoiceListTests {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Invoices invoices;
    @Autowired Clock clock;

    String token;

    /** 53 critical invoices: number 001 is the least overdue and the smallest, 053 the most overdue and the largest. */
    @BeforeEach
    void fiftyThreeCriticalInvoices() {
        ConsoleAccounts given = new ConsoleAccounts(accounts, invoices, clock);
        token = ConsoleAccounts.token();
        Account account = given.account(token + " Many Invoices");
        IntStream.rangeClosed(1, 53).forEach(i -> given.invoice(account, token.toUpperCase() + "-" + String.format("%03d", i),
                100 + i, (5000 + i) + ".00"));
    }

    @Test
    void nextAndPreviousWalkTheListInEveryOrder() throws Exception {
        assertWalk("OLDEST", "053", "004", List.of("003", "002", "001"));
        assertWalk("NEWEST", "001", "050", List.of("051", "052", "053"));
        assertWalk("LARGEST", "053", "004", List.of("003", "002", "001"));
        assertWalk("NUMBER", "001", "050", List.of("051", "052", "053"));
    }

    @Test
    void pagesAreNumberedFromOneAsOnTheAccountsList() throws Exception {
        String first = page("/invoices?q=" + token + "&sort=OLDEST");
        assertThat(first).contains("Page 1 ·");
        assertThat(HtmlUtils.htmlUnescape(link(first, "next"))).contains("&page=2&at=after%3A");
        assertThat(numbers(page("/invoices?q=" + token + "&sort=OLDEST&page=1"))).isEqualTo(numbers(first));
        assertThat(numbers(page("/invoices?q=" + token + "&sort=OLDEST&page=2"))).isEqualTo(List.of("003", "002", "001"));
    }

    @Test
    void aPageLinkWhoseKeyDoesNotFitTheOrderIsABadRequest() throws Exception {
        mvc.perform(get("/invoices?q=" + token + "&sort=OLDEST&at=after:1:not-a-date").with(user("sarah").roles("SUPERVISOR")))
                .andExpect(status().isBadRequest());
    }

    private void assertWalk(String sort, String firstOnPage1, String lastOnPage1, List<String> page2) throws Exception {
        String first = page("/invoices?q=" + token + "&sort=" + sort);
        List<String> firstNumbers = numbers(first);
        assertThat(firstNumbers).as(sort).hasSize(50).startsWith(firstOnPage1).endsWith(lastOnPage1);
        assertThat(link(first, "prev")).as(sort).isNull();

        String second = page(link(first, "next"));
        assertThat(numbers(second)).as(sort).isEqualTo(page2);
        assertThat(second).contains("Page 2");
        assertThat(link(second, "next")).as(sort).isNull();

        String back = page(link(second, "prev"));
        assertThat(numbers(back)).as(sort).isEqualTo(firstNumbers);
        assertThat(link(back, "prev")).as(sort).isNull();
    }

    private String page(String url) throws Exception {
        assertThat(url).isNotNull();
        // as a URI: a string would be taken for a template and its %-escapes escaped again
        return mvc.perform(get(URI.create(HtmlUtils.htmlUnescape(url))).with(user("sarah").roles("SUPERVISOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private List<String> numbers(String html) {
        List<String> numbers = new ArrayList<>();
        Matcher match = Pattern.compile(">" + token.toUpperCase() + "-(\\d{3})</a>").matcher(html);
        while (match.find()) {
            numbers.add(match.group(1));
        }
        return numbers;
    }

    private static String link(String html, String rel) {
        Matcher match = Pattern.compile("href=\"([^\"]+)\" rel=\"" + rel + "\"").matcher(html);
        return match.find() ? match.group(1) : null;
    }
}
