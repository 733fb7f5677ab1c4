package io.dunwell.worklist;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface BasketRepository extends JpaRepository<Basket, Long> {

    List<Basket> findByStatusInOrderByCreatedAtDescIdDesc(Collection<BasketStatus> statuses);

    List<Basket> findByOwnerAndStatusOrderByCreatedAtDescIdDesc(String owner, BasketStatus status);

    List<Basket> findBySessionAgentAndStatusOrderByCreatedAtDescIdDesc(String agent, BasketStatus status);

    boolean existsByOwnerAndName(String owner, String name);

    Optional<Basket> findBySessionProcessInstanceId(String processInstanceId);
}
