package io.dunwell.notification;

/** What the party that took a message says about it: the SMS provider and its id for it; nothing for SMTP. */
record Receipt(String provider, String providerId) {

    static final Receipt SMTP = new Receipt(null, null);
}
