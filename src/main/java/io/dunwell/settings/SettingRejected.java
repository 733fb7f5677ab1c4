package io.dunwell.settings;

/** A setting that breaks its rule; thrown before anything is written. */
public class SettingRejected extends RuntimeException {

    public SettingRejected(String message) {
        super(message);
    }
}
