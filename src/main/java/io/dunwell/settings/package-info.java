/**
 * What supervisors tune on the console's settings page: aging buckets, the in-collections and
 * critical-invoice conditions, custom collection statuses and the dunning run's schedule, stored
 * in {@code console_setting}; and previews of every email template with sample data.
 */
package io.dunwell.settings;
