/**
 * Collections reporting, read only: the accounts-in-collections list with its one filter type and
 * the one meaning of "in collections", the dashboard's and agents' figures, computed with set-based
 * SQL over the ledger tables and kept a few minutes, and the textbook formulas they feed (DSO, CEI, aging). Money is reported
 * per currency: there is no FX conversion, so figures of different currencies are never added.
 */
package io.dunwell.reporting;
