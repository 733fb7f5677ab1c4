package io.dunwell.notes;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The user ids a note's text mentions with {@code @id}; an email address is no mention. */
final class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@([\\w][\\w.-]*)");

    private Mentions() {
    }

    static Set<String> in(String body) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(body);
        while (matcher.find()) {
            // "@alice." at the end of a sentence mentions alice
            ids.add(matcher.group(1).replaceAll("[.-]+$", ""));
        }
        return ids;
    }
}
