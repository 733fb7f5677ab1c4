package io.dunwell.notification;

/**
 * The port to an SMS and voice provider (a text-to-speech call reads the text). Dunwell ships only
 * {@link DevelopmentChannelProvider}, which sends nothing; a deployment that reaches real phones
 * declares its own bean of this type and the development one steps aside.
 */
public interface ChannelProvider {

    String SMS = "SMS";
    String VOICE = "VOICE";

    /** A short name stored with each message sent, e.g. {@code development}. */
    String name();

    /** Hands the message to the provider; returns the provider's id for it. */
    String send(String channel, String recipient, String text);
}
