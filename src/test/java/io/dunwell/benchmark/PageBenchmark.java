package io.dunwell.benchmark;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.dunwell.DunwellApplication;
import io.dunwell.EmbeddedPostgresInitializer;
import io.dunwell.system.security.Roles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Every console page over real HTTP, signed in, against {@code bench.accounts} accounts and
 * {@code bench.invoices} invoices on embedded PostgreSQL ({@link PageData}); prints n, p50, p95 and
 * max per page and PASS or FAIL against {@link #TARGET_P95_MS} ms at p95. Requests go one at a time,
 * round-robin over the pages after a warm-up, so each page is measured under the same conditions;
 * the time is until the whole body has arrived. Not a test: {@code mvn -Pbenchmark verify} runs it
 * (BENCHMARKS.md). Exits with 1 when a page answers other than 200 or misses the target.
 */
public final class PageBenchmark {

    static final long TARGET_P95_MS = 150;
    private static final String PASSWORD = "bench";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private record Page(String name, HttpClient as, String path) {
    }

    private final String base;
    private final int samples;
    private final int warmUp;

    private PageBenchmark(int port, int samples, int warmUp) {
        this.base = "http://localhost:" + port;
        this.samples = samples;
        this.warmUp = warmUp;
    }

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 100_000);
        int invoices = Integer.getInteger("bench.invoices", 1_000_000);
        if (invoices % accounts != 0) {
            throw new IllegalArgumentException("bench.invoices must be a multiple of bench.accounts");
        }
        boolean passed;
        String keptData = System.getProperty("bench.dataDirectory", "");
        try (EmbeddedPostgres postgres = keptData.isBlank() ? EmbeddedPostgresInitializer.start()
                : EmbeddedPostgresInitializer.startKeeping(Path.of(keptData), Integer.getInteger("bench.databasePort", 15432));
             ConfigurableApplicationContext context = application(postgres)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            LocalDate today = LocalDate.now(context.getBean(Clock.class));
            System.out.printf("%nPAGE BENCHMARK %d accounts, %d invoices, %d cores; database %s%n", accounts, invoices,
                    Runtime.getRuntime().availableProcessors(), postgres.getJdbcUrl("postgres", "postgres"));
            if (jdbc.queryForObject("select count(*) from account", Long.class) == 0) {
                new PageData(jdbc, today).seed(accounts, invoices / accounts);
                if (!new SummaryCheck(jdbc).run()) {
                    throw new IllegalStateException("the seeded receivables summaries disagree with the invoices");
                }
                createUsers(context.getBean(IdentityService.class));
            } else {
                // a kept data directory seeded by an earlier run (on an earlier day: due dates do not move with it)
                System.out.println("reusing the data in " + keptData);
            }
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            passed = new PageBenchmark(port, Integer.getInteger("bench.samples", 60), Integer.getInteger("bench.warmup", 10))
                    .run(accounts, invoices / accounts);
        }
        System.exit(passed ? 0 : 1);
    }

    /** The application as in production on a free port, without the job executor and the demo. */
    private static ConfigurableApplicationContext application(EmbeddedPostgres postgres) {
        return new SpringApplicationBuilder(DunwellApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("test")
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--dunwell.demo.enabled=false",
                        // the production default, which the test profile turns off
                        "--dunwell.console.figures.max-age=PT5M",
                        "--logging.level.root=WARN");
    }

    private static void createUsers(IdentityService identity) {
        createUser(identity, "sarah", Roles.SUPERVISORS_GROUP);
        PageData.AGENTS.forEach(agent -> createUser(identity, agent, Roles.AGENTS_GROUP));
    }

    private static void createUser(IdentityService identity, String id, String group) {
        User user = identity.newUser(id);
        user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
        user.setLastName("Bench");
        user.setEmail(id + "@dunwell.local");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    private boolean run(int accounts, int invoicesPerAccount) throws Exception {
        HttpClient supervisor = signIn("sarah");
        HttpClient agent = signIn("alice");
        String large = PageData.accountId(1);
        String typical = PageData.accountId(20);
        String invoice = PageData.invoiceId((long) 19 * invoicesPerAccount + 1);
        String exportFrom = LocalDate.now().minusDays(7).toString();
        List<Page> pages = new ArrayList<>(List.of(
                new Page("/ (dashboard)", supervisor, "/"),
                new Page("/accounts", supervisor, "/accounts"),
                new Page("/accounts mine (agent)", agent, "/accounts?assigned=mine"),
                new Page("/accounts unassigned", supervisor, "/accounts?assigned=unassigned"),
                new Page("/accounts by agent", supervisor, "/accounts?agent=bob"),
                new Page("/accounts by status", supervisor, "/accounts?status=PROMISE_TO_PAY"),
                new Page("/accounts bucket 31–60", supervisor, "/accounts?bucket=" + encoded("31–60")),
                new Page("/accounts bucket 90+ mine", agent, "/accounts?assigned=mine&bucket=" + encoded("90+")),
                new Page("/accounts all, no condition", supervisor, "/accounts?minDays=0&minBalance=0&status=GOOD_STANDING"),
                new Page("/accounts search", supervisor, "/accounts?q=" + encoded("customer 00123")),
                new Page("/accounts sort name", supervisor, "/accounts?sort=name&dir=asc"),
                new Page("/accounts sort name desc", supervisor, "/accounts?sort=name&dir=desc"),
                new Page("/accounts sort balance", supervisor, "/accounts?sort=balance&dir=desc"),
                new Page("/accounts sort balance asc", supervisor, "/accounts?sort=balance&dir=asc"),
                new Page("/accounts sort days asc", supervisor, "/accounts?sort=days&dir=asc"),
                new Page("/accounts deep page", supervisor, "/accounts?page=" + Math.max(1, accounts * 3 / 10 / 50 - 5)),
                new Page("/accounts/{id} large", supervisor, "/accounts/" + large),
                new Page("/accounts/{id}/notes large", supervisor, "/accounts/" + large + "/notes"),
                new Page("/accounts/{id} typical", agent, "/accounts/" + typical),
                new Page("/accounts/{id}/notes typical", agent, "/accounts/" + typical + "/notes"),
                new Page("/invoices", supervisor, "/invoices"),
                new Page("/invoices sort largest", supervisor, "/invoices?sort=LARGEST"),
                new Page("/invoices sort number", supervisor, "/invoices?sort=NUMBER"),
                new Page("/invoices sort newest", supervisor, "/invoices?sort=NEWEST"),
                new Page("/invoices page 1000 by Next", supervisor, byNext(supervisor, "/invoices", 999)),
                new Page("/invoices filtered", supervisor, "/invoices?currency=EUR&agent=bob&status=IN_COLLECTIONS"),
                new Page("/invoices search", supervisor, "/invoices?q=" + encoded("INV-190")),
                new Page("/invoices/{id}", supervisor, "/invoices/" + invoice),
                new Page("/invoices/{id}/notes", supervisor, "/invoices/" + invoice + "/notes"),
                new Page("/agents", supervisor, "/agents"),
                new Page("/agents/{id}", supervisor, "/agents/bob"),
                new Page("/settings", supervisor, "/settings"),
                new Page("/mail", supervisor, "/mail"),
                new Page("/notes/export last 7 days", supervisor, "/notes/export?from=" + exportFrom)));

        for (int round = 0; round < warmUp; round++) {
            for (Page page : pages) {
                time(page);
            }
        }
        Map<Page, long[]> micros = new LinkedHashMap<>();
        pages.forEach(page -> micros.put(page, new long[samples]));
        for (int round = 0; round < samples; round++) {
            for (Page page : pages) {
                micros.get(page)[round] = time(page);
            }
        }
        return report(micros);
    }

    private long time(Page page) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + page.path())).GET().build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = page.as().send(request, HttpResponse.BodyHandlers.ofByteArray());
        long micros = (System.nanoTime() - start) / 1_000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(page.path() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return micros;
    }

    private boolean report(Map<Page, long[]> micros) {
        System.out.printf("%n| page | request | n | p50 ms | p95 ms | max ms | p95 ≤ %d ms |%n|---|---|---|---|---|---|---|%n",
                TARGET_P95_MS);
        int failed = 0;
        long worst = 0;
        for (Map.Entry<Page, long[]> entry : micros.entrySet()) {
            long[] sorted = entry.getValue().clone();
            Arrays.sort(sorted);
            double p95 = percentile(sorted, 95);
            boolean pass = p95 <= TARGET_P95_MS * 1_000;
            failed += pass ? 0 : 1;
            worst = Math.max(worst, Math.round(p95));
            System.out.printf("| %s | `%s` | %d | %.1f | %.1f | %.1f | %s |%n", entry.getKey().name(), entry.getKey().path(),
                    sorted.length, percentile(sorted, 50) / 1e3, p95 / 1e3, sorted[sorted.length - 1] / 1e3, pass ? "PASS" : "FAIL");
        }
        System.out.printf("%nBENCHMARK pages=%d failed=%d worst_p95_ms=%.1f%n", micros.size(), failed, worst / 1e3);
        return failed == 0;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** The page a person reaches by clicking Next {@code clicks} times from {@code path}: its link, as the page wrote it. */
    private String byNext(HttpClient as, String path, int clicks) throws Exception {
        Pattern next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");
        String at = path;
        for (int click = 0; click < clicks; click++) {
            HttpResponse<String> page = as.send(HttpRequest.newBuilder(URI.create(base + at)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher link = next.matcher(page.body());
            if (!link.find()) {
                throw new IllegalStateException(at + " has no Next link after " + click + " clicks");
            }
            at = link.group(1).replace("&amp;", "&");
        }
        return at;
    }

    private HttpClient signIn(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String body = "username=" + user + "&password=" + PASSWORD + "&_csrf=" + encoded(token.group(1));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(user + " could not sign in: " + response.statusCode() + " " + location);
        }
        return client;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
