package io.esteira.runtime.config;

import io.esteira.runtime.broker.BrokerConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** What every Esteira service gets: the connection contract and the broker connection. */
@AutoConfiguration
@EnableConfigurationProperties(EsteiraProperties.class)
@Import(BrokerConfiguration.class)
public class RuntimeAutoConfiguration {}
