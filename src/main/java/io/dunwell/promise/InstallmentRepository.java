package io.dunwell.promise;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface InstallmentRepository extends JpaRepository<Installment, Long> {

    List<Installment> findByPromiseIdOrderByNumber(Long promiseId);

    Optional<Installment> findByPromiseIdAndNumber(Long promiseId, int number);
}
