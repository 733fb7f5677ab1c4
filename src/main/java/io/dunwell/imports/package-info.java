/**
 * CSV import of accounts, invoices and payments: the same rules as the JSON API, applied a row
 * at a time from a streamed file, with a report per row.
 */
package io.dunwell.imports;
