package io.dunwell.followup;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface FollowUpTaskRepository extends Repository<FollowUpTask, Long> {

    FollowUpTask save(FollowUpTask task);

    Optional<FollowUpTask> findById(Long id);

    List<FollowUpTask> findByAccountIdOrderByDueDateAscIdAsc(Long accountId);
}
