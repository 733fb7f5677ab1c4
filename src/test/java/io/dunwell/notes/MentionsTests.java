package io.dunwell.notes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.dunwell.notes.NoteView.Segment;

class MentionsTests {

    @Test
    void aLineIsCutIntoTextAndTheMentionsItNames() {
        assertThat(Mentions.split("Ask @alice and @bob.smith about it")).containsExactly(
                new Segment("Ask ", false), new Segment("@alice", true), new Segment(" and ", false),
                new Segment("@bob.smith", true), new Segment(" about it", false));
    }

    @Test
    void aFullStopAfterAMentionStaysText() {
        assertThat(Mentions.split("Over to @alice.")).containsExactly(
                new Segment("Over to ", false), new Segment("@alice", true), new Segment(".", false));
        assertThat(Mentions.in("Over to @alice.")).containsExactly("alice");
    }

    @Test
    void anEmailAddressIsNoMention() {
        assertThat(Mentions.split("Mail ap@customer.example")).containsExactly(new Segment("Mail ap@customer.example", false));
    }

    @Test
    void aLineOfOnlyAMentionIsOneMention() {
        assertThat(Mentions.split("@bob")).containsExactly(new Segment("@bob", true));
        assertThat(Mentions.split("")).isEmpty();
    }
}
