/**
 * Notes agents write on accounts and invoices: replies, attachments, @mentions that mail the
 * mentioned agent, a CSV export. Notes are a record: nothing changes or deletes them, down to
 * the database's triggers.
 */
package io.dunwell.notes;
