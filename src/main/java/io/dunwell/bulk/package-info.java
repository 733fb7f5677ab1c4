/**
 * Bulk actions on many accounts at once (issue 5): flags, messages, exports, fees, stage,
 * write-off, agency placement, freeze and its rollback. One request is an account-by-account
 * loop, each account in a transaction of its own, kept under the client's idempotency key.
 */
package io.dunwell.bulk;
