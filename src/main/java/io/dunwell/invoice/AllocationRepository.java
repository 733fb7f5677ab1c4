package io.dunwell.invoice;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AllocationRepository extends JpaRepository<Allocation, Long> {

    List<Allocation> findByPaymentIdOrderById(Long paymentId);

    List<Allocation> findByCreditNoteIdOrderById(Long creditNoteId);

    List<Allocation> findByInvoiceId(Long invoiceId);
}
