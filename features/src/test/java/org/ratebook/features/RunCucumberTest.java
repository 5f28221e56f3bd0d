package org.ratebook.features;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

/**
 * Runs every {@code .feature} file under {@code src/test/resources/org/ratebook/features} with Cucumber on the
 * JUnit Platform, so Surefire counts each scenario as one test.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("org.ratebook.features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "org.ratebook.features")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "pretty")
public class RunCucumberTest {
}
