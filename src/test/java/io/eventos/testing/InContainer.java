package io.eventos.testing;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs inside the application server (Arquillian). All such classes share one Payara Micro for
 * the whole run: their {@code @Deployment} returns {@link SuiteDeployment#war()}, {@link OneDeployment} boots it
 * once, and Failsafe runs them in an execution of their own (tag {@value #TAG}) so that server is gone before the
 * browser tests start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(InContainer.TAG)
@ExtendWith(ArquillianExtension.class)
public @interface InContainer {

    String TAG = "in-container";
}
