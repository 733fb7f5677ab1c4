/**
 * Four-eyes money moves (write-offs and fees): who may book how much alone, who approves the
 * rest (the WriteOffApproval and FeeApproval decisions in {@code bpmn/}), and the engine-side
 * rule that nobody approves what they requested.
 */
package io.dunwell.approval;
