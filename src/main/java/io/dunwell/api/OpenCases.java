package io.dunwell.api;

import org.springframework.stereotype.Component;

import io.dunwell.dunning.CaseProgress;

/** The account's open dunning case as the API shows it: the instance and the names of the steps it waits at. */
@Component
class OpenCases {

    private final CaseProgress progress;

    OpenCases(CaseProgress progress) {
        this.progress = progress;
    }

    AccountResponse.OpenCase of(String accountExternalId) {
        return progress.of(accountExternalId)
                .map(open -> new AccountResponse.OpenCase(open.processInstanceId(), open.processDefinitionKey(), open.stepNames()))
                .orElse(null);
    }
}
