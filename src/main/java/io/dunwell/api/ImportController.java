package io.dunwell.api;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.dunwell.imports.CsvImporter;
import io.dunwell.imports.ImportReport;
import io.dunwell.system.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * CSV uploads, as the body ({@code text/csv}) or as the multipart part {@code file}. The body is
 * streamed to the importer, never read into memory as a whole.
 */
@RestController
@RequestMapping(path = "/api/v1/imports", consumes = {ImportController.TEXT_CSV, MediaType.MULTIPART_FORM_DATA_VALUE})
@Tag(name = "Imports", description = "UTF-8 CSV with a header line of the JSON API's field names. Each row is applied "
        + "all or nothing; the report gives each rejected row's line and field errors (every row with details=all).")
class ImportController {

    static final String TEXT_CSV = "text/csv";
    private static final String DETAILS = "rejected (default) or all: which rows the report lists";

    /** Documents the two ways to send the file. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @RequestBody(required = true, description = "UTF-8 CSV, header line first",
            content = {
                    @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object"),
                            schemaProperties = @SchemaProperty(name = "file",
                                    schema = @Schema(type = "string", format = "binary")))})
    @interface CsvUpload {
    }

    private final CsvImporter importer;

    ImportController(CsvImporter importer) {
        this.importer = importer;
    }

    @CsvUpload
    @PostMapping("/accounts")
    @Operation(summary = "Import accounts: externalId,name,email,phone,locale,timeZone,currency,segment")
    ImportReport accounts(@Parameter(hidden = true) @RequestPart(name = "file", required = false) MultipartFile file,
                          HttpServletRequest request,
                          @Parameter(description = DETAILS) @RequestParam(defaultValue = "rejected") String details)
            throws IOException {
        boolean listEveryRow = listEveryRow(details);
        return importer.importAccounts(csv(file, request), listEveryRow);
    }

    @CsvUpload
    @PostMapping("/invoices")
    @Operation(summary = "Import invoices: externalId,accountId,number,issueDate,dueDate,currency,amount,balance,status")
    ImportReport invoices(@Parameter(hidden = true) @RequestPart(name = "file", required = false) MultipartFile file,
                          HttpServletRequest request,
                          @Parameter(description = DETAILS) @RequestParam(defaultValue = "rejected") String details)
            throws IOException {
        boolean listEveryRow = listEveryRow(details);
        return importer.importInvoices(csv(file, request), listEveryRow);
    }

    @CsvUpload
    @PostMapping("/payments")
    @Operation(summary = "Import payments, each applied to the oldest due invoices first: "
            + "externalId,accountId,amount,currency,receivedAt,reference")
    ImportReport payments(@Parameter(hidden = true) @RequestPart(name = "file", required = false) MultipartFile file,
                          HttpServletRequest request,
                          @Parameter(description = DETAILS) @RequestParam(defaultValue = "rejected") String details)
            throws IOException {
        boolean listEveryRow = listEveryRow(details);
        return importer.importPayments(csv(file, request), listEveryRow);
    }

    private static InputStream csv(MultipartFile file, HttpServletRequest request) throws IOException {
        if (file != null) {
            return file.getInputStream();
        }
        if (MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
            throw new BadRequestException("file", "is missing: send the CSV as the multipart part named file");
        }
        return request.getInputStream();
    }

    private static boolean listEveryRow(String details) {
        return switch (details) {
            case "all" -> true;
            case "rejected" -> false;
            default -> throw new BadRequestException("details", "must be all or rejected");
        };
    }
}
