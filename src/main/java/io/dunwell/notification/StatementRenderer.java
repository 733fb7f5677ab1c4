package io.dunwell.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.dunwell.account.Account;

/**
 * The statement of account as a PDF: {@code email-templates/statement.ftlh} (per language, like
 * every notice) rendered by the notices' own safe Freemarker configuration into XHTML, which
 * openhtmltopdf lays out with its built-in fonts. It loads nothing from outside — no images,
 * stylesheets or fonts by URL — so a template cannot make the server fetch anything.
 */
@Component
class StatementRenderer {

    static final String TEMPLATE = "statement";

    private final NoticeRenderer renderer;

    StatementRenderer(NoticeRenderer renderer) {
        this.renderer = renderer;
    }

    /** The statement for the notice's model (customer, {@code today}, open invoices, total). */
    Attachment render(Account account, LocalDate today, Map<String, Object> model) {
        String xhtml = renderer.renderDocument(TEMPLATE, account.locale(), account.zone(), model);
        return new Attachment(fileName(account.getExternalId(), today), pdfOf(xhtml));
    }

    static String fileName(String customerNumber, LocalDate today) {
        return "statement-" + customerNumber.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + today + ".pdf";
    }

    private static byte[] pdfOf(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .withHtmlContent(xhtml, null)
                    .withProducer("Dunwell")
                    .toStream(pdf)
                    .run();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The statement of account cannot be made into a PDF: " + e.getMessage(), e);
        }
        return pdf.toByteArray();
    }
}
