package io.dunwell.charges;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dunwell.late-charges.*}: when the run starts, the reference rate per half-year, and per
 * customer segment whether late-payment interest and a flat compensation are charged. A segment
 * that is not listed, or not enabled, is never charged. {@code paidLookbackDays}: for how many days
 * after the payment that cleared an invoice was booked the run still charges its last, partial
 * month (and the compensation); it bounds the paid history a run reads, and keeps a newly enabled segment from being charged for
 * invoices paid long ago.
 */
@ConfigurationProperties("dunwell.late-charges")
public record LateChargePolicy(@DefaultValue("0 30 5 * * *") String runCron,
                               @DefaultValue("14") int paymentDays,
                               @DefaultValue("45") int paidLookbackDays,
                               List<ReferenceRate> referenceRates,
                               Map<String, SegmentPolicy> segments) {

    /** The reference rate (e.g. the ECB's main refinancing rate) in percent, in force from {@code from}. */
    public record ReferenceRate(LocalDate from, BigDecimal rate) {
    }

    /**
     * {@code interestPoints}: percentage points over the reference rate (the EU rule: 8);
     * {@code flatCompensation} in {@code flatCompensationCurrency}, once per invoice in that currency (the EU rule: 40 EUR).
     */
    public record SegmentPolicy(boolean enabled, BigDecimal interestPoints, BigDecimal flatCompensation,
                                String flatCompensationCurrency) {
    }

    public LateChargePolicy {
        referenceRates = referenceRates == null ? List.of() : List.copyOf(referenceRates);
        segments = segments == null ? Map.of() : Map.copyOf(segments);
    }

    Optional<SegmentPolicy> of(String segment) {
        return Optional.ofNullable(segment == null ? null : segments.get(segment)).filter(SegmentPolicy::enabled);
    }

    /**
     * The EU rule: the rate in force on the first day of the half-year (1 January or 1 July)
     * applies to the whole half-year. Empty when the table starts later.
     */
    Optional<BigDecimal> referenceRateFor(LocalDate day) {
        LocalDate halfYearStart = LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
        return referenceRates.stream().filter(rate -> !rate.from().isAfter(halfYearStart))
                .max(Comparator.comparing(ReferenceRate::from)).map(ReferenceRate::rate);
    }
}
