package io.dunwell.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the running server, for what MockMvc cannot reach: the engine's REST API and the
 * Camunda webapps are Jersey servlets, not Spring MVC. Keeps cookies like a browser, never
 * follows redirects, so a test sees exactly what the server answered.
 */
final class LiveServer {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String authorization;

    private LiveServer(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static LiveServer anonymous(int port) {
        return new LiveServer(port);
    }

    static LiveServer basic(int port, String user, String password) {
        LiveServer server = new LiveServer(port);
        server.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return server;
    }

    /** Signs in through the console's login form, as a person does; the session cookie is kept. */
    static LiveServer signedIn(int port, String user, String password) {
        LiveServer server = new LiveServer(port);
        HttpResponse<String> login = server.postForm("/login", "username=" + encode(user) + "&password=" + encode(password)
                + "&_csrf=" + encode(server.loginCsrfToken()));
        assertThat(login.statusCode()).as("form login of %s", user).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        return server;
    }

    String loginCsrfToken() {
        Matcher field = CSRF_FIELD.matcher(get("/login").body());
        assertThat(field.find()).as("the login form carries a CSRF token").isTrue();
        return field.group(1);
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    HttpResponse<String> putJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    HttpResponse<String> postForm(String path, String form, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form)));
    }

    HttpResponse<String> postMultipart(String path, String boundary, String body, String... headers) {
        return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofString(body)));
    }

    /** The CSRF token Camunda's webapps hand out in a cookie and expect back in X-XSRF-TOKEN. */
    String camundaCsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from Camunda"));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
