package io.eventos.event.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a public event page says about the availability of each ticket type, as one comparable text: sold out, the
 * exact number when fewer than {@link #FEW_LEFT} are left of a type on sale ("Only 7 left"), or simply available.
 * A kept rendering of the page holds this text; it still tells the truth while the text computed from the stock
 * counted now is the same ({@link PublicPageStore}). Seats sold elsewhere in a large stock change nothing the
 * page says, so they do not cost a rendering.
 */
public final class PublicAvailability {

    /** Below this many left (and on sale), the page says how many. */
    public static final int FEW_LEFT = 20;

    private PublicAvailability() {
    }

    /** The text of what a page built from {@code offers} says, one line per ticket type in page order. */
    public static String of(List<TicketOffer> offers) {
        StringBuilder text = new StringBuilder();
        for (TicketOffer offer : offers) {
            boolean onSale = offer.state() == TicketOffer.SalesState.ON_SALE;
            text.append(offer.id()).append(onSale ? " s " : " - ").append(word(offer.remaining(), onSale))
                    .append('\n');
        }
        return text.toString();
    }

    /**
     * Whether a page that said {@code kept} says the same of the stock {@code remaining} counted now (by ticket
     * type id; a null value: unlimited). A ticket type no longer counted is a change.
     */
    public static boolean unchanged(String kept, Map<UUID, Integer> remaining) {
        StringBuilder now = new StringBuilder();
        for (String line : kept.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" ", 3);
            UUID id = UUID.fromString(parts[0]);
            if (!remaining.containsKey(id)) {
                return false;
            }
            boolean onSale = parts[1].equals("s");
            now.append(line, 0, parts[0].length() + 3).append(word(remaining.get(id), onSale)).append('\n');
        }
        return now.toString().equals(kept);
    }

    /** "sold-out", the number left when few are left of a type on sale, else "plenty" (on sale) or "-". */
    static String word(Integer remaining, boolean onSale) {
        if (remaining != null && remaining <= 0) {
            return "sold-out";
        }
        if (remaining != null && remaining <= FEW_LEFT && onSale) {
            return Integer.toString(remaining);
        }
        return onSale ? "plenty" : "-";
    }
}
