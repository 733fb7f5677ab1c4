/**
 * Collections reporting: the dashboard's figures, computed with set-based SQL over the ledger
 * tables (read only), and the textbook formulas they feed (DSO, CEI, aging). Money is reported
 * per currency: there is no FX conversion, so figures of different currencies are never added.
 */
package io.dunwell.reporting;
