package io.dunwell.api;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.swagger.v3.oas.annotations.media.Schema;

record AllocationDto(
        @Schema(description = "The invoice's external id", example = "INV-1") String invoiceId,
        @Schema(type = "string", example = "100.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {
}
