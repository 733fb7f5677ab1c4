package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.dunwell.notes.NotesExport;

@ConsoleWebMvcTest
class NotesExportControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    NotesExport export;

    @Test
    void theExportIsACsvDownloadOfTheChosenNotes() throws Exception {
        mvc.perform(get("/notes/export").param("source", "invoices").param("invoice", " 2026-0042 ")
                        .param("from", "2026-01-01").param("to", "2026-01-31").param("zone", "Pacific/Auckland")
                        .with(user("alice").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("notes-invoices.csv")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));

        ArgumentCaptor<NotesExport.Filter> filter = ArgumentCaptor.forClass(NotesExport.Filter.class);
        verify(export).write(filter.capture(), any());
        assertThat(filter.getValue()).isEqualTo(new NotesExport.Filter(NotesExport.Source.INVOICES, null, "2026-0042",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), ZoneId.of("Pacific/Auckland")));
    }

    @Test
    void badParametersAreRefusedAndNothingIsWritten() throws Exception {
        mvc.perform(get("/notes/export").param("source", "payments").with(user("alice").roles("AGENT")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/notes/export").param("zone", "Mars/Olympus").with(user("alice").roles("AGENT")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/notes/export").param("from", "2026-02-01").param("to", "2026-01-01").with(user("alice").roles("AGENT")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/notes/export").param("from", "yesterday").with(user("alice").roles("AGENT")))
                .andExpect(status().isBadRequest());

        verify(export, never()).write(any(), any());
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/notes/export").accept("text/html")).andExpect(redirectedUrlPattern("**/login"));

        verify(export, never()).write(any(), any());
    }
}
