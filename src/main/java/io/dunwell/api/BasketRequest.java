package io.dunwell.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

record BasketRequest(
        @Schema(description = "What the basket is for", example = "30+ days") String name,
        @Schema(description = "The billing system's account ids, in the order to work them", example = "[\"ACC-1001\", \"ACC-1002\"]")
        List<String> accountIds) {
}
