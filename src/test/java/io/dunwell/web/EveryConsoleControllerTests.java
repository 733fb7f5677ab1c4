package io.dunwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;

/**
 * The README says every console controller has a slice test: each one runs in {@link ConsoleWebMvcTest}'s
 * slice, so a controller added to the console without joining it fails here.
 */
class EveryConsoleControllerTests {

    @Test
    void everyControllerOfTheConsoleIsInTheSlice() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Set<String> controllers = scanner.findCandidateComponents(ConsoleWebMvcTest.class.getPackageName()).stream()
                .map(BeanDefinition::getBeanClassName).collect(Collectors.toSet());
        Set<String> sliced = Set.of(ConsoleWebMvcTest.class.getAnnotation(WebMvcTest.class).controllers()).stream()
                .map(Class::getName).collect(Collectors.toSet());

        // the scan found the package's controllers at all, so an empty scan cannot pass
        assertThat(controllers).as("the console's controllers").contains(WorklistController.class.getName());
        assertThat(sliced).as("ConsoleWebMvcTest's controllers").containsAll(controllers);
    }
}
