package io.esteira.extractor;

import io.esteira.runtime.jdbc.DwDataSourceConfiguration;
import io.esteira.runtime.jdbc.OltpDataSourceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({DwDataSourceConfiguration.class, OltpDataSourceConfiguration.class})
public class ExtractorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExtractorApplication.class, args);
    }
}
