package io.dunwell.notes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
            ids.add(idOf(matcher));
        }
        return ids;
    }

    /** The line cut into plain text and the {@code @id}s {@link #in} finds, in order, so a page can show each mention as a chip. */
    static List<NoteView.Segment> split(String line) {
        List<NoteView.Segment> segments = new ArrayList<>();
        Matcher matcher = MENTION.matcher(line);
        int at = 0;
        while (matcher.find()) {
            int end = matcher.start() + 1 + idOf(matcher).length();
            if (matcher.start() > at) {
                segments.add(new NoteView.Segment(line.substring(at, matcher.start()), false));
            }
            segments.add(new NoteView.Segment(line.substring(matcher.start(), end), true));
            at = end;
        }
        if (at < line.length()) {
            segments.add(new NoteView.Segment(line.substring(at), false));
        }
        return segments;
    }

    private static String idOf(Matcher mention) {
        // "@alice." at the end of a sentence mentions alice
        return mention.group(1).replaceAll("[.-]+$", "");
    }
}
