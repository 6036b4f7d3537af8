package io.eventos.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class RecordAccessorResolverTest {

    public record Offer(String name, long price) {
        public String label(String currency) {
            return name + " " + currency;
        }

        public String shout() {
            return name.toUpperCase();
        }
    }

    record Hidden(String name) {
    }

    public record Broken(String name) {
        @Override
        public String name() {
            throw new IllegalStateException("no name today");
        }
    }

    private final RecordAccessorResolver resolver = new RecordAccessorResolver();

    @Test
    void answersARecordsAccessorCallAndItsPropertyForm() {
        Offer offer = new Offer("Regular", 24900);
        ELContext call = context();
        assertThat(resolver.invoke(call, offer, "name", new Class<?>[0], new Object[0])).isEqualTo("Regular");
        assertThat(call.isPropertyResolved()).isTrue();
        ELContext property = context();
        assertThat(resolver.getValue(property, offer, "price")).isEqualTo(24900L);
        assertThat(property.isPropertyResolved()).isTrue();
        ELContext readOnly = context();
        assertThat(resolver.isReadOnly(readOnly, offer, "price")).isTrue();
        assertThat(readOnly.isPropertyResolved()).isTrue();
    }

    @Test
    void leavesEverythingElseToTheNextResolver() {
        Offer offer = new Offer("Regular", 24900);
        assertUnresolved(c -> resolver.invoke(c, offer, "label", new Class<?>[]{String.class}, new Object[]{"EUR"}));
        assertUnresolved(c -> resolver.invoke(c, offer, "shout", new Class<?>[0], new Object[0]));
        assertUnresolved(c -> resolver.invoke(c, "a string", "length", new Class<?>[0], new Object[0]));
        assertUnresolved(c -> resolver.invoke(c, new Hidden("x"), "name", new Class<?>[0], new Object[0]));
        assertUnresolved(c -> resolver.getValue(c, null, "offer"));
        assertUnresolved(c -> resolver.getValue(c, offer, "missing"));
    }

    @Test
    void anAccessorsOwnFailureIsReportedAsAnElFailure() {
        assertThatThrownBy(() -> resolver.invoke(context(), new Broken("x"), "name", new Class<?>[0], new Object[0]))
                .isInstanceOf(ELException.class).hasRootCauseMessage("no name today");
    }

    private void assertUnresolved(java.util.function.Function<ELContext, Object> resolve) {
        ELContext context = context();
        assertThat(resolve.apply(context)).isNull();
        assertThat(context.isPropertyResolved()).isFalse();
    }

    private static ELContext context() {
        return new ELContext() {
            @Override
            public ELResolver getELResolver() {
                return null;
            }

            @Override
            public FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public VariableMapper getVariableMapper() {
                return null;
            }
        };
    }
}
