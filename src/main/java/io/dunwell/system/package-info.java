/**
 * Cross-cutting plumbing every module may use: the shared clock, money, security, errors.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.dunwell.system;
