package io.dunwell.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda Forms in {@code forms/} are hand-edited JSON that nothing else checks before Tasklist
 * renders them: a wrong id leaves a user task without its form, a wrong key writes the wrong
 * process variable.
 */
class FormFilesTests {

    private static final Path FORMS = Path.of("forms");
    /** form-js in the Tasklist of Camunda 7.24 (1.8.x) reads schemas up to this version. */
    private static final int TASKLIST_SCHEMA_VERSION = 16;
    private static final Set<String> INPUT_TYPES = Set.of(
            "textfield", "textarea", "number", "select", "datetime", "checkbox", "checklist", "radio", "taglist");
    private static final Pattern LOWER_CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> formFiles() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            return files.filter(file -> file.toString().endsWith(".form")).sorted().toList().stream();
        }
    }

    @Test
    void theFourTaskFormsAreThere() throws IOException {
        assertThat(formFiles().map(file -> file.getFileName().toString()))
                .contains("call-customer.form", "review-escalation.form", "approve-write-off.form", "resolve-dispute.form");
    }

    @ParameterizedTest
    @MethodSource("formFiles")
    void idFollowsTheFileName(Path file) throws IOException {
        assertThat(read(file).path("id").asText()).isEqualTo(idFor(file.getFileName().toString()));
    }

    @ParameterizedTest
    @MethodSource("formFiles")
    void targetsTheTasklistOfCamunda724(Path file) throws IOException {
        JsonNode form = read(file);

        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(TASKLIST_SCHEMA_VERSION);
    }

    @ParameterizedTest
    @MethodSource("formFiles")
    void everyInputHasAUniqueLowerCamelKey(Path file) throws IOException {
        List<JsonNode> inputs = inputs(read(file));

        assertThat(inputs).allSatisfy(input -> assertThat(input.path("key").asText())
                .as("key of %s", input.path("id").asText()).matches(LOWER_CAMEL));
        assertThat(inputs).extracting(input -> input.path("key").asText()).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("formFiles")
    void componentIdsAreUnique(Path file) throws IOException {
        assertThat(components(read(file))).extracting(component -> component.path("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void callCustomerAsksForTheOutcomeAndItsDetails() throws IOException {
        JsonNode form = read(FORMS.resolve("call-customer.form"));

        assertThat(keys(form)).containsExactlyInAnyOrder("callOutcome", "promiseDate", "promiseAmount",
                "installmentCount", "installmentInterval", "disputeReason", "callRetryDays", "callNote");
        assertThat(options(form, "callOutcome"))
                .containsExactly("promise", "dispute", "noContact", "paid", "escalate", "writeOff");
        assertThat(options(form, "installmentInterval")).containsExactly("P7D", "P14D", "P1M");
        assertThat(templates(form)).contains("{{customerName}}", "{{customerNumber}}", "{{amountOwed}}",
                "{{overdueAmount}}", "{{oldestDueDate}}", "{{daysPastDue}}", "{{openInvoiceCount}}",
                "{{noticesSent}}", "{{brokenPromises}}", "]({{consoleLink}})");
    }

    @Test
    void promiseAmountAcceptsExactDecimalsOnly() throws IOException {
        JsonNode amount = input(read(FORMS.resolve("call-customer.form")), "promiseAmount");
        Pattern pattern = Pattern.compile(amount.path("validate").path("pattern").asText());

        assertThat(List.of("1234.56", "1234.5", "80", "0.01")).allMatch(text -> pattern.matcher(text).matches());
        assertThat(List.of("1,234.56", "12.345", "-5", "0", "0.00", "abc", "")).noneMatch(text -> pattern.matcher(text).matches());
    }

    @Test
    void outcomeDetailsShowOnlyForTheirOutcome() throws IOException {
        JsonNode form = read(FORMS.resolve("call-customer.form"));

        assertThat(hiddenUnless(form, "Group_Promise")).isEqualTo("=callOutcome != \"promise\"");
        assertThat(hiddenUnless(form, "Field_DisputeReason")).isEqualTo("=callOutcome != \"dispute\"");
        assertThat(hiddenUnless(form, "Field_CallRetryDays")).isEqualTo("=callOutcome != \"noContact\"");
        assertThat(input(form, "callNote").has("conditional")).isFalse();
    }

    @Test
    void reviewEscalationAsksForADecision() throws IOException {
        JsonNode form = read(FORMS.resolve("review-escalation.form"));

        assertThat(keys(form)).containsExactlyInAnyOrder("escalationDecision", "agencyName", "escalationNote");
        assertThat(options(form, "escalationDecision")).containsExactly("continue", "agency", "freeze", "writeOff");
        assertThat(hiddenUnless(form, "Field_AgencyName")).isEqualTo("=escalationDecision != \"agency\"");
        assertThat(templates(form)).contains("{{customerName}}", "{{customerNumber}}", "{{amountOwed}}",
                "{{daysPastDue}}", "{{escalationReason}}", "]({{consoleLink}})");
    }

    @Test
    void approveMoneyMoveAsksToApproveOrRejectAndNeverForTheRequester() throws IOException {
        JsonNode form = read(FORMS.resolve("approve-money-move.form"));

        assertThat(keys(form)).containsExactlyInAnyOrder("approvalDecision", "approvalNote").doesNotContain("requestedBy");
        assertThat(options(form, "approvalDecision")).containsExactly("approve", "reject");
        assertThat(templates(form)).contains("{{moneyMove}}", "{{moneyMoveSummary}}", "{{requestedBy}}", "]({{consoleLink}})");
    }

    @Test
    void approveWriteOffAsksToApproveOrReject() throws IOException {
        JsonNode form = read(FORMS.resolve("approve-write-off.form"));

        assertThat(keys(form)).containsExactlyInAnyOrder("writeOffDecision", "approvalNote");
        assertThat(options(form, "writeOffDecision")).containsExactly("approve", "reject");
        assertThat(templates(form)).contains("{{customerName}}", "{{customerNumber}}", "{{writeOffAmount}}",
                "{{escalationNote}}", "]({{consoleLink}})");
    }

    @Test
    void resolveDisputeAsksHowItEnded() throws IOException {
        JsonNode form = read(FORMS.resolve("resolve-dispute.form"));

        assertThat(keys(form)).containsExactlyInAnyOrder("disputeResolution", "resolutionNote");
        assertThat(options(form, "disputeResolution")).containsExactly("resume", "credited");
        assertThat(templates(form)).contains("{{customerName}}", "{{customerNumber}}", "{{amountOwed}}",
                "{{disputeReason}}", "]({{consoleLink}})");
    }

    @Test
    void decisionsAreRequired() throws IOException {
        Map<String, String> decisions = Map.of("call-customer.form", "callOutcome",
                "review-escalation.form", "escalationDecision", "approve-write-off.form", "writeOffDecision",
                "resolve-dispute.form", "disputeResolution");

        decisions.forEach((file, key) -> assertThat(input(read(FORMS.resolve(file)), key).path("validate").path("required")
                .asBoolean()).as("%s in %s", key, file).isTrue());
    }

    static String idFor(String fileName) {
        String[] words = fileName.substring(0, fileName.length() - ".form".length()).split("-");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.append("Form").toString();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot parse " + file, e);
        }
    }

    private static List<JsonNode> components(JsonNode parent) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode component : parent.path("components")) {
            all.add(component);
            all.addAll(components(component));
        }
        return all;
    }

    private static List<JsonNode> inputs(JsonNode form) {
        return components(form).stream().filter(component -> INPUT_TYPES.contains(component.path("type").asText())).toList();
    }

    private static List<String> keys(JsonNode form) {
        return inputs(form).stream().map(input -> input.path("key").asText()).toList();
    }

    private static JsonNode input(JsonNode form, String key) {
        return inputs(form).stream().filter(input -> key.equals(input.path("key").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no input with key " + key));
    }

    private static List<String> options(JsonNode form, String key) {
        List<String> values = new ArrayList<>();
        input(form, key).path("values").forEach(option -> values.add(option.path("value").asText()));
        return values;
    }

    private static String templates(JsonNode form) {
        StringBuilder text = new StringBuilder();
        components(form).stream().filter(component -> "text".equals(component.path("type").asText()))
                .forEach(component -> text.append(component.path("text").asText()).append('\n'));
        return text.toString();
    }

    private static String hiddenUnless(JsonNode form, String componentId) {
        return components(form).stream().filter(component -> componentId.equals(component.path("id").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no component " + componentId))
                .path("conditional").path("hide").asText();
    }
}
