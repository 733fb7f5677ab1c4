package io.dunwell.notes;

import static org.mockito.Mockito.mock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockReset;

/**
 * The notes' package-private collaborators as mocks for the console's web slice (a {@code @MockitoBean}
 * type list outside this package cannot name them); reset after every test like {@code @MockitoBean}s.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NotesSliceConfiguration {

    @Bean
    NotesExport notesExport() {
        return mock(NotesExport.class, MockReset.withSettings(MockReset.AFTER));
    }
}
