package io.dunwell.invoice;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AllocationRepository extends JpaRepository<Allocation, Long> {

    List<Allocation> findByPaymentIdAndReversedAtIsNullOrderById(Long paymentId);

    List<Allocation> findByCreditNoteIdAndReversedAtIsNullOrderById(Long creditNoteId);

    List<Allocation> findByInvoiceIdAndReversedAtIsNull(Long invoiceId);
}
