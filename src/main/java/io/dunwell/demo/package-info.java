/**
 * What a newcomer gets from {@code mvn spring-boot:run}: demo users, a few hundred demo accounts
 * with a realistic aging spread, a mail catcher the console shows, and a banner that says where
 * everything is. Only with {@code dunwell.demo.enabled=true}; off in the {@code postgres} profile.
 */
package io.dunwell.demo;
