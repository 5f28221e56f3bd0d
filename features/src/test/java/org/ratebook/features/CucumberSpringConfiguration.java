package org.ratebook.features;

import io.cucumber.spring.CucumberContextConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One Spring context (and one embedded PostgreSQL) for all scenarios. Scenarios stay independent because each
 * one bills for sellers (tenants) of its own; see {@link BillingWorld}.
 */
@CucumberContextConfiguration
@SpringBootTest(classes = FeaturesTestApplication.class)
public class CucumberSpringConfiguration {
}
