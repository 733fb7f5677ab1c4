package io.dunwell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DunwellApplication {

    public static void main(String[] args) {
        SpringApplication.run(DunwellApplication.class, args);
    }
}
