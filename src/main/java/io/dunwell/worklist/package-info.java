/**
 * Worklists: baskets of accounts an agent picks to work on, the collection session that steps
 * through a basket one account at a time (CollectionSessionProcess), and statements mailed to a
 * whole basket at once.
 */
package io.dunwell.worklist;
