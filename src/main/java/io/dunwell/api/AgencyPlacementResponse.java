package io.dunwell.api;

import java.math.BigDecimal;
import java.time.Instant;

import io.dunwell.dunning.AgencyPlacement;

record AgencyPlacementResponse(Long id, String accountId, Long dunningCaseId, String agencyName, BigDecimal amount,
                               String currency, Instant placedAt, String placedBy, String fileName) {

    static AgencyPlacementResponse of(AgencyPlacement placement, String accountId) {
        return new AgencyPlacementResponse(placement.getId(), accountId, placement.getDunningCaseId(), placement.getAgencyName(),
                placement.getAmount(), placement.getCurrency(), placement.getPlacedAt(), placement.getPlacedBy(),
                placement.getFileName());
    }
}
