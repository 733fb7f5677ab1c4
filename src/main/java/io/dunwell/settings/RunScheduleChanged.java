package io.dunwell.settings;

/** A supervisor gave the dunning run a new schedule: a 6-field Spring cron with day names. */
public record RunScheduleChanged(String cron) {
}
