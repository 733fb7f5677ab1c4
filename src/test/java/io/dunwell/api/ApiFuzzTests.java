package io.dunwell.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.dunwell.DunwellIntegrationTest;
import io.dunwell.benchmark.SummaryCheck;
import io.dunwell.system.security.Roles;
import io.dunwell.system.security.TestUsers;

/**
 * Every JSON call of {@code /api/v1} gets a few hundred hostile bodies from a seeded generator:
 * valid bodies with fields replaced by wrong types, extreme numbers and dates, control characters,
 * long and odd text; fields dropped and added; arrays and deep nesting; empty and broken bodies and
 * wrong content types. No answer may be a 5xx, and every account the bodies named must still have a
 * receivables summary that its invoices, payments and credit notes add up to.
 */
@DunwellIntegrationTest
class ApiFuzzTests {

    private static final String AGENT = "fuzzagent";
    private static final long SEED = 20_261_207L;
    private static final int BODIES_PER_CALL = 200;
    /** Calls that start a run or send mail get only a few, each a wrong content type or a junk body. */
    private static final int BODIES_PER_SIDE_EFFECT_CALL = 4;
    private static final Duration TIME_PER_CALL = Duration.ofMillis(2_500);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identity;

    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(SEED);
    private final List<String> serverErrors = new ArrayList<>();
    private int sequence;

    private record Call(HttpMethod method, Supplier<String> path, Supplier<String> validBody, int bodies, boolean movesTheClock,
                        boolean idempotencyKey) {

        Call(HttpMethod method, Supplier<String> path, Supplier<String> validBody, int bodies, boolean movesTheClock) {
            this(method, path, validBody, bodies, movesTheClock, false);
        }
    }

    @Test
    void hostileBodiesNeverGetAServerErrorAndLeaveTheTouchedAccountsConsistent() throws Exception {
        DunwellApi api = new DunwellApi(mvc);
        LocalDate today = api.today();
        String eur = api.newAccount("EUR");
        String jpy = api.newAccount("JPY");
        String eurInvoice = api.newInvoice(eur, "EUR", "500.00", today.minusDays(40));
        String jpyInvoice = api.newInvoice(jpy, "JPY", "50000", today.minusDays(10));
        List<String> accounts = List.of(eur, jpy);
        TestUsers.ensure(identity, AGENT, Roles.AGENTS_GROUP);
        String task = api.read(api.post("/api/v1/follow-up-tasks", followUpJson(eur, eurInvoice, today))
                .andExpect(status().isCreated())).get("id").asText();
        Instant clockBefore = api.clock();

        for (Call call : calls(accounts, List.of(eurInvoice, jpyInvoice), task, today)) {
            fuzz(call);
        }

        assertThat(serverErrors).as("requests answered with a 5xx").isEmpty();
        assertThat(api.clock()).as("no hostile body moved the simulation clock far").isBefore(clockBefore.plus(Duration.ofDays(1)));
        List<Long> ids = accounts.stream().map(id -> jdbc.queryForObject("select id from account where external_id = ?", Long.class, id))
                .toList();
        assertThat(new SummaryCheck(jdbc).mismatchesOf(ids)).as("accounts whose summary disagrees with their ledger").isEmpty();
    }

    private static String followUpJson(String account, String invoice, LocalDate today) {
        return """
                {"accountId": "%s", "invoiceId": "%s", "name": "Call back", "description": "about the invoice",
                 "assignee": "%s", "dueDate": "%s", "reminderDate": "%s", "autoEscalate": true}"""
                .formatted(account, invoice, AGENT, today.plusDays(7), today.plusDays(3));
    }

    private List<Call> calls(List<String> accounts, List<String> invoices, String task, LocalDate today) {
        Supplier<String> account = () -> pick(accounts);
        return List.of(
                new Call(HttpMethod.PUT, () -> "/api/v1/accounts/" + pathId(accounts), () -> """
                        {"name": "Fuzz Customer", "email": "ap@fuzz.example", "phone": "+49 30 1", "locale": "de-DE",
                         "timeZone": "Europe/Berlin", "currency": "EUR", "segment": "smb",
                         "contactPreferences": {"doNotEmail": false, "doNotSms": true, "doNotCall": false}}""",
                        BODIES_PER_CALL, false),
                new Call(HttpMethod.PUT, () -> "/api/v1/invoices/" + pathId(List.of("FUZZ-INV-1", "FUZZ-INV-2", invoices.get(0))),
                        () -> """
                                {"accountId": "%s", "number": "F-1", "issueDate": "%s", "dueDate": "%s", "currency": "EUR",
                                 "amount": "120.50", "balance": "100.00", "status": "OPEN"}"""
                                .formatted(accounts.get(0), today.minusDays(30), today.minusDays(5)), BODIES_PER_CALL, false),
                new Call(HttpMethod.POST, () -> "/api/v1/payments", () -> """
                        {"externalId": "FUZZ-PAY-%d", "accountId": "%s", "amount": "10.00", "currency": "EUR",
                         "receivedAt": "2027-01-10T08:00:00Z", "reference": "fuzz",
                         "allocations": [{"invoiceId": "%s", "amount": "5.00"}]}"""
                        .formatted(++sequence, accounts.get(0), invoices.get(0)), BODIES_PER_CALL, false),
                new Call(HttpMethod.POST, () -> "/api/v1/credit-notes", () -> """
                        {"externalId": "FUZZ-CN-%d", "accountId": "%s", "amount": "700", "currency": "JPY",
                         "issuedAt": "2027-01-10T08:00:00Z", "reason": "fuzz", "allocations": [{"invoiceId": "%s", "amount": "300"}]}"""
                        .formatted(++sequence, accounts.get(1), invoices.get(1)), BODIES_PER_CALL, false),
                new Call(HttpMethod.POST, () -> "/api/v1/follow-up-tasks",
                        () -> followUpJson(accounts.get(0), invoices.get(0), today), BODIES_PER_CALL, false),
                new Call(HttpMethod.POST, () -> "/api/v1/follow-up-tasks/" + pick(List.of(task, task, task, "999999999", "-1", "x")) + "/completion",
                        () -> """
                                {"outcome": "%s", "note": "done"}""".formatted(pick(List.of("completed", "closed", "pending"))),
                        BODIES_PER_CALL, false),
                new Call(HttpMethod.POST, () -> "/api/v1/baskets", () -> """
                        {"name": "Fuzz basket %d", "accountIds": ["%s", "%s"]}""".formatted(++sequence, accounts.get(0), accounts.get(1)),
                        BODIES_PER_CALL, false),
                // no Idempotency-Key header: anything but a preview is refused, so the fuzz changes nothing through it
                new Call(HttpMethod.POST, () -> "/api/v1/bulk-actions", () -> """
                        {"action": "%s", "accountIds": ["%s"], "asOf": "%s", "preview": true,
                         "parameters": {"basis": "percentOfBalance", "percent": "2.5", "add": ["VIP"], "stage": "LEGAL"}}"""
                        .formatted(pick(List.of("flags", "fees", "stage", "export", "message", "freeze")), account.get(), today),
                        BODIES_PER_CALL, false),
                // with an Idempotency-Key: flags on the fuzz's own accounts only, so what it changes is its own
                new Call(HttpMethod.POST, () -> "/api/v1/bulk-actions", () -> """
                        {"action": "flags", "accountIds": ["%s"], "parameters": {"add": ["FUZZ"], "remove": ["VIP"]}}"""
                        .formatted(account.get()), BODIES_PER_CALL, false, true),
                new Call(HttpMethod.POST, () -> "/api/v1/bulk-actions", () -> """
                        {"action": "export", "filter": {"minDays": 1, "minBalance": "1.00", "assigned": "all", "status": "NEW",
                         "bucket": "31–60", "q": "Fuzz", "sort": "balance", "dir": "desc"}, "preview": true}""",
                        BODIES_PER_CALL, false),
                new Call(HttpMethod.PUT, () -> "/api/v1/simulation/clock", () -> """
                        {"advance": "PT0S"}""", BODIES_PER_CALL, true),
                new Call(HttpMethod.POST, () -> "/api/v1/dunning-runs", () -> "{}", BODIES_PER_SIDE_EFFECT_CALL, false),
                new Call(HttpMethod.POST, () -> "/api/v1/late-charges/runs", () -> "{}", BODIES_PER_SIDE_EFFECT_CALL, false));
    }

    private void fuzz(Call call) throws Exception {
        Instant start = Instant.now();
        Instant deadline = start.plus(TIME_PER_CALL);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < call.bodies() && Instant.now().isBefore(deadline); i++) {
            String path = call.path().get();
            boolean sideEffects = call.bodies() == BODIES_PER_SIDE_EFFECT_CALL;
            String body = sideEffects ? junkBody() : hostileBody(call.validBody().get(), call.movesTheClock());
            MediaType type = sideEffects || random.nextInt(10) > 0 ? MediaType.APPLICATION_JSON : pick(List.of(
                    MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_OCTET_STREAM));
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(call.method(), URI.create(path))
                    .with(httpBasic("admin", "admin-secret")).contentType(type).content(body);
            if (call.idempotencyKey()) {
                request.header("Idempotency-Key", "FUZZ-KEY-" + SEED + "-" + ++sequence);
            }
            MvcResult result = mvc.perform(request).andReturn();
            statuses.merge(result.getResponse().getStatus(), 1, Integer::sum);
            if (result.getResponse().getStatus() >= 500) {
                serverErrors.add(result.getResponse().getStatus() + " " + call.method() + " " + path + " " + type + " "
                        + abbreviated(body) + " -> " + abbreviated(result.getResponse().getContentAsString()));
            }
        }
        System.out.printf("fuzz %s %s: %s in %d ms%n", call.method(), call.path().get(), statuses,
                Duration.between(start, Instant.now()).toMillis());
    }

    /** The valid body with one to three mutations, or now and then no JSON object at all. */
    private String hostileBody(String validBody, boolean movesTheClock) throws Exception {
        if (random.nextInt(12) == 0) {
            return junkBody();
        }
        ObjectNode body = (ObjectNode) json.readTree(validBody);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            mutate(body, movesTheClock);
        }
        return json.writeValueAsString(body);
    }

    private void mutate(ObjectNode body, boolean movesTheClock) {
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        ObjectNode target = body;
        String field = fields.isEmpty() ? "extra" : pick(fields);
        // one level down too: allocations, contact preferences, the filter and the parameters
        if (target.get(field) instanceof ObjectNode inner && inner.size() > 0 && random.nextBoolean()) {
            target = inner;
            field = pick(iterate(inner.fieldNames()));
        } else if (target.get(field) instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode first
                && random.nextBoolean()) {
            target = first;
            field = pick(iterate(first.fieldNames()));
        }
        switch (random.nextInt(6)) {
            case 0 -> target.remove(field);
            case 1 -> target.set("extra" + random.nextInt(3), hostileValue(movesTheClock));
            case 2 -> target.set(field, NODES.arrayNode().add(target.get(field) == null ? NODES.nullNode() : target.get(field)));
            case 3 -> target.set(field, hostileValue(movesTheClock));
            default -> target.set(field, hostileValueLike(target.get(field), movesTheClock));
        }
    }

    /** A hostile value of the kind the field holds: a bad date for a date, a bad number for an amount, bad text for text. */
    private JsonNode hostileValueLike(JsonNode current, boolean movesTheClock) {
        String text = current == null ? "" : current.asText();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            return NODES.textNode(pick(movesTheClock ? FAR_OFF_DATES : DATES));
        }
        if (current != null && (current.isNumber() || text.matches("-?\\d+(\\.\\d+)?"))) {
            String number = pick(NUMBERS);
            return random.nextBoolean() ? NODES.textNode(number) : NODES.numberNode(new BigDecimal(number));
        }
        return current != null && current.isTextual() ? NODES.textNode(hostileText()) : hostileValue(movesTheClock);
    }

    private JsonNode hostileValue(boolean movesTheClock) {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.textNode(hostileText());
            case 1 -> NODES.textNode(pick(movesTheClock ? FAR_OFF_DATES : DATES));
            case 2 -> NODES.textNode(pick(NUMBERS));
            case 3 -> NODES.numberNode(new BigDecimal(pick(NUMBERS)));
            case 4 -> NODES.textNode(randomText(random.nextInt(60)));
            case 5 -> nested(1 + random.nextInt(60));
            case 6 -> pick(List.<JsonNode>of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(-1), NODES.numberNode(0),
                    NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Double.MAX_VALUE), NODES.objectNode(), NODES.arrayNode()));
            default -> NODES.textNode(pick(List.of("OPEN", "PAID", "VOID", "EUR", "JPY", "XXX", "XAU", "completed", "closed",
                    "de-DE", "true", "Europe/Berlin", "Mars/Olympus", "admin", "nobody", "percentOfInvoiceTotal", "-P1D",
                    "P99999999Y", "PT-1S", "writeOff", "placeWithAgency")));
        };
    }

    private static final List<String> DATES = List.of("-999999999-01-01", "+999999999-12-31", "1899-12-31", "1900-01-01",
            "2199-12-31", "2200-01-01", "0000-00-00", "2027-02-30", "2027-13-01", "+1000000000-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2199-12-31T23:59:59Z", "2027-01-10T08:00:00+25:00",
            "2027-01-10", "2027-01-10T08:00:00", "2027-01-10T08:00:00.123456789123Z", "yesterday", "");

    /** Dates for the clock: none of them a valid instant later than now, which would move the clock every test shares. */
    private static final List<String> FAR_OFF_DATES = List.of("-999999999-01-01", "1899-12-31T00:00:00Z", "+1000000000-01-01T00:00:00Z",
            "2200-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2027-02-30T00:00:00Z", "1970-01-01T00:00:00Z", "now", "");

    private static final List<String> NUMBERS = List.of("0", "-0", "-1", "-100.00", "0.001", "1e400", "-1e400", "1e-400",
            "1E+999999", "1e-999999", "0E-999999", "0E+999999", "999999999999.99", "1000000000000", "99999999999999999999999",
            "12345678901234567890123456789012345678901234567890", "0.1234567890123456789012345678901234567890",
            "1234567890123456789012.345678901234567890123456789", "9223372036854775808", "-9223372036854775809", "1.5", "2.555",
            "100.000000000000000000000000000000");

    private String hostileText() {
        return switch (random.nextInt(12)) {
            case 0 -> "\u0000";
            case 1 -> "a\u0001b\u001Fc";
            case 2 -> "x".repeat(201);
            case 3 -> "x".repeat(5_001);
            case 4 -> "y".repeat(100_000);
            case 5 -> "\uD83D\uDCB8".repeat(300);
            case 6 -> "\uD800";
            case 7 -> "e\u0301\u202E\uFEFF\u200B";
            case 8 -> "=1+1;x;=2";
            case 9 -> "<script>alert(1)</script>${7*7}<#assign x=1>";
            case 10 -> "   ";
            default -> "tab\tline\nreturn\r";
        };
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) (0x20 + random.nextInt(0x5F));
                case 2 -> (char) random.nextInt(0x10000);
                default -> Character.toString(0x10000 + random.nextInt(0xFFFFF));
            });
        }
        return text.toString();
    }

    private JsonNode nested(int depth) {
        JsonNode node = NODES.textNode("deep");
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    private String junkBody() {
        return pick(List.of("", " ", "null", "[]", "{", "}", "\"text\"", "1e400", "[".repeat(5_000), "{\"a\":".repeat(2_000),
                "{\"amount\": NaN}", "{\"amount\": 01}", "{'single': 'quotes'}", "{\"a\": \"\\u0000\"}", "\u0000\u0001\u00FF",
                "<xml/>", "{\"a\":1,,}", "{\"a\": \"\uD800\"}", "externalId,accountId\nA,B"));
    }

    /** A path id: mostly a good one, sometimes one no billing system has or that the rules refuse. */
    private String pathId(List<String> good) {
        return random.nextInt(8) > 0 ? pick(good)
                : pick(List.of("%00", "a%01b", "x".repeat(300), "%F0%9F%92%B8", "%20", "..%2F..", "a;b=c", "-"));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> iterate(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
