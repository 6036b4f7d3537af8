package io.eventos.testing;

import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.arquillian.test.spi.context.ClassContext;

/**
 * Boots the in-container deployment once per test JVM instead of once per test class. Payara Micro starts a new
 * server for every deployment (about 15 s), and Arquillian deploys before each class and undeploys after it. Here the
 * first class's deployment is kept: later classes get the same deployment scenario (so the same address to run
 * their tests at) and deploy nothing, and nothing is undeployed until the containers stop at the end of the run.
 * That is right only because every in-container class deploys the same archive ({@link SuiteDeployment}).
 * Registered in META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension.
 */
public class OneDeployment {

    /** Registers {@link OneDeployment} with Arquillian. */
    public static class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.observer(OneDeployment.class);
        }
    }

    @Inject
    @ClassScoped
    private InstanceProducer<DeploymentScenario> scenario;
    @Inject
    private Instance<ClassContext> classContext;
    @Inject
    private Event<UnDeployManagedDeployments> undeploy;

    private DeploymentScenario deployed;
    private boolean stopping;

    public void generate(@Observes EventContext<GenerateDeployment> event) {
        if (deployed == null) {
            event.proceed();
        } else {
            scenario.set(deployed);
        }
    }

    public void deploy(@Observes EventContext<DeployManagedDeployments> event) {
        if (deployed == null) {
            event.proceed();
            deployed = scenario.get();
        }
    }

    public void undeploy(@Observes EventContext<UnDeployManagedDeployments> event) {
        if (deployed == null || stopping) {
            event.proceed();
        }
    }

    public void stop(@Observes BeforeStop event) {
        if (deployed == null || stopping) {
            return;
        }
        stopping = true;
        ClassContext context = classContext.get();
        context.activate(OneDeployment.class);
        try {
            scenario.set(deployed);
            undeploy.fire(new UnDeployManagedDeployments());
        } finally {
            context.deactivate();
            context.destroy(OneDeployment.class);
        }
    }
}
