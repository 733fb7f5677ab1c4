package io.dunwell.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.system.BadRequestException;
import io.dunwell.system.NotFoundException;
import io.dunwell.notes.NoteThread;
import io.dunwell.notes.NoteAttachment;
import io.dunwell.notes.Notes;

@ConsoleWebMvcTest
class NotesControllerTests {

    final NoteThread thread = new NoteThread(7L, null, "account <i>ACC-1</i>");

    @Autowired
    MockMvc mvc;
    @Autowired
    Notes notes;

    @BeforeEach
    void anAccountsThread() {
        given(notes.ofAccount("ACC-1")).willReturn(thread);
        given(notes.ofAccount("NOPE")).willThrow(new NotFoundException("No account NOPE"));
    }

    @Test
    void theThreadFragmentNamesItsAccountAsText() throws Exception {
        mvc.perform(get("/accounts/ACC-1/notes").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No notes on account &lt;i&gt;ACC-1&lt;/i&gt; yet.")))
                .andExpect(content().string(containsString("action=\"/accounts/ACC-1/notes\"")));
    }

    @Test
    void aRefusedNoteComesBackWithTheReasonAndTheDraft() throws Exception {
        given(notes.add(eq(thread), eq("alice"), anyString(), isNull(), anyList()))
                .willThrow(new BadRequestException("body", "A note needs at most 10000 characters"));

        mvc.perform(post("/accounts/ACC-1/notes").param("body", "<script>too long</script>")
                        .with(user("alice").roles("AGENT")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A note needs at most 10000 characters")))
                .andExpect(content().string(containsString("&lt;script&gt;too long&lt;/script&gt;</textarea>")));
    }

    @Test
    void aNoteWithoutCsrfTokenIsNotWritten() throws Exception {
        mvc.perform(post("/accounts/ACC-1/notes").param("body", "hello").with(user("alice").roles("AGENT")))
                .andExpect(status().isForbidden());

        verify(notes, never()).add(any(), anyString(), anyString(), any(), anyList());
    }

    @Test
    void aSignedInUserWithoutARoleReadsNoNotes() throws Exception {
        mvc.perform(get("/accounts/ACC-1/notes").with(user("stranger").roles("INTEGRATION")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anUnknownAccountHasNoThread() throws Exception {
        mvc.perform(get("/accounts/NOPE/notes").with(user("alice").roles("AGENT"))).andExpect(status().isNotFound());
    }

    @Test
    void anAttachmentIsAlwaysADownloadTheBrowserMayNotRender() throws Exception {
        NoteAttachment file = new NoteAttachment(1L, "<evil>.html", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        given(notes.attachment(5L)).willReturn(Optional.of(file));

        mvc.perform(get("/notes/attachments/5").with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"));
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/accounts/ACC-1/notes").accept("text/html"))
                .andExpect(redirectedUrlPattern("**/login"))
                .andExpect(content().string(not(containsString("ACC-1"))));
    }
}
