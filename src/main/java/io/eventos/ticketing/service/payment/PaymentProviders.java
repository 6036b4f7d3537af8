package io.eventos.ticketing.service.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** The payment providers installed in this server, found by id. */
@ApplicationScoped
public class PaymentProviders {

    @Inject
    @Any
    Instance<PaymentProvider> installed;

    public Optional<PaymentProvider> find(String id) {
        return installed.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The ways to pay a non-free order, in the order buyers see them. */
    public List<PaymentProvider> forPaidOrders() {
        return installed.stream().filter(p -> !p.id().equals(FreeTickets.ID))
                .sorted(java.util.Comparator.comparing(PaymentProvider::paysLater)).toList();
    }
}
